package io.phasesweep.run;

import io.phasesweep.model.Checkpointer;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One file per task, replaced whole on every save, counted when a task resumes from it. */
class CheckpointFilesTest {
    @TempDir
    Path dir;

    @Test
    void savesReplaceTheFileWholeAndLoadReadsTheLast() throws Exception {
        LongAccumulator resumed = new LongAccumulator();
        CheckpointFiles files = new CheckpointFiles(dir.resolve("chunk-00000").toString(), 0, resumed);
        Checkpointer task = files.forTask(3);
        assertEquals(Optional.empty(), task.load(), "nothing saved yet");
        assertTrue(task.due(), "an interval of zero is always due");
        task.save(new byte[]{1, 2, 3});
        task.save(new byte[]{4, 5});
        assertArrayEquals(new byte[]{4, 5}, files.forTask(3).load().orElseThrow());
        assertEquals(Optional.empty(), files.forTask(4).load(), "another task's file is its own");
        try (Stream<Path> left = Files.list(dir.resolve("chunk-00000"))) {
            assertEquals(List.of("task-3.ckpt"), left.map(p -> p.getFileName().toString()).toList(),
                    "no partial files left behind");
        }
        task.resumed(10);
        assertEquals(1L, resumed.value());
    }

    /**
     * A partition lists the directory once as it starts: a task finds the file an earlier attempt
     * left, and one whose file the listing lacked starts afresh without looking.
     */
    @Test
    void aPartitionsListingDecidesWhichTasksLookForTheirFiles() {
        CheckpointFiles files = new CheckpointFiles(dir.resolve("chunk-00001").toString(), 0, new LongAccumulator());
        assertEquals(Set.of(), files.present(), "no directory yet: nothing to resume");
        files.forTask(7).save(new byte[]{7});
        Set<String> present = files.present();
        assertEquals(Set.of("task-7.ckpt"), present);
        assertArrayEquals(new byte[]{7}, files.forTask(7, present).load().orElseThrow());
        files.forTask(8).save(new byte[]{8});
        assertEquals(Optional.empty(), files.forTask(8, present).load(), "not there when the partition began");
        assertArrayEquals(new byte[]{8}, files.forTask(8, files.present()).load().orElseThrow(), "a new attempt lists again");
    }

    @Test
    void notDueBeforeTheInterval() {
        Checkpointer task = new CheckpointFiles(dir.toString(), java.util.concurrent.TimeUnit.HOURS.toNanos(1),
                new LongAccumulator()).forTask(0);
        assertFalse(task.due());
    }
}
