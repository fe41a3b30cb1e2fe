package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

class StochasticHeunIntegratorTest extends StochasticIntegratorAbstractTest {

    @Override
    FixedStepIntegrator<? super StochasticSystem> integrator(int dimension, NormalizedGaussianSampler gaussian) {
        return new StochasticHeunIntegrator(dimension, gaussian);
    }

    @Override
    int order() {
        return 2;
    }

    @Override
    double[] stabilityPolynomial() {
        return new double[]{1, 1, 0.5};
    }

    @Override
    double stabilityLimit() {
        return 2;
    }

    /** The same noise in predictor and corrector: eta (1 + z/2); fresh noise in the corrector would not give this. */
    @Override
    double noiseFactor(double z) {
        return 1 + z / 2;
    }
}
