package io.phasesweep.bench;

import io.phasesweep.ising.Ising2D;
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
 * Question: how long does one checkerboard Metropolis sweep of the 2D Ising kernel take, per spin
 * flip attempt, and does that stay flat as L grows? Measured at T_c, where about half the
 * proposals need a random number. The time per sweep divided by L^2 is compared by bench/run with
 * the C reference (bench/c/ising_metropolis.c: same algorithm, xoshiro256++, gcc -O3
 * -march=native) measured in the same run.
 *
 * <p>Run: {@code bench/run}, or {@code java -jar bench/target/benchmarks.jar IsingMetropolis}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class IsingMetropolisBenchmark {
    /** Onsager's T_c: the acceptance probabilities of a critical system. */
    private static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));

    @Param({"64", "256", "1024"})
    public int size;

    private Ising2D model;

    @Setup
    public void setUp() {
        model = new Ising2D(size, TC, 1.0, 0.0, Ising2D.Algorithm.METROPOLIS, false, ReplicaRunner.rng(1));
        for (int i = 0; i < 200; i++) {
            model.metropolisSweep();
        }
    }

    /** One sweep (L^2 flip attempts); the lattice it updates is the state JMH keeps alive. */
    @Benchmark
    public Ising2D sweep() {
        model.metropolisSweep();
        return model;
    }
}
