package io.phasesweep.bench;

import io.phasesweep.ising.Ising2D;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.Schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Question: what does measuring after every unit add to the kernel? bench/cli times a task
 * through {@code bin/phasesweep run} with S and S + EXTRA measured sweeps (the marginal cost of
 * EXTRA sweeps, start-up cancels); this program replays the same task (same model, parameters
 * and seed, hence the same trajectory: measuring draws no random numbers) and times
 * <ul>
 *   <li>kernel: the task's sweeps S + 1 .. S + EXTRA, {@code advance()} alone, after the
 *       thermalisation and the first S sweeps (which also warm up the JIT);</li>
 *   <li>runner: {@link ReplicaRunner#run} with S + EXTRA sweeps minus with S sweeps: the task loop,
 *       measuring and recording after every sweep, without Spark.</li>
 * </ul>
 * Rounds alternate the two, so a shared machine's drift shows in both. A Wolff sweep flips a fixed
 * number of clusters; the spins they flipped are counted (outside the timed loop, on a second
 * replay of the same trajectory) so the cost per flipped spin can be compared with C.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.phasesweep.bench.MeasurementCost MODEL SEED
 * EXTRA ROUNDS [--kernel-only] key=value ...} (the task's parameters, {@code sweeps} = S among
 * them). Prints one line per round: {@code kernel wall_ns cpu_ns per unit}, then (unless
 * --kernel-only) {@code runner wall_ns cpu_ns per unit}, CPU time being the thread's (on a shared
 * machine wall time also counts the waits for a CPU); last {@code flipped_per_unit F} for Wolff
 * (the spins its sweeps flip; the other kernels attempt L^2 per sweep).
 */
public final class MeasurementCost {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private MeasurementCost() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: MeasurementCost MODEL SEED EXTRA ROUNDS key=value ...");
            System.exit(2);
        }
        ModelType type = ModelRegistry.get(args[0]);
        long seed = Long.parseLong(args[1]);
        long extra = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        boolean kernelOnly = args.length > 4 && args[4].equals("--kernel-only");
        Map<String, Object> given = new HashMap<>();
        for (String kv : Arrays.copyOfRange(args, kernelOnly ? 5 : 4, args.length)) {
            String[] p = kv.split("=", 2);
            given.put(p[0], number(p[1]));
        }
        Params first = Params.resolve(type, given);
        Map<String, Object> longer = new HashMap<>(given);
        Schedule schedule = type.schedule(first);
        longer.put("sweeps", schedule.measure() + extra);
        Params second = Params.resolve(type, longer);
        for (int round = 0; round < rounds; round++) {
            long[] kernel = replay(type, first, seed, extra);
            System.out.printf("kernel %.1f %.1f%n", kernel[0] / (double) extra, kernel[1] / (double) extra);
            if (!kernelOnly) {
                long[] a = now();
                ReplicaRunner.run(type, first, seed);
                long[] b = now();
                ReplicaRunner.run(type, second, seed);
                long[] c = now();
                System.out.printf("runner %.1f %.1f%n", ((c[0] - b[0]) - (b[0] - a[0])) / (double) extra,
                        ((c[1] - b[1]) - (b[1] - a[1])) / (double) extra);
            }
        }
        Model model = prepared(type, first, seed);
        if (model instanceof Ising2D ising && first.getString("algorithm").equals("wolff")) {
            long before = ising.clusterSpinsFlipped();
            for (long i = 0; i < extra; i++) {
                model.advance();
            }
            System.out.printf("flipped_per_unit %.1f%n", (ising.clusterSpinsFlipped() - before) / (double) extra);
        }
    }

    /** Wall and thread-CPU clocks, in nanoseconds. */
    private static long[] now() {
        return new long[]{System.nanoTime(), CPU.getCurrentThreadCpuTime()};
    }

    /** The task's model after its schedule: the discarded and the S measured units, unmeasured. */
    private static Model prepared(ModelType type, Params p, long seed) {
        Model model = type.create(p, ReplicaRunner.rng(seed));
        Schedule schedule = type.schedule(p);
        for (long i = 0; i < schedule.discard(); i++) {
            model.advance();
        }
        model.startMeasuring();
        for (long i = 0; i < schedule.measure(); i++) {
            model.advance();
        }
        return model;
    }

    /** Wall and CPU nanoseconds of the EXTRA units after the task's schedule, advanced alone. */
    private static long[] replay(ModelType type, Params p, long seed, long extra) {
        Model model = prepared(type, p, seed);
        long[] start = now();
        for (long i = 0; i < extra; i++) {
            model.advance();
        }
        long[] end = now();
        return new long[]{end[0] - start[0], end[1] - start[1]};
    }

    private static Object number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e2) {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e3) {
                    return s;
                }
            }
        }
    }
}
