package io.phasesweep.bench;

import io.phasesweep.cluster.WolffClusterUpdate;
import io.phasesweep.lattice.SquareLattice;
import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Question: how long does the Wolff update of the 2D Ising model take per flipped spin at T_c?
 * Clusters vary in size, so the flipped spins are counted (an auxiliary throughput counter,
 * {@code spins} per microsecond); bench/run compares 1000 / that rate with the C reference
 * (bench/c/ising_wolff.c, same algorithm) measured in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class WolffBenchmark {
    private static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));

    @Param({"64", "256", "1024"})
    public int size;

    private WolffClusterUpdate wolff;

    /** Spins flipped, reported as a rate beside the cluster rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flipped {
        public long spins;

        @Setup(Level.Iteration)
        public void clear() {
            spins = 0;
        }
    }

    @Setup
    public void setUp() {
        UniformRandomProvider rng = ReplicaRunner.rng(1);
        SquareLattice lattice = new SquareLattice(size);
        byte[] spin = new byte[lattice.sites()];
        for (int i = 0; i < spin.length; i++) {
            spin[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        wolff = new WolffClusterUpdate(spin, lattice.neighbourTable(), SquareLattice.COORDINATION,
                -Math.expm1(-2.0 / TC), rng);
        // Equilibrate: 20 L^2 flipped spins, as the C reference does.
        for (long flipped = 0; flipped < 20L * spin.length; ) {
            flipped += wolff.flipIsing();
        }
    }

    @Benchmark
    public int cluster(Flipped flipped) {
        int n = wolff.flipIsing();
        flipped.spins += n;
        return n;
    }
}
