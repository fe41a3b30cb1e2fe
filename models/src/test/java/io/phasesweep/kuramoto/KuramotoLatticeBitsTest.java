package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden bits of kuramoto2d version 1: every double a fixed seed gives, hashed as kuramoto1d's are
 * ({@link KuramotoBitsTest#hash}). The constants come from the code before the oscillator models'
 * shared bookkeeping (schedule, slip counters, checkpoint) moved to {@code io.phasesweep.oscillator};
 * a failure (its message prints the new value) means the arithmetic changed: raise the version.
 * Each case takes a different path: every integrator, noise on and off, quenched frequencies, both
 * coupling functions, every start, transient 0, measurement times that are not multiples of dt.
 */
class KuramotoLatticeBitsTest {

    record Case(String name, Map<String, Object> params, long seed, long expected) {
    }

    static final List<Case> CASES = List.of(
            new Case("euler, noise, disorder, sakaguchi, random start",
                    KuramotoBitsTest.of("L", 6, "integrator", "euler", "D", 0.3, "sigma", 0.2, "alpha", 0.7, "start", "random",
                            "dt", 0.05, "t_max", 7.33, "transient", 2.0, "output_interval", 0.7, "series_points", 12),
                    31, 0x127b9cc3d383ce7bL),
            new Case("heun, noise, disorder, odd_even, perturbed start, series_from",
                    KuramotoBitsTest.of("L", 7, "integrator", "heun", "D", 0.2, "sigma", 0.1, "coupling_function", "odd_even",
                            "c", 1.5, "start", "perturbed", "dt", 0.03, "t_max", 5.01, "transient", 1.0, "series_points", 15,
                            "series_from", 0.011),
                    32, 0x84cd7e2180e3595dL),
            new Case("rk4, no noise, disorder, sakaguchi, perturbed start",
                    KuramotoBitsTest.of("L", 5, "integrator", "rk4", "sigma", 0.6, "alpha", 1.0, "start", "perturbed",
                            "dt", 0.07, "t_max", 9.1, "transient", 3.3, "output_interval", 0.9),
                    33, 0x9609608a88bbae68L),
            new Case("auto with noise (heun), flat start, transient 0, weak coupling",
                    KuramotoBitsTest.of("L", 4, "D", 1.0, "K", 0.3, "dt", 0.02, "t_max", 3.07, "transient", 0.0,
                            "output_interval", 0.5, "series_points", 10),
                    34, 0x7fde67b09a42f885L));

    @TestFactory
    Stream<DynamicTest> resultsKeepTheirBits() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Params p = Params.resolve(KuramotoSquareLatticeType.INSTANCE, c.params());
            long actual = KuramotoBitsTest.hash(ReplicaRunner.run(KuramotoSquareLatticeType.INSTANCE, List.of(p), c.seed()));
            assertEquals(c.expected(), actual, c.name() + String.format(": 0x%016xL", actual));
        }));
    }
}
