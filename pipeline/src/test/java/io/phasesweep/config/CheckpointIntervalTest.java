package io.phasesweep.config;

import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code checkpoint.interval}: a duration, 0 or off; the default; and errors that name file, line and key. */
class CheckpointIntervalTest {
    @TempDir
    Path dir;

    private SweepConfig load(String text, String... sets) {
        return ConfigLoader.load(Configs.write(dir, "s.conf", text), List.of(sets), null);
    }

    @Test
    void readsDurationsAndOff() {
        assertEquals(ConfigLoader.DEFAULT_CHECKPOINT_INTERVAL, load(ConfigLoaderTest.VALID).checkpointInterval());
        assertEquals(Duration.ofMinutes(10), ConfigLoader.DEFAULT_CHECKPOINT_INTERVAL);
        assertEquals(Duration.ofSeconds(90), load(ConfigLoaderTest.VALID + "checkpoint.interval = 90 s").checkpointInterval());
        assertEquals(Duration.ofMillis(250), load(ConfigLoaderTest.VALID + "checkpoint { interval = 250 ms }").checkpointInterval());
        assertEquals(Duration.ZERO, load(ConfigLoaderTest.VALID + "checkpoint.interval = off").checkpointInterval());
        assertEquals(Duration.ZERO, load(ConfigLoaderTest.VALID + "checkpoint.interval = 0").checkpointInterval());
        assertEquals(Duration.ofHours(1), load(ConfigLoaderTest.VALID, "checkpoint.interval=1h").checkpointInterval());
        // Spellings HOCON lacks but people write.
        assertEquals(Duration.ofMinutes(30), load(ConfigLoaderTest.VALID + "checkpoint.interval = 30 min").checkpointInterval());
        assertEquals(Duration.ofMinutes(5), load(ConfigLoaderTest.VALID + "checkpoint.interval = 5mins").checkpointInterval());
        assertEquals(Duration.ofSeconds(45), load(ConfigLoaderTest.VALID + "checkpoint.interval = 45 sec").checkpointInterval());
        assertEquals(Duration.ofHours(2), load(ConfigLoaderTest.VALID + "checkpoint.interval = 2 hrs").checkpointInterval());
        assertEquals(Duration.ofMillis(1500), load(ConfigLoaderTest.VALID + "checkpoint.interval = 1.5 s").checkpointInterval());
    }

    @Test
    void intervalDoesNotChangeTheConfigHash() {
        // A sweep started with one interval may be resumed with another: the results are the same.
        assertEquals(load(ConfigLoaderTest.VALID).hash(), load(ConfigLoaderTest.VALID + "checkpoint.interval = 1 s").hash());
    }

    @Test
    void badValuesAreRefusedWithFileLineAndKey() {
        int line = (int) ConfigLoaderTest.VALID.lines().count() + 1;
        ConfigError noUnit = assertThrows(ConfigError.class, () -> load(ConfigLoaderTest.VALID + "checkpoint.interval = 10"));
        assertEquals("s.conf:" + line + ": checkpoint.interval: needs a unit, e.g. '10 s' or '10 minutes' (0 or off: no checkpoints)",
                noUnit.getMessage().substring(noUnit.getMessage().indexOf("s.conf")));
        ConfigError words = assertThrows(ConfigError.class, () -> load(ConfigLoaderTest.VALID + "checkpoint.interval = soon"));
        assertEquals("s.conf:" + line + ": checkpoint.interval: must be a duration such as '10 minutes' or '30 s',"
                        + " or 0 or off for no checkpoints, got \"soon\"",
                words.getMessage().substring(words.getMessage().indexOf("s.conf")));
        assertThrows(ConfigError.class, () -> load(ConfigLoaderTest.VALID + "checkpoint.interval = -5 s"));
        ConfigError key = assertThrows(ConfigError.class, () -> load(ConfigLoaderTest.VALID + "checkpoint.every = 5 s"));
        assertEquals(true, key.getMessage().contains("checkpoint.every"), key.getMessage());
    }
}
