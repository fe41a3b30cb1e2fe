package io.phasesweep.bench;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stuartlandau.StuartLandauChain;
import io.phasesweep.stuartlandau.StuartLandauChainType;
import org.openjdk.jmh.annotations.Param;

import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Question: what does one stochastic Heun step of the noisy Stuart-Landau ring cost per oscillator
 * (conf/stuart-landau.conf's KPZ point: K = 1, c1 = -3, D = 0.05, dt = 0.05), windings and slips
 * tracked? Per oscillator a step is two Gaussians, two evaluations of the drift (no trigonometry)
 * and the sign tests of the winding numbers; it should stay flat in N. One op is ten steps;
 * bench/run divides by 10 N. No C reference; kuramoto1d's RK4 step (eight StrictMath sines and
 * cosines per oscillator) is the neighbour row to compare with.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar StuartLandauStep}.
 */
public class StuartLandauStepBenchmark extends OscillatorStepBenchmark {
    @Param({"1024", "16384"})
    public int size;

    @Override
    IntConsumer prepare() {
        Params p = Params.resolve(StuartLandauChainType.INSTANCE, Map.of("N", size, "K", 1.0, "c1", -3.0, "D", 0.05,
                "dt", 0.05));
        StuartLandauChain chain = (StuartLandauChain) StuartLandauChainType.INSTANCE.create(p, ReplicaRunner.rng(1));
        // Past the start: the interface is rough, the amplitudes fluctuate.
        chain.steps(1_000);
        return chain::steps;
    }
}
