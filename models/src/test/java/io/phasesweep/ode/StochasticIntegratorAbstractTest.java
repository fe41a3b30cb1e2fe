package io.phasesweep.ode;

import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Adds the noisy problems: where the noise enters one step, and the Ornstein-Uhlenbeck stationary variance. */
abstract class StochasticIntegratorAbstractTest extends FixedStepIntegratorAbstractTest {
    static final long SEED = 42;
    /** Statistical checks pass within this many standard errors (seeds fixed). */
    static final double STANDARD_ERRORS = 4;

    static NormalizedGaussianSampler gaussian(long seed) {
        return ZigguratSampler.NormalizedGaussian.of(new SplitMix64(seed));
    }

    abstract FixedStepIntegrator<? super StochasticSystem> integrator(int dimension, NormalizedGaussianSampler gaussian);

    /** S(z): one step of y' = lambda y plus noise eta gives R(z) y + S(z) eta, z = h lambda. */
    abstract double noiseFactor(double z);

    @Override
    FixedStepIntegrator<? super StochasticSystem> integrator(int dimension) {
        return integrator(dimension, gaussian(SEED));
    }

    @Test
    void oneStepAddsOneGaussianPerComponentInComponentOrder() {
        double lambda = -0.8;
        double d = 0.3;
        double h = 0.25;
        double[] y0 = {1.0, -2.0, 0.5};
        double[] y = y0.clone();
        integrator(3, gaussian(SEED)).step(new LinearSystem(3, lambda, d), 0.0, h, y);
        NormalizedGaussianSampler same = gaussian(SEED);
        for (int i = 0; i < 3; i++) {
            double eta = Math.sqrt(2 * d * h) * same.sample();
            double expected = stabilityFunction(h * lambda) * y0[i] + noiseFactor(h * lambda) * eta;
            assertEquals(expected, y[i], 1e-15, "component " + i);
        }
    }

    /**
     * dx = -x dt + sqrt(2 D) dW relaxes to variance D (correlation time 1). Started in that
     * state, the time average of x^2 over T has variance 2 D^2 / T (its autocovariance is
     * 2 D^2 e^(-2|t|)); n independent components give T n of such time. Euler's discretisation
     * bias, D h / 2, is an eighth of the tolerance here; Heun's, D h^2 / 4, is negligible.
     */
    @Test
    void ornsteinUhlenbeckStationaryVarianceIsD() {
        int n = 50;
        double d = 0.5;
        double h = 0.01;
        double duration = 400;
        NormalizedGaussianSampler start = gaussian(SEED + 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sqrt(d) * start.sample();
        }
        double[] sumOfSquares = new double[1];
        long[] samples = new long[1];
        StepHandler accumulate = (t, x) -> {
            for (double v : x) {
                sumOfSquares[0] += v * v;
            }
            samples[0] += x.length;
        };
        new FixedStepDriver<>(new LinearSystem(n, -1.0, d), integrator(n), h, accumulate).advance(0.0, y, duration);
        double variance = sumOfSquares[0] / samples[0];
        double standardError = d * Math.sqrt(2 / (duration * n));
        assertEquals(d, variance, STANDARD_ERRORS * standardError);
    }
}
