package io.phasesweep.bench;

import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.sir.SpatialKernel;
import io.phasesweep.sir.SpatialNetwork;
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
 * Question: does building a spatial network cost O(N log N + E), so that the cost per node grows only
 * like log N from 10^4 to 10^6 nodes, where testing every pair would grow 100-fold? A 2D network,
 * k_mean = 10, one expected degree for all, on an exponential kernel (ell = 0.01) and a power law
 * (a = 3, ell = 0.01, every pair at any distance possible): positions, the cell-pair edge sampler
 * (Morton sort, blocks per level, geometric skips) and the adjacency arrays. The scale c is solved
 * once and cached, as in a sweep. One op is one network; bench/run divides by N and prints the
 * ratio of the per-node costs at 10^6 and 10^4 nodes from the same run (ln 10^6 / ln 10^4 = 1.5 for
 * N log N; cache misses add to it, as the arrays outgrow the caches). No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar SpatialNetworkBuild}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", ForkFlags.GC})
public class SpatialNetworkBuildBenchmark {
    /** The distance kernel. */
    @Param({"exponential", "power_law"})
    public String kernel;

    /** Nodes of the network. */
    @Param({"10000", "100000", "1000000"})
    public int size;

    private SpatialKernel distanceKernel;
    private long seed;

    @Setup
    public void setUp() {
        distanceKernel = new SpatialKernel(kernel, 0.01, 3);
    }

    /** One network of N nodes. */
    @Benchmark
    public SpatialNetwork build() {
        return SpatialNetwork.build(size, 2, 10, distanceKernel, ReplicaRunner.rng(seed++));
    }
}
