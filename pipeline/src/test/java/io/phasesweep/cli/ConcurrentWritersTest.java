package io.phasesweep.cli;

import io.phasesweep.io.OutputLock;
import io.phasesweep.testing.ChildRun;
import io.phasesweep.testing.Configs;
import io.phasesweep.testing.GatedType;
import io.phasesweep.testing.SameTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep owns its output while it runs: a second writer ({@code --resume}, {@code --overwrite})
 * is refused naming the holder; SIGTERM then stops the sweep in seconds, quietly, as
 * {@code interrupted}, and {@code --resume} finishes it with the tables of an undisturbed run. The
 * sweep runs in a JVM of its own, as a user's would, with its last chunk's tasks held at a gate
 * ({@link GatedType}): the test sees it mid-run for certain, however fast or loaded the machine.
 */
class ConcurrentWritersTest {
    @TempDir
    static Path dir;

    /**
     * 12 tasks in 12 partitions, 3 chunks of 4 on local[2]: chunk k holds the tasks at x = k, and
     * only the last is held. It starts when one of the first two has finished, behind the other in
     * Spark's queue, so its held tasks never keep the other from its cores.
     */
    static final String SWEEP = """
            sweep {
              model = test-gated, seed = 31, replicas = 4
              grid { x = [0, 1, 2] }
              params { hold_from = 2 }
            }
            spark { partitions = 12 }
            """;
    static final int CHUNKS = 3;

    @Test
    void aSecondWriterIsRefusedThenSigtermStopsTheSweepQuietlyAndResumeFinishesIt() throws Exception {
        Path out = dir.resolve("signalled");
        Path log = dir.resolve("signalled.log");
        Path conf = Configs.write(dir, "sweep.conf", SWEEP);
        Process child = ChildRun.start(conf, out, log, dir.resolve("never-opened.gate"));
        // While the child starts: the undisturbed reference, in this JVM.
        MainTest.Outcome clean = MainTest.execute("run", conf.toString(), "--out", dir.resolve("clean").toString(),
                "--master", "local[2]", "--no-store");
        assertEquals(0, clean.code(), clean.err());
        assertTrue(ChildRun.awaitWhileAlive(child, () -> ChildRun.committedChunks(out) == CHUNKS - 1, 120),
                "the sweep under way, held at its last chunk: " + Files.readString(log));
        for (String mode : List.of("--resume", "--overwrite")) {
            MainTest.Outcome second = MainTest.execute("run", conf.toString(), "--out", out.toString(), mode);
            assertEquals(2, second.code(), mode + ": " + second.err());
            assertEquals(1, second.err().strip().lines().count(), second.err());
            assertTrue(second.err().contains("another phasesweep run is writing this output: process " + child.pid()),
                    mode + ": " + second.err());
        }
        assertTrue(child.isAlive(), "the refused writers left the running sweep alone");

        long signalled = System.nanoTime();
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stopped");
        double seconds = (System.nanoTime() - signalled) / 1e9;
        String printed = Files.readString(log);
        assertTrue(seconds < 30, "stops within seconds, took " + seconds + ": " + printed);
        assertTrue(printed.contains("interrupted") && printed.contains("--resume --out " + out), printed);
        assertFalse(printed.contains("\tat ") || printed.contains("Exception") || printed.contains(" ERROR "),
                "no stack traces or Spark errors on the console: " + printed);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"status\" : \"interrupted\""), manifest);
        assertFalse(Files.exists(out.resolve(OutputLock.FILE)), "the lock is released");

        MainTest.Outcome resumed = MainTest.execute("run", conf.toString(), "--out", out.toString(), "--resume",
                "--master", "local[2]");
        assertEquals(0, resumed.code(), resumed.err());
        SameTables.assertSame(dir.resolve("clean"), out, "after SIGTERM and resume");
    }
}
