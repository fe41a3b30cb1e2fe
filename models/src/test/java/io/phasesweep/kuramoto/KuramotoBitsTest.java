package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden bits: every double kuramoto1d returns for a fixed seed, hashed, must stay the same across
 * refactors of the integrators. The constants come from the code before the integrators moved to
 * {@code io.phasesweep.ode} (a failure message prints the new value); a change means the
 * arithmetic changed, not just the code's shape. Each case takes a different path: every
 * integrator, noise on and off, quenched frequencies, both coupling functions, every start, and
 * measurement times that are not multiples of dt (so the last step before each one is shortened).
 */
public class KuramotoBitsTest {

    /** A parameter set, its seed and the SHA-256 prefix of its results. */
    record Case(String name, Map<String, Object> params, long seed, long expected) {
    }

    /** Parameters from alternating keys and values (Map.of stops at ten pairs). */
    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static final List<Case> CASES = List.of(
            new Case("euler, noise, disorder, sakaguchi, random start",
                    of("N", 32, "integrator", "euler", "D", 0.3, "sigma", 0.2, "alpha", 0.7, "start", "random",
                            "dt", 0.05, "t_max", 7.33, "transient", 2.0, "output_interval", 0.7, "series_points", 12),
                    11, 0x6920766c2c24b1c4L),
            new Case("heun, noise, disorder, odd_even, perturbed start",
                    of("N", 48, "integrator", "heun", "D", 0.2, "sigma", 0.1, "coupling_function", "odd_even",
                            "c", 1.5, "start", "perturbed", "dt", 0.03, "t_max", 5.01, "transient", 1.0, "series_points", 15),
                    12, 0xbac27a6ea9e51860L),
            new Case("rk4, no noise, disorder, sakaguchi, perturbed start",
                    of("N", 64, "integrator", "rk4", "sigma", 0.3, "alpha", 1.0, "start", "perturbed",
                            "dt", 0.07, "t_max", 9.1, "transient", 3.3, "output_interval", 0.9),
                    13, 0xd01aa1291410e6e3L),
            new Case("auto with noise (heun), flat start, transient 0",
                    of("N", 16, "D", 0.5, "K", 2.0, "dt", 0.02, "t_max", 3.07, "transient", 0.0,
                            "output_interval", 0.5, "series_points", 10),
                    14, 0x3c657861c293bbf9L),
            new Case("auto without noise (rk4), odd_even, random start",
                    of("N", 24, "sigma", 0.5, "coupling_function", "odd_even", "c", 0.5, "start", "random",
                            "dt", 0.04, "t_max", 6.5, "transient", 1.5, "output_interval", 0.55),
                    15, 0x3fcb16b95eb25badL),
            new Case("euler without noise, disorder, random start",
                    of("N", 40, "integrator", "euler", "sigma", 0.4, "K", 0.7, "alpha", -0.4, "start", "random",
                            "dt", 0.025, "t_max", 4.99, "transient", 1.0),
                    16, 0xf678f84e7d62c1d0L),
            new Case("heun without noise, sakaguchi, flat start",
                    of("N", 20, "integrator", "heun", "sigma", 0.3, "alpha", -0.4, "dt", 0.06, "t_max", 8.0,
                            "transient", 2.0, "output_interval", 0.75, "series_points", 20),
                    17, 0xaeb03c7b5b701ddbL),
            new Case("heun, noise, no coupling, odd_even, random start",
                    of("N", 30, "integrator", "heun", "K", 0.0, "D", 1.0, "coupling_function", "odd_even",
                            "c", -2.0, "start", "random", "dt", 0.05, "t_max", 5.55, "transient", 1.2),
                    18, 0xf335b2ba206cff3bL));

    /** The benchmark's path: {@link KuramotoChain#steps(int)} without measurement times. */
    static final long STEPS_EXPECTED = 0x800fffeef1478772L;

    @TestFactory
    Stream<DynamicTest> resultsKeepTheirBits() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Params p = Params.resolve(KuramotoChainType.INSTANCE, c.params());
            long actual = hash(ReplicaRunner.run(KuramotoChainType.INSTANCE, List.of(p), c.seed()));
            assertEquals(c.expected(), actual, c.name() + String.format(": 0x%016xL", actual));
        }));
    }

    @TestFactory
    Stream<DynamicTest> stepsKeepTheirBits() {
        return Stream.of(DynamicTest.dynamicTest("steps(count), rk4, heun and euler", () -> {
            Sha256 h = new Sha256();
            for (String integrator : List.of("rk4", "heun", "euler")) {
                Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", 32, "K", 1.0, "sigma", 0.1,
                        "alpha", 1.0, "D", integrator.equals("rk4") ? 0.0 : 0.1, "dt", 0.05, "integrator", integrator));
                KuramotoChain chain = (KuramotoChain) KuramotoChainType.INSTANCE.create(p, ReplicaRunner.rng(19));
                chain.steps(300);
                h.add(chain.time());
                h.add(chain.width());
                h.add(chain.lockedFraction());
            }
            long actual = h.prefix();
            assertEquals(STEPS_EXPECTED, actual, String.format("steps: 0x%016xL", actual));
        }));
    }

    /** Every double of the result, in order, with the observable names and counts (stuart_landau1d's golden bits too). */
    public static long hash(TaskResult result) {
        Sha256 h = new Sha256();
        for (TaskResult.Member m : result.members()) {
            for (Map.Entry<String, Estimate> e : m.scalars().entrySet()) {
                h.add(e.getKey());
                h.add(e.getValue().mean());
                h.add(e.getValue().stderr());
                h.add(e.getValue().tauInt());
                h.add(e.getValue().n());
            }
            h.add(m.series().size());
            for (TaskResult.SeriesPoint s : m.series()) {
                h.add(s.observable());
                h.add(s.t());
                h.add(s.value());
            }
        }
        return h.prefix();
    }

    /** SHA-256 over raw long bits; the first 8 bytes of the digest are the hash. */
    static final class Sha256 {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);

        Sha256() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        void add(long v) {
            buffer.clear();
            digest.update(buffer.putLong(v).array());
        }

        void add(double v) {
            add(Double.doubleToRawLongBits(v));
        }

        void add(String s) {
            digest.update(s.getBytes(StandardCharsets.UTF_8));
        }

        long prefix() {
            return ByteBuffer.wrap(digest.digest()).getLong();
        }
    }
}
