package io.phasesweep.config;

import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one task may use of an executor's memory under the Spark settings in effect, and what a
 * task needs: its replicas' state (each model declares it) plus the result rows it holds before
 * Spark writes them. Compared before a sweep starts, so a lattice too big for the machine is a
 * one-line refusal with the numbers, not an out-of-memory error in every task.
 *
 * @param perTask bytes a task may use
 * @param where   what has that memory, for the message
 * @param remedy  how to get more, for the message
 */
public record TaskMemory(long perTask, String where, String remedy) {
    /** Spark keeps this much of every executor's heap for itself. */
    static final long RESERVED = 300L << 20;
    /** A result row waiting in a task's buffer: a Spark Row of boxed values, counted generously. */
    static final long ROW_BYTES = 400;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgtp]?)b?", Pattern.CASE_INSENSITIVE);

    /** Bytes one task needs: every ladder member's model state and the rows it records. */
    public static long taskBytes(ModelType type, Params params, int members) {
        long scalars = io.phasesweep.io.Tables.replicaRowNames(type).size();
        long series = type.observables().stream().filter(ObservableSpec::isSeries).count();
        // A histogram is a row per bin, underflow and overflow included.
        long bins = type.observables().stream().filter(ObservableSpec::isHistogram)
                .mapToLong(o -> o.bins().count() + 2L).sum();
        long rows = scalars + series * type.seriesPoints(params) + bins;
        return members * (type.memoryBytes(params) + rows * ROW_BYTES);
    }

    /** The memory a task gets under {@code spark}: the driver's heap in local mode, else the executors'. */
    static TaskMemory of(SparkSettings spark, String masterOrigin) {
        String master = spark.effectiveMaster();
        int taskCpus = (int) Math.max(1, parseLong(setting(spark, "spark.task.cpus").orElse("1")));
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            long heap = Runtime.getRuntime().maxMemory();
            int cores = local.group(1) == null ? 1 : local.group(1).equals("*")
                    ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(local.group(1));
            int tasks = Math.max(1, cores / taskCpus);
            return new TaskMemory(Math.max(0, heap - RESERVED) / tasks,
                    "this JVM has " + gib(heap) + " of heap for " + tasks + " task" + (tasks == 1 ? "" : "s")
                            + " at a time (" + master + ")",
                    "raise the heap (PHASESWEEP_JAVA_OPTS=-Xmx...)" + (tasks > 1 ? " or run fewer tasks at once"
                            + " (--master local[1])" : ""));
        }
        long heap;
        int cores;
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) {
            cores = Integer.parseInt(cluster.group(1));
            heap = Long.parseLong(cluster.group(2)) << 20;
        } else {
            String memory = setting(spark, "spark.executor.memory").orElse("1g");
            heap = bytes(memory).orElseThrow(() -> new ConfigError(masterOrigin + ": spark.executor.memory: '" + memory
                    + "' is not a size (e.g. 4g, 512m)"));
            cores = (int) Math.max(1, parseLong(setting(spark, "spark.executor.cores").orElse("1")));
        }
        int tasks = Math.max(1, cores / taskCpus);
        return new TaskMemory(Math.max(0, heap - RESERVED) / tasks,
                "executors have " + gib(heap) + " for " + tasks + " task" + (tasks == 1 ? "" : "s") + " at a time",
                "raise spark.executor.memory");
    }

    /** A Spark property as the session will see it: the config's, else spark-submit's (a system property). */
    private static Optional<String> setting(SparkSettings spark, String key) {
        return Optional.ofNullable(spark.conf().get(key)).or(() -> Optional.ofNullable(System.getProperty(key)));
    }

    /** A Spark size ("4g", "512m", "1024" in MiB) in bytes. */
    static Optional<Long> bytes(String size) {
        Matcher m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "", "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 50;
        };
        return n >= (1L << (63 - shift)) ? Optional.empty() : Optional.of(n << shift);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String gib(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
}
