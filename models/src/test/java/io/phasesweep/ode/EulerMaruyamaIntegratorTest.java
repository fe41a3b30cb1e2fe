package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

class EulerMaruyamaIntegratorTest extends StochasticIntegratorAbstractTest {

    @Override
    FixedStepIntegrator<? super StochasticSystem> integrator(int dimension, NormalizedGaussianSampler gaussian) {
        return new EulerMaruyamaIntegrator(dimension, gaussian);
    }

    @Override
    int order() {
        return 1;
    }

    @Override
    double[] stabilityPolynomial() {
        return new double[]{1, 1};
    }

    @Override
    double stabilityLimit() {
        return 2;
    }

    @Override
    double noiseFactor(double z) {
        return 1;
    }
}
