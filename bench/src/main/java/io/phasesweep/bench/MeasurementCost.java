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
 * Rounds alternate the two, so a shared machine's drift shows in both; times are the thread's CPU time. A Wolff sweep flips a fixed
 * number of clusters; the spins they flipped are counted (outside the timed loop, on a second
 * replay of the same trajectory) so the cost per flipped spin can be compared with C.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.phasesweep.bench.MeasurementCost MODEL SEED
 * EXTRA ROUNDS key=value ...} (the task's parameters, {@code sweeps} = S among them). Prints one line
 * per round: {@code kernel_ns_per_unit runner_ns_per_unit}, then {@code flipped_per_unit F}
 * (the work per unit: L^2 attempts, or the Wolff spins flipped).
 */
public final class MeasurementCost {
    /**
     * Times are the thread's CPU time: on a machine shared with other jobs, wall time also counts
     * the time the thread waited for a CPU.
     */
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
        Map<String, Object> given = new HashMap<>();
        for (String kv : Arrays.copyOfRange(args, 4, args.length)) {
            String[] p = kv.split("=", 2);
            given.put(p[0], number(p[1]));
        }
        Params first = Params.resolve(type, given);
        Map<String, Object> longer = new HashMap<>(given);
        Schedule schedule = type.schedule(first);
        longer.put("sweeps", schedule.measure() + extra);
        Params second = Params.resolve(type, longer);
        for (int round = 0; round < rounds; round++) {
            double kernel = replay(type, first, seed, extra, false) / (double) extra;
            long a = CPU.getCurrentThreadCpuTime();
            ReplicaRunner.run(type, first, seed);
            long b = CPU.getCurrentThreadCpuTime();
            ReplicaRunner.run(type, second, seed);
            long c = CPU.getCurrentThreadCpuTime();
            double runner = ((c - b) - (b - a)) / (double) extra;
            System.out.printf("%.1f %.1f%n", kernel, runner);
        }
        System.out.printf("flipped_per_unit %.1f%n", replay(type, first, seed, extra, true) / (double) extra);
    }

    /** Nanoseconds of the EXTRA units after the task's schedule, or (counting) the spins they flip. */
    private static long replay(ModelType type, Params p, long seed, long extra, boolean counting) {
        Model model = type.create(p, ReplicaRunner.rng(seed));
        Schedule schedule = type.schedule(p);
        for (long i = 0; i < schedule.discard(); i++) {
            model.advance();
        }
        model.startMeasuring();
        for (long i = 0; i < schedule.measure(); i++) {
            model.advance();
        }
        if (counting) {
            long before = flipped(model, p);
            for (long i = 0; i < extra; i++) {
                model.advance();
            }
            return flipped(model, p) - before;
        }
        long start = CPU.getCurrentThreadCpuTime();
        for (long i = 0; i < extra; i++) {
            model.advance();
        }
        return CPU.getCurrentThreadCpuTime() - start;
    }

    /** Spins flipped by Wolff clusters so far; for the other kernels the attempts, L^2 per sweep, counted by the caller. */
    private static long flipped(Model model, Params p) {
        if (model instanceof Ising2D ising && p.getString("algorithm").equals("wolff")) {
            return ising.clusterSpinsFlipped();
        }
        return 0;
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
