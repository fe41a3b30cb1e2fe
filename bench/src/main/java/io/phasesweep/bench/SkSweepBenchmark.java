package io.phasesweep.bench;

import io.phasesweep.model.Model;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.sk.SherringtonKirkpatrickType;
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
 * Question: what does one Metropolis spin update of the SK kernel cost at N = 1024, where every
 * accepted flip updates the N local fields (O(N)) and a rejected one costs a compare, an exp and a
 * draw? One op is one {@code advance()}: a sweep of each of the two real replicas (2N updates);
 * bench/run divides by 2N. Two temperatures of the shipped ladder: T = 1.5, where many flips are
 * accepted and the O(N) field update dominates, and T = 0.5, deep in the spin-glass phase, where
 * few are. No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar SkSweep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class SkSweepBenchmark {
    /** The number of spins. */
    @Param({"1024"})
    public int size;

    private Model hot;
    private Model cold;

    private Model equilibrated(double temperature) {
        SherringtonKirkpatrickType type = SherringtonKirkpatrickType.INSTANCE;
        Params p = Params.resolve(type, Map.of("N", size, "T", temperature));
        Model m = type.create(p, ReplicaRunner.rng(1), ReplicaRunner.rng(2));
        for (int i = 0; i < 200; i++) {
            m.advance();
        }
        return m;
    }

    @Setup
    public void setUp() {
        hot = equilibrated(1.5);
        cold = equilibrated(0.5);
    }

    /** Both replicas swept once at T = 1.5 (2N updates). */
    @Benchmark
    public Model sweepAtHighTemperature() {
        hot.advance();
        return hot;
    }

    /** Both replicas swept once at T = 0.5 (2N updates). */
    @Benchmark
    public Model sweepInTheSpinGlassPhase() {
        cold.advance();
        return cold;
    }
}
