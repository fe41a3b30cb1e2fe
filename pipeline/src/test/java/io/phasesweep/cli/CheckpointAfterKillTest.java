package io.phasesweep.cli;

import io.phasesweep.testing.ChildRun;
import io.phasesweep.testing.Configs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
 * A long task on a preemptible node, for real: a sweep of one long task runs in a child JVM with
 * checkpoints five times a second, is killed with SIGKILL once the task has saved a checkpoint, and
 * {@code run --resume} continues that task from its checkpoint instead of from the start. The
 * tables must equal those of a run that was never interrupted (and never checkpointed).
 */
class CheckpointAfterKillTest {
    @TempDir
    Path dir;

    /** One task of several seconds: the kill comes after its first checkpoint, long before its end. */
    static final String SWEEP = """
            sweep {
              model = ising2d, seed = 5, replicas = 1
              grid { L = 32, T = 2.3 }
              params { sweeps = 400000, thermalization = 100000 }
            }
            checkpoint.interval = 200 ms
            """;

    @Test
    void killedTaskResumesFromItsCheckpointWithIdenticalTables() throws Exception {
        Path conf = Configs.write(dir, "sweep.conf", SWEEP);
        Path killed = dir.resolve("killed");
        Path checkpoint = killed.resolve("_work/checkpoints/pass1/chunk-00000/task-0.ckpt");
        Process child = ChildRun.start(conf, killed, dir.resolve("child.log"));
        ChildRun.awaitWhileAlive(child, () -> Files.exists(checkpoint), 300);
        assertTrue(child.isAlive(), "the task ended before its first checkpoint; make it longer\n"
                + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(checkpoint), "a checkpoint survives the kill");
        assertEquals(0, ChildRun.committedChunks(killed), "killed mid-task");

        MainTest.Outcome resumed = MainTest.execute("run", conf.toString(), "--out", killed.toString(), "--resume",
                "--master", "local[2]");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("tasks resumed from their checkpoints: 1"), resumed.err());
        assertTrue(Files.readString(killed.resolve("manifest.json")).contains("\"resumed_from_checkpoint\" : 1"));
        assertFalse(Files.exists(killed.resolve("_work")), "checkpoints are deleted with the work area");

        Path clean = dir.resolve("clean");
        MainTest.Outcome undisturbed = MainTest.execute("run", conf.toString(), "--out", clean.toString(),
                "--master", "local[2]", "--set", "checkpoint.interval=off");
        assertEquals(0, undisturbed.code(), undisturbed.err());
        assertTrue(Files.readString(clean.resolve("manifest.json")).contains("\"resumed_from_checkpoint\" : 0"));

        SparkSession spark = SparkSession.builder().master("local[1]").appName("compare").getOrCreate();
        try {
            for (String table : List.of("replicas", "points")) {
                List<Row> a = spark.read().parquet(killed.resolve(table).toString()).collectAsList();
                List<Row> b = spark.read().parquet(clean.resolve(table).toString()).collectAsList();
                assertEquals(b, a, table + " after kill and resume from a checkpoint");
            }
        } finally {
            spark.stop();
        }
    }
}
