package io.phasesweep.bench;

import io.phasesweep.hopfield.HopfieldNetwork;
import io.phasesweep.hopfield.HopfieldNetworkType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Question: what does one neuron update of the Hopfield kernel cost at N = 4000, alpha = 0.1
 * (P = 400 patterns), p = 2: its local field from the P overlaps, the decision, and on a flip the
 * P overlap updates? One op is one sweep of one replica (N updates in a fresh random order);
 * bench/run divides by N. Two cases: T = 0 at the retrieved fixed point (every field evaluated,
 * nothing flips: the cost a zero-temperature run pays per neuron and sweep), and the heat bath at
 * T = 0.5 (one StrictMath.exp and one random number per update, some flips). Both should be about
 * P times a few tenths of a nanosecond: the O(P) loop dominates. No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar HopfieldUpdate}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class HopfieldUpdateBenchmark {
    /** The number of neurons; the load alpha = 0.1 gives P = N / 10. */
    @Param({"4000"})
    public int size;

    private HopfieldNetwork zeroTemperature;
    private HopfieldNetwork heatBath;

    private HopfieldNetwork network(double temperature) {
        Params p = Params.resolve(HopfieldNetworkType.INSTANCE, Map.of("N", size, "alpha", 0.1, "T", temperature));
        HopfieldNetwork net = (HopfieldNetwork) HopfieldNetworkType.INSTANCE.create(p, ReplicaRunner.rng(1),
                ReplicaRunner.rng(2));
        for (int i = 0; i < 20; i++) {
            net.sweep(0);
        }
        return net;
    }

    @Setup
    public void setUp() {
        zeroTemperature = network(0.0);
        heatBath = network(0.5);
    }

    /** One T = 0 sweep (N updates) at the fixed point. */
    @Benchmark
    public HopfieldNetwork zeroTemperatureSweep() {
        zeroTemperature.sweep(0);
        return zeroTemperature;
    }

    /** One heat-bath sweep (N updates) at T = 0.5. */
    @Benchmark
    public HopfieldNetwork heatBathSweep() {
        heatBath.sweep(0);
        return heatBath;
    }
}
