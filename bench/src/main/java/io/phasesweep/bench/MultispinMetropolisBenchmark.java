package io.phasesweep.bench;

import io.phasesweep.ising.MultispinIsing2D;
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

import java.util.concurrent.TimeUnit;

/**
 * Question: how much faster per spin flip attempt is the multispin-coded Metropolis kernel
 * (64 spins per word, exact bit-sliced acceptance) than the scalar C reference? Measured at T_c,
 * like {@link IsingMetropolisBenchmark}; bench/run divides the C time by this one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class MultispinMetropolisBenchmark {
    private static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));

    @Param({"64", "256", "1024"})
    public int size;

    private MultispinIsing2D model;

    @Setup
    public void setUp() {
        model = new MultispinIsing2D(size, TC, 1.0, false, ReplicaRunner.rng(1));
        for (int i = 0; i < 200; i++) {
            model.sweep();
        }
    }

    @Benchmark
    public MultispinIsing2D sweep() {
        model.sweep();
        return model;
    }
}
