package io.phasesweep.bench;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.rnn.RecurrentNetwork;
import io.phasesweep.rnn.RecurrentNetworkType;
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
 * Question: what does one RK4 step of the random rate network cost per neuron at N = 1000, g = 2
 * (chaotic), with the Lyapunov tangent vector carried along? A step is four right-hand sides, each
 * one pass over the N x N couplings for two products (J tanh(x) and J (phi' v)), so about 8 N
 * multiply-adds per neuron: the couplings' memory traffic and the dot products dominate, N tanh per
 * stage is small beside them. One op is ten steps; bench/run divides by 10 N. No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar RnnStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class RnnStepBenchmark {
    @Param({"1000"})
    public int size;

    private RecurrentNetwork network;

    @Setup
    public void setUp() {
        Params p = Params.resolve(RecurrentNetworkType.INSTANCE, Map.of("N", size, "g", 2.0, "dt", 0.1));
        network = (RecurrentNetwork) RecurrentNetworkType.INSTANCE.create(p, ReplicaRunner.rng(1), ReplicaRunner.rng(2));
        // Onto the chaotic attractor first: 50 time units.
        network.steps(500);
    }

    /** Ten RK4 steps of x and the tangent vector. */
    @Benchmark
    public RecurrentNetwork tenSteps() {
        network.steps(10);
        return network;
    }
}
