package io.phasesweep.bench;

import io.phasesweep.model.Model;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.vicsek.VicsekModelType;
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
 * Question: what does one synchronous Vicsek step cost per particle, and does that cost stay flat as
 * N grows (the cell list makes a step O(N))? rho = 4, v0 = 0.03 (Vicsek et al. 1995), angular noise
 * eta = 2 (ordered, near the transition region at these sizes): a step sorts the particles into cells,
 * sums the headings of about pi rho = 12.6 neighbours among about 9 rho = 36 candidates per particle,
 * then draws the noise angle and turns (one sine and one cosine, StrictMath) and moves. One op is ten
 * steps; bench/run divides by 10 N. No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar VicsekStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class VicsekStepBenchmark {
    static final int STEPS_PER_OP = 10;

    @Param({"1024", "4096", "16384"})
    public int size;

    private Model model;

    @Setup
    public void setUp() {
        Params p = Params.resolve(VicsekModelType.INSTANCE, Map.of("N", size, "rho", 4.0, "v0", 0.03, "eta", 2.0));
        model = VicsekModelType.INSTANCE.create(p, ReplicaRunner.rng(1));
        // Past the first alignment from random headings, so the density has its steady clustering.
        for (int t = 0; t < 500; t++) {
            model.advance();
        }
    }

    /** Ten synchronous steps of all N particles. */
    @Benchmark
    public Model tenSteps() {
        for (int t = 0; t < STEPS_PER_OP; t++) {
            model.advance();
        }
        return model;
    }
}
