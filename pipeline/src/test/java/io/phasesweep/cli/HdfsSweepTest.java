package io.phasesweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;
import io.phasesweep.io.Location;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputLock;
import io.phasesweep.testing.ChildRun;
import io.phasesweep.testing.Configs;
import io.phasesweep.testing.SameTables;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps written to a real HDFS, started in this JVM (one name node and one data node on loopback,
 * Hadoop's MiniDFSCluster): a sweep killed with SIGKILL mid-way and resumed, and two sweeps sharing a
 * task store on HDFS, each compared bit for bit with the same sweep run on the local disk. The
 * commits there are HDFS renames, the lock an HDFS exclusive create, the checkpoints HDFS files.
 */
class HdfsSweepTest {
    @TempDir
    static Path dir;
    static MiniDFSCluster cluster;
    /** The name node, {@code hdfs://127.0.0.1:PORT}. */
    static String hdfs;
    static FileSystem fs;

    /** As in ResumeAfterKillTest: 3 chunks of 4 tasks on local[2], the last one held at a gate. */
    static final String GATED = ResumeAfterKillTest.SWEEP;

    static final String ISING = """
            sweep {
              model = ising2d, seed = 11, replicas = 2
              grid { L = [4, 6], T = [1.8, 2.4] }
              params { algorithm = wolff, sweeps = 300, thermalization = 30 }
            }
            """;

    @BeforeAll
    static void start() throws IOException {
        Configuration conf = new Configuration();
        cluster = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile()).numDataNodes(1).build();
        cluster.waitActive();
        fs = cluster.getFileSystem();
        hdfs = fs.getUri().toString();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void aSweepKilledOnHdfsAndResumedHasTheTablesOfTheLocalRunBitForBit() throws Exception {
        Path conf = Configs.write(dir, "gated.conf", GATED);
        String killed = hdfs + "/sweeps/killed";
        Process child = ChildRun.start(conf, killed, dir.resolve("child.log"), dir.resolve("never-opened.gate"));
        Path clean = dir.resolve("clean");
        MainTest.Outcome undisturbed = MainTest.execute("run", conf.toString(), "--out", clean.toString(),
                "--master", "local[2]", "--set", "checkpoint.interval=off", "--no-store");
        assertEquals(0, undisturbed.code(), undisturbed.err());
        assertTrue(ChildRun.awaitWhileAlive(child, () -> committedChunks(killed) == 2 && savedCheckpoints(killed, 2) >= 1,
                120), "2 of 3 chunks committed on HDFS, the last held and checkpointing: "
                + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(2, committedChunks(killed), "killed mid-sweep");
        long saved = savedCheckpoints(killed, 2);
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(killed + "/replicas")), "no final table before the end");
        assertEquals(Manifest.RUNNING, manifest(killed).path("status").asText());
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(killed + "/" + OutputLock.FILE)), "SIGKILL leaves the lock");

        MainTest.Outcome status = MainTest.execute("validate", conf.toString(), "--out", killed);
        assertTrue(status.out().contains("holds a sweep: interrupted"), status.out());
        MainTest.Outcome again = MainTest.execute("run", conf.toString(), "--out", killed);
        assertEquals(2, again.code());
        assertTrue(again.err().contains("sweep (interrupted); finish it with --resume"), again.err());

        MainTest.Outcome resumed = MainTest.execute("run", conf.toString(), "--out", killed, "--resume",
                "--master", "local[2]");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("2 of 3 chunks already done"), resumed.err());
        assertTrue(resumed.err().contains("tasks resumed from their checkpoints: " + saved), resumed.err());
        assertTrue(resumed.err().contains("broke the stale lock of process " + child.pid()), resumed.err());
        assertEquals(Manifest.COMPLETE, manifest(killed).path("status").asText());
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(killed + "/_work")), "the work area is gone");
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(killed + "/" + OutputLock.FILE)), "released at the end");
        assertTrue(fs.listStatus(new org.apache.hadoop.fs.Path(killed + "/_logs")).length >= 1,
                "the resumed run's log is copied to the output");

        assertEquals(3 * 4, SameTables.assertSameBits(clean.toString(), killed, "killed on HDFS and resumed"));
    }

    @Test
    void anExtendedSweepOnHdfsReusesTheTasksOfAStoreOnHdfs() throws Exception {
        Path conf = Configs.write(dir, "ising.conf", ISING);
        String store = hdfs + "/stores/ising";
        // Four partitions, one chunk job: few Spark jobs on a busy machine. The local reference keeps
        // the automatic partitioning, which must not change a bit.
        MainTest.Outcome base = MainTest.execute("run", conf.toString(), "--out", hdfs + "/sweeps/base",
                "--store", store, "--master", "local[2]", "--set", "spark.partitions=4");
        assertEquals(0, base.code(), base.err());
        assertEquals(8, manifest(hdfs + "/sweeps/base").path("tasks").path("computed").asLong());

        String[] extend = {"--set", "sweep.replicas=3", "--set", "sweep.grid.T=[1.8, 2.1, 2.4, 3.2]"};
        MainTest.Outcome extended = MainTest.execute(concat(new String[]{"run", conf.toString(), "--out",
                hdfs + "/sweeps/extended", "--store", store, "--master", "local[2]", "--set", "spark.partitions=4"}, extend));
        assertEquals(0, extended.code(), extended.err());
        JsonNode tasks = manifest(hdfs + "/sweeps/extended").path("tasks");
        // 2 sizes x 4 temperatures x 3 replicas, of which the base sweep had 2 x 2 x 2.
        assertEquals(8, tasks.path("reused").asLong(), tasks.toString());
        assertEquals(16, tasks.path("computed").asLong(), tasks.toString());
        assertEquals(store, manifest(hdfs + "/sweeps/extended").path("store").asText());
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(hdfs + "/sweeps/extended/_task_keys")));

        Path clean = dir.resolve("ising-clean");
        MainTest.Outcome local = MainTest.execute(concat(new String[]{"run", conf.toString(), "--out", clean.toString(),
                "--no-store", "--master", "local[2]"}, extend));
        assertEquals(0, local.code(), local.err());
        SameTables.assertSameBits(clean.toString(), hdfs + "/sweeps/extended", "extended on HDFS from a store on HDFS");

        MainTest.Outcome stats = MainTest.execute("store", "stats", store);
        assertEquals(2, stats.code());
        assertTrue(stats.err().contains("needs a local path"), stats.err());
    }

    /** The name node decides between racing creators of the lock: exactly one wins, the others are told who. */
    @Test
    void writersRacingForAnOutputOnHdfsGetExactlyOneLock() throws Exception {
        Location out = Location.of(hdfs + "/sweeps/raced", fs.getConf());
        int writers = 6;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.List<java.util.concurrent.Future<Object>> tries = new java.util.ArrayList<>();
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        for (int i = 0; i < writers; i++) {
            tries.add(pool.submit(() -> {
                go.await();
                try {
                    return OutputLock.acquire(out, quiet);
                } catch (ConfigError e) {
                    return e.getMessage();
                }
            }));
        }
        go.countDown();
        java.util.List<OutputLock> won = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Object> t : tries) {
            Object o = t.get(60, TimeUnit.SECONDS);
            if (o instanceof OutputLock lock) {
                won.add(lock);
            } else {
                assertTrue(o.toString().contains("another phasesweep run is writing this output: process "
                        + ProcessHandle.current().pid()), o.toString());
            }
        }
        pool.shutdown();
        assertEquals(1, won.size(), "exactly one writer holds the lock");
        won.get(0).close();
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(hdfs + "/sweeps/raced/" + OutputLock.FILE)), "released");
        OutputLock.acquire(out, quiet).close();
    }

    private static JsonNode manifest(String out) {
        return Manifest.read(Location.of(out, fs.getConf()));
    }

    /** Chunks of pass 1 committed so far on HDFS. */
    private static long committedChunks(String out) {
        return entries(out + "/_work/raw-pass1").filter(s -> s.getPath().getName().startsWith("chunk-")
                && exists(s.getPath() + "/_SUCCESS")).count();
    }

    /** Task checkpoints saved so far on HDFS for chunk {@code k} of pass 1. */
    private static long savedCheckpoints(String out, int k) {
        return entries(out + String.format("/_work/checkpoints/pass1/chunk-%05d", k))
                .filter(s -> s.getPath().getName().endsWith(".ckpt")).count();
    }

    private static java.util.stream.Stream<FileStatus> entries(String path) {
        try {
            return Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path(path)));
        } catch (IOException e) {
            return java.util.stream.Stream.empty(); // not there yet
        }
    }

    private static boolean exists(String path) {
        try {
            return fs.exists(new org.apache.hadoop.fs.Path(path));
        } catch (IOException e) {
            return false;
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
