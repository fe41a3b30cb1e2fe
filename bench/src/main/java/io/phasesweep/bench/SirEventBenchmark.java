package io.phasesweep.bench;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.sir.SirEpidemic;
import io.phasesweep.sir.SirNetworkType;
import io.phasesweep.sir.SpatialKernel;
import io.phasesweep.sir.SpatialNetwork;
import org.apache.commons.rng.UniformRandomProvider;
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
 * Question: what does one event of the exact event-driven SIR cost (an infection, with its recovery
 * draw and one transmission draw per susceptible neighbour, or a recovery), with the network in
 * cache (10^4 nodes) and far beyond it (10^6)? Each event is one or a few O(log N) sifts of the
 * indexed heap of pending events plus, for an infection, k_mean exponential draws; so the cost per
 * event should grow only with the heap's depth and cache misses. A 2D network, k_mean = 10,
 * exponential kernel ell = 0.01, R0 = 3 from the node nearest the centre: a front that sweeps the
 * box. An epidemic that ends is replaced by a fresh one on the same network (O(N) to set up,
 * amortised over its ~2 z N events). One op is 100 000 events; bench/run divides by 100 000.
 * No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar SirEvent}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class SirEventBenchmark {
    static final int EVENTS = 100_000;

    /** Nodes of the network. */
    @Param({"10000", "1000000"})
    public int size;

    private Params params;
    private SpatialNetwork network;
    private UniformRandomProvider rng;
    private SirEpidemic epidemic;

    @Setup
    public void setUp() {
        params = Params.resolve(SirNetworkType.INSTANCE, Map.of("N", size, "k_mean", 10.0, "ell", 0.01, "r0", 3.0));
        network = SpatialNetwork.build(size, 2, 10, new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.01, 0),
                ReplicaRunner.rng(1));
        rng = ReplicaRunner.rng(2);
        epidemic = SirNetworkType.create(params, network, rng);
    }

    /** A hundred thousand events. */
    @Benchmark
    public SirEpidemic events() {
        long left = EVENTS;
        while (left > 0) {
            left -= epidemic.runEvents(left);
            if (epidemic.done()) {
                epidemic = SirNetworkType.create(params, network, rng);
            }
        }
        return epidemic;
    }
}
