package io.phasesweep.ode;

import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a model reads off a scheme: the amplification of one step at a complex h lambda, against the integrators themselves. */
class SchemeTest {

    /** y' = (a + i b) y as a real system of two components. */
    record ComplexLinear(double a, double b) implements StochasticSystem {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = a * y[0] - b * y[1];
            dydt[1] = b * y[0] + a * y[1];
        }

        @Override
        public double diffusion() {
            return 0;
        }
    }

    @Test
    void amplificationIsTheModulusOfOneStepOfTheComplexLinearEquation() {
        for (Scheme s : Scheme.values()) {
            for (double[] z : new double[][]{{-0.3, 0}, {-1.2, 2.0}, {-0.2, -0.6}, {0.1, 1.5}, {-2.5, 0.4}}) {
                double[] y = {1.0, 0.0};
                s.create(2, ZigguratSampler.NormalizedGaussian.of(new SplitMix64(1L)))
                        .step(new ComplexLinear(z[0], z[1]), 0.0, 1.0, y);
                assertEquals(Math.hypot(y[0], y[1]), s.amplification(z[0], z[1]), 1e-14, s + " at " + z[0] + " + " + z[1] + "i");
            }
        }
    }

    @Test
    void amplificationIsOneAtEachRealAxisLimit() {
        for (Scheme s : Scheme.values()) {
            assertEquals(1.0, s.amplification(-s.realAxisLimit(), 0), 1e-3, s.label());
        }
        // Heun on the imaginary axis: |R(ix)|^2 = 1 + x^4 / 4 (package documentation).
        assertEquals(Math.sqrt(1 + Math.pow(0.3, 4) / 4), Scheme.HEUN.amplification(0, 0.3), 1e-15);
    }
}
