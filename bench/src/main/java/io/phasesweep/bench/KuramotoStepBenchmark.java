package io.phasesweep.bench;

import io.phasesweep.kuramoto.KuramotoChain;
import io.phasesweep.kuramoto.KuramotoChainType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import org.openjdk.jmh.annotations.Param;

import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Question: how long does one RK4 step of the oscillator ring take per oscillator (columnar
 * disorder, Sakaguchi alpha = 1, slips counted)? One op is 10 steps; bench/run divides by 10 N
 * and compares with bench/c/kuramoto_rk4.c: the same scheme and the same sine and cosine (fdlibm's
 * algorithm, which gives StrictMath's bits: io.phasesweep.math.Fdlibm in Java, fdlibm_trig.h in C),
 * and prints glibc's sin and cos beside it for comparison.
 */
public class KuramotoStepBenchmark extends OscillatorStepBenchmark {
    @Param({"1024"})
    public int size;

    @Override
    IntConsumer prepare() {
        Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", size, "K", 1.0, "sigma", 0.1, "alpha", 1.0,
                "dt", 0.05, "integrator", "rk4"));
        KuramotoChain chain = (KuramotoChain) KuramotoChainType.INSTANCE.create(p, ReplicaRunner.rng(1));
        chain.steps(1_000);
        return chain::steps;
    }
}
