package io.phasesweep.cli;

import io.phasesweep.testing.Configs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Driver loss, for real: a sweep runs in a child JVM, is killed with SIGKILL after some of its
 * chunks have committed, and {@code run --resume} finishes it. The tables must equal those of an
 * undisturbed run, with no duplicate rows.
 */
class ResumeAfterKillTest {
    @TempDir
    Path dir;

    static final String SWEEP = """
            sweep {
              model = ising2d, seed = 11, replicas = 8
              grid { L = [8, 12], T = { from = 2.0, to = 2.9, steps = 10 } }
              params { algorithm = wolff, sweeps = 12000, thermalization = 500 }
            }
            spark { partitions = 40 }
            """;

    @Test
    void resumeAfterKillGivesIdenticalTables() throws Exception {
        Path conf = Configs.write(dir, "sweep.conf", SWEEP);
        Path killed = dir.resolve("killed");
        Process child = startChild(conf, killed);
        Path chunks = killed.resolve("_work/raw-pass1");
        long committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            committed = committedChunks(chunks);
            if (committed >= 2) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(child.isAlive(), "the sweep finished before it could be killed; make it longer");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(committed >= 2 && committed < 10, "killed mid-sweep, after " + committed + " of 10 chunks");
        assertFalse(Files.exists(killed.resolve("replicas")), "no final table before the sweep is complete");
        assertTrue(Files.readString(killed.resolve("manifest.json")).contains("\"status\" : \"running\""));

        MainTest.Outcome refused = MainTest.execute("run", conf.toString(), "--out", killed.toString(), "--resume",
                "--set", "sweep.seed=12");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("different config"), refused.err());

        MainTest.Outcome resumed = MainTest.execute("run", conf.toString(), "--out", killed.toString(), "--resume",
                "--master", "local[2]");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("chunks already done"), resumed.err());

        Path clean = dir.resolve("clean");
        assertEquals(0, MainTest.execute("run", conf.toString(), "--out", clean.toString(), "--master", "local[2]").code());

        SparkSession spark = SparkSession.builder().master("local[1]").appName("compare").getOrCreate();
        try {
            for (String table : List.of("replicas", "points")) {
                List<Row> a = spark.read().parquet(killed.resolve(table).toString()).collectAsList();
                List<Row> b = spark.read().parquet(clean.resolve(table).toString()).collectAsList();
                assertEquals(b, a, table + " after kill and resume");
            }
            assertEquals(2 * 10 * 8 * 6, spark.read().parquet(killed.resolve("replicas").toString()).count(),
                    "one row per (point, replica, observable): nothing duplicated");
        } finally {
            spark.stop();
        }
    }

    private Process startChild(Path conf, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same JVM flags (Spark's --add-opens) and classpath as this test JVM.
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D") || a.startsWith("-XX")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", conf.toString(), "--out", out.toString(), "--master", "local[2]"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static long committedChunks(Path chunks) throws IOException {
        if (!Files.isDirectory(chunks)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(chunks)) {
            return s.filter(c -> Files.exists(c.resolve("_SUCCESS"))).count();
        }
    }
}
