package io.phasesweep.stuartlandau;

import io.phasesweep.kuramoto.KuramotoBitsTest;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden bits of stuart_landau1d version 1: every double a fixed seed gives, hashed as kuramoto1d's
 * are. A failure (its message prints the new value) means the arithmetic changed: raise the
 * model's version. Each case takes a different path: every integrator, noise on and off, quenched
 * frequencies, every start, windings and slips, measurement times that are not multiples of dt.
 */
class StuartLandauBitsTest {

    record Case(String name, Map<String, Object> params, long seed, long expected) {
    }

    static final List<Case> CASES = List.of(
            new Case("euler, noise, disorder, random start, slips",
                    KuramotoBitsTest.of("N", 32, "integrator", "euler", "D", 0.3, "sigma", 0.8, "K", 0.2, "c1", 0.7, "c2", 2.5,
                            "start", "random", "dt", 0.05, "t_max", 7.33, "transient", 2.0, "output_interval", 0.7,
                            "series_points", 12),
                    21, 0x0b6c1bb6203be313L),
            new Case("heun, noise, disorder, perturbed start",
                    KuramotoBitsTest.of("N", 48, "integrator", "heun", "D", 0.2, "sigma", 0.1, "c1", -1.5, "c2", 0.5,
                            "start", "perturbed", "dt", 0.03, "t_max", 5.01, "transient", 1.0, "series_points", 15),
                    22, 0x033c429119232057L),
            new Case("rk4, no noise, disorder, flat start",
                    KuramotoBitsTest.of("N", 64, "integrator", "rk4", "sigma", 0.3, "c1", 1.0, "c2", -1.0,
                            "dt", 0.07, "t_max", 9.1, "transient", 3.3, "output_interval", 0.9),
                    23, 0x9308e4bfe83ee662L),
            new Case("auto with noise (heun), no coupling, transient 0",
                    KuramotoBitsTest.of("N", 16, "D", 0.5, "K", 0.0, "c2", 1.0, "dt", 0.02, "t_max", 3.07,
                            "transient", 0.0, "output_interval", 0.5, "series_points", 10),
                    24, 0x8fde2045dd2810f8L));

    @TestFactory
    Stream<DynamicTest> resultsKeepTheirBits() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Params p = Params.resolve(StuartLandauChainType.INSTANCE, c.params());
            long actual = KuramotoBitsTest.hash(ReplicaRunner.run(StuartLandauChainType.INSTANCE, List.of(p), c.seed()));
            assertEquals(c.expected(), actual, c.name() + String.format(": 0x%016xL", actual));
        }));
    }
}
