package io.phasesweep.cli;

import io.phasesweep.testing.Configs;
import io.phasesweep.testing.SameTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real multi-process cluster, started by the project itself ({@code bin/local-cluster}): a
 * standalone master and a worker of two cores on 127.0.0.1, its executor in a JVM of its own. The sweep goes
 * through {@code bin/phasesweep run ... --master spark://127.0.0.1:PORT} as a user's would; one
 * executor is killed with SIGKILL mid-sweep. The tables must equal those of a local run.
 * Runs in the integration-test phase (after package), since it uses the built jars and launchers.
 */
class LocalClusterIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir
    static Path dir;
    static String master;

    static final String SWEEP = """
            sweep {
              model = ising2d, seed = 21, replicas = 4
              grid { L = [8, 16], T = { from = 2.0, to = 2.6, steps = 5 } }
              params { algorithm = wolff, sweeps = 2500, thermalization = 250 }
            }
            spark { partitions = 16 }
            """;

    @BeforeAll
    static void startCluster() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // One worker: when its executor is killed, the worker starts a new one for the lost tasks.
        Process p = launcher("local-cluster", "start", "1", String.valueOf(port), "2").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        master = out.lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("spark://127.0.0.1:" + port, master);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        launcher("local-cluster", "stop").start().waitFor(60, TimeUnit.SECONDS);
        // The cluster's jars are links into ~/.m2: remove them here, quietly, before JUnit's clean-up warns of each.
        io.phasesweep.io.OutputDir.deleteTree(dir.resolve("cluster"));
    }

    static ProcessBuilder launcher(String script, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("bin").resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("PHASESWEEP_CLUSTER_DIR", dir.resolve("cluster").toString());
        // No class-data archive: in a fresh build the sweep would be the run that records one,
        // seconds of dumping at its exit that test nothing here.
        pb.environment().put("PHASESWEEP_CDS", "0");
        return pb;
    }

    @Test
    void clusterRunSurvivesAnExecutorKillAndMatchesLocalBitForBit() throws Exception {
        Path conf = Configs.write(dir, "sweep.conf", SWEEP);
        Path onCluster = dir.resolve("cluster-out");
        Process run = launcher("phasesweep", "run", conf.toString(), "--master", master, "--out", onCluster.toString(), "--no-store")
                .redirectOutput(dir.resolve("cluster-run.log").toFile()).start();

        // Wait until work is under way, then kill one executor JVM outright.
        Optional<ProcessHandle> executor = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && run.isAlive()) {
            if (io.phasesweep.testing.ChildRun.committedChunks(onCluster) >= 1) {
                executor = ProcessHandle.allProcesses().filter(h -> h.info().commandLine()
                        .map(c -> c.contains("CoarseGrainedExecutorBackend") && c.contains(dir.toString())).orElse(false))
                        .findFirst();
                if (executor.isPresent()) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(executor.isPresent(), "an executor JVM to kill: " + Files.readString(dir.resolve("cluster-run.log")));
        assertTrue(executor.get().destroyForcibly(), "SIGKILL sent");
        assertTrue(run.waitFor(300, TimeUnit.SECONDS), "cluster run finished");
        String log = Files.readString(dir.resolve("cluster-run.log"));
        assertEquals(0, run.exitValue(), log);
        // Spark's warnings go to the run's log in the output, not to the console.
        String sparkLog;
        try (Stream<Path> logs = Files.list(onCluster.resolve("_logs"))) {
            sparkLog = logs.map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).reduce("", String::concat);
        }
        assertTrue(sparkLog.contains("Lost executor") || sparkLog.contains("ExecutorLostFailure"),
                "the driver noticed the killed executor and rescheduled its tasks: " + sparkLog);

        // The same command on local Spark, in this JVM: a launcher's JVM of its own adds nothing here.
        Path local = dir.resolve("local-out");
        MainTest.Outcome localRun = MainTest.execute("run", conf.toString(), "--out", local.toString(), "--master", "local[2]", "--no-store");
        assertEquals(0, localRun.code(), localRun.err());

        // Six observables and three derived quantities per replica.
        assertEquals(2 * 5 * 4 * (6 + 3), SameTables.assertSame(local, onCluster, "cluster with a killed executor vs local[2]"));
    }
}
