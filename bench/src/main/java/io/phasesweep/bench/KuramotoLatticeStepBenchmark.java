package io.phasesweep.bench;

import io.phasesweep.kuramoto.KuramotoSquareLattice;
import io.phasesweep.kuramoto.KuramotoSquareLatticeType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import org.openjdk.jmh.annotations.Param;

import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Question: what does one stochastic Heun step of the L x L oscillator lattice cost per oscillator,
 * and does it stay flat as L grows (a step is O(L^2))? Noise D = 0.05 and odd_even coupling c = 1
 * (a synchronised, non-odd lattice: kuramoto2d's regime); a step draws N Gaussians, evaluates the
 * drift twice (2N bonds, one StrictMath tangent each) and re-reads the 2N bonds' 2 pi sheets for the
 * slip count. One op is ten steps; bench/run divides by 10 L^2. No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar KuramotoLatticeStep}.
 */
public class KuramotoLatticeStepBenchmark extends OscillatorStepBenchmark {
    @Param({"64", "256"})
    public int size;

    @Override
    IntConsumer prepare() {
        Params p = Params.resolve(KuramotoSquareLatticeType.INSTANCE, Map.of("L", size, "K", 1.0, "D", 0.05,
                "coupling_function", "odd_even", "c", 1.0, "dt", 0.05));
        KuramotoSquareLattice lattice = (KuramotoSquareLattice) KuramotoSquareLatticeType.INSTANCE.create(p, ReplicaRunner.rng(1));
        lattice.steps(200);
        return lattice::steps;
    }
}
