package io.phasesweep.bench;

import io.phasesweep.cluster.WolffClusterUpdate;
import io.phasesweep.lattice.SquareLattice;
import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
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
 * Cluster sizes at T_c are broad, so an average over a few hundred random clusters scatters from
 * run to run (1.1-1.8 times C at L = 1024 in earlier runs, where JMH and C saw different
 * clusters). Here every op does the same work as the C reference (bench/c/ising_wolff.c):
 * the same generator and seed (xoshiro256++, SplitMix64-expanded seed 1), the same random start
 * (the sign bit of one draw per spin), the same equilibration (clusters until 20 L^2 spins have
 * flipped), then clusters until {@link #SPINS} spins have flipped; each op starts from the
 * equilibrated lattice and generator state again. Java and C flip the very same clusters, so the
 * ratio compares code, not samples. The rate of flipped spins is an auxiliary counter
 * ({@code spins} per microsecond); bench/run compares 1000 / that rate with C's time per spin.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class WolffBenchmark {
    private static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));
    /** Spins flipped per op (the last cluster overshoots): bench/run passes the same count to the C reference. */
    static final long SPINS = 20_000_000L;

    @Param({"64", "256", "1024"})
    public int size;

    private RestorableUniformRandomProvider rng;
    private WolffClusterUpdate wolff;
    private byte[] spin;
    private byte[] equilibrated;
    private RandomProviderState equilibratedRng;

    /** Spins flipped, reported as a rate beside the op rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flipped {
        public long spins;

        @Setup(Level.Iteration)
        public void clear() {
            spins = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        rng = ReplicaRunner.rng(1);
        SquareLattice lattice = new SquareLattice(size);
        spin = new byte[lattice.sites()];
        for (int i = 0; i < spin.length; i++) {
            // As the C reference: the sign bit of one draw.
            spin[i] = rng.nextLong() < 0 ? (byte) 1 : (byte) -1;
        }
        wolff = new WolffClusterUpdate(spin, lattice.neighbourTable(), SquareLattice.COORDINATION,
                -Math.expm1(-2.0 / TC), rng);
        for (long flipped = 0; flipped < 20L * spin.length; ) {
            flipped += wolff.flipIsing();
        }
        equilibrated = spin.clone();
        equilibratedRng = rng.saveState();
        // One op's work, for bench/run to check against the C reference's (the same clusters).
        long clusters = 0;
        long n = 0;
        for (; n < SPINS; clusters++) {
            n += wolff.flipIsing();
        }
        System.out.printf("wolff L=%d: an op flips %d spins in %d clusters%n", size, n, clusters);
        rewind();
    }

    /** Every op starts from the same lattice and generator state: the same clusters as C. */
    @Setup(Level.Invocation)
    public void rewind() {
        System.arraycopy(equilibrated, 0, spin, 0, spin.length);
        rng.restoreState(equilibratedRng);
    }

    @Benchmark
    public long clusters(Flipped flipped) {
        long n = 0;
        while (n < SPINS) {
            n += wolff.flipIsing();
        }
        flipped.spins += n;
        return n;
    }
}
