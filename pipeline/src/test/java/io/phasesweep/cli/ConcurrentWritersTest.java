package io.phasesweep.cli;

import io.phasesweep.io.OutputLock;
import io.phasesweep.testing.ChildRun;
import io.phasesweep.testing.Configs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
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
 * is refused naming the holder and the first's tables are those of an undisturbed run; SIGTERM
 * stops a sweep in seconds, quietly, as {@code interrupted}, and {@code --resume} finishes it.
 * Each sweep runs in a JVM of its own, as a user's would.
 */
class ConcurrentWritersTest {
    @TempDir
    static Path dir;
    static Path conf;

    static final String SWEEP = """
            sweep {
              model = ising2d, seed = 31, replicas = 8
              grid { L = [8, 12], T = { from = 2.0, to = 2.9, steps = 10 } }
              params { algorithm = wolff, sweeps = 3000, thermalization = 300 }
            }
            spark { partitions = 40 }
            """;

    @BeforeAll
    static void undisturbedReference() {
        conf = Configs.write(dir, "sweep.conf", SWEEP);
        MainTest.Outcome clean = MainTest.execute("run", conf.toString(), "--out", dir.resolve("clean").toString(),
                "--master", "local[2]");
        assertEquals(0, clean.code(), clean.err());
    }

    @Test
    void aSecondWriterIsRefusedWhileASweepRunsAndTheFirstFinishesUndisturbed() throws Exception {
        Path out = dir.resolve("first");
        Process first = ChildRun.start(conf, out, dir.resolve("first.log"));
        assertTrue(ChildRun.awaitWhileAlive(first, () -> Files.exists(out.resolve(OutputLock.FILE))
                && Files.exists(out.resolve("manifest.json")), 120), "the first sweep under way: "
                + Files.readString(dir.resolve("first.log")));
        for (String mode : List.of("--resume", "--overwrite")) {
            MainTest.Outcome second = MainTest.execute("run", conf.toString(), "--out", out.toString(), mode);
            assertEquals(2, second.code(), mode + ": " + second.err());
            assertEquals(1, second.err().strip().lines().count(), second.err());
            assertTrue(second.err().contains("another phasesweep run is writing this output: process " + first.pid()),
                    mode + ": " + second.err());
        }
        assertTrue(first.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        assertSameTables(out);
    }

    @Test
    void sigtermStopsTheSweepQuietlyAsInterruptedAndResumeFinishesIt() throws Exception {
        Path out = dir.resolve("signalled");
        Path log = dir.resolve("signalled.log");
        Process child = ChildRun.start(conf, out, log);
        assertTrue(ChildRun.awaitWhileAlive(child, () -> ChildRun.committedChunks(out) >= 1, 120),
                "a chunk committed before the signal: " + Files.readString(log));
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
        assertSameTables(out);
    }

    /** The replicas and points of {@code out} equal the undisturbed run's, row for row. */
    private static void assertSameTables(Path out) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("compare").getOrCreate();
        try {
            for (String table : List.of("replicas", "points")) {
                List<Row> a = spark.read().parquet(out.resolve(table).toString()).collectAsList();
                List<Row> b = spark.read().parquet(dir.resolve("clean").resolve(table).toString()).collectAsList();
                assertEquals(b, a, table + " of " + out);
            }
        } finally {
            spark.stop();
        }
    }
}
