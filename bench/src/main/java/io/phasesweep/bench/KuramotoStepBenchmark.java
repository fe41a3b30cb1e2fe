package io.phasesweep.bench;

import io.phasesweep.kuramoto.KuramotoChain;
import io.phasesweep.kuramoto.KuramotoChainType;
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
 * Question: how long does one RK4 step of the oscillator ring take per oscillator (columnar
 * disorder, Sakaguchi alpha = 1, slips counted)? One op is 10 steps; bench/run divides by 10 N
 * and compares with bench/c/kuramoto_rk4.c: the same scheme and the same sine and cosine (fdlibm's
 * algorithm, which gives StrictMath's bits: io.phasesweep.math.Fdlibm in Java, fdlibm_trig.h in C),
 * and prints glibc's sin and cos beside it for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class KuramotoStepBenchmark {
    static final int STEPS_PER_OP = 10;

    @Param({"1024"})
    public int size;

    private KuramotoChain chain;

    @Setup
    public void setUp() {
        Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", size, "K", 1.0, "sigma", 0.1, "alpha", 1.0,
                "dt", 0.05, "integrator", "rk4"));
        chain = (KuramotoChain) KuramotoChainType.INSTANCE.create(p, ReplicaRunner.rng(1));
        chain.steps(1_000);
    }

    @Benchmark
    public KuramotoChain tenSteps() {
        chain.steps(STEPS_PER_OP);
        return chain;
    }
}
