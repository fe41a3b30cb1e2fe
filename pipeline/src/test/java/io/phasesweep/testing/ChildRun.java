package io.phasesweep.testing;

import io.phasesweep.cli.Main;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** {@code phasesweep run} in a JVM of its own, to be killed, signalled or raced against. */
public final class ChildRun {
    private ChildRun() {
    }

    /** Starts {@code run CONF --out OUT --master local[2] --no-store} with this JVM's flags and class path; output to {@code log}. */
    public static Process start(Path conf, Path out, Path log) throws IOException {
        return start(conf, out, log, null);
    }

    /**
     * As {@link #start(Path, Path, Path)}, with the child's {@link GatedType} tasks held until
     * {@code gate} exists (null: nothing held).
     */
    public static Process start(Path conf, Path out, Path log, Path gate) throws IOException {
        return start(conf, out.toString(), log, gate);
    }

    /** As {@link #start(Path, Path, Path, Path)}, with the output as a path or a file system URI (hdfs://...). */
    public static Process start(Path conf, String out, Path log, Path gate) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same JVM flags (Spark's --add-opens) and class path as this test JVM.
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D") || a.startsWith("-XX")).toList());
        if (gate != null) {
            cmd.add("-D" + GatedType.GATE + "=" + gate);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                // No task store: a reference run beside it must not hand the child its tasks, which
                // would finish the sweep before the kill it is started for.
                "run", conf.toString(), "--out", out, "--master", "local[2]", "--no-store"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** Waits (polling) until {@code condition} holds while the child lives; false if it ended or time ran out. */
    public static boolean awaitWhileAlive(Process child, BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Chunks of pass 1 committed so far in output {@code out}. */
    public static long committedChunks(Path out) {
        return count(out.resolve("_work/raw-pass1"),
                c -> c.getFileName().toString().startsWith("chunk-") && Files.exists(c.resolve("_SUCCESS")));
    }

    /** Task checkpoints saved so far for chunk {@code k} of pass 1 in output {@code out}. */
    public static long savedCheckpoints(Path out, int k) {
        return count(out.resolve(String.format("_work/checkpoints/pass1/chunk-%05d", k)),
                f -> f.getFileName().toString().endsWith(".ckpt"));
    }

    /** Entries of {@code dir} that match; 0 while it does not exist yet (or vanishes while read). */
    private static long count(Path dir, java.util.function.Predicate<Path> matching) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(matching).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
