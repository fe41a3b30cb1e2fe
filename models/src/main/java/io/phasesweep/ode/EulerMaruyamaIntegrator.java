package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Euler-Maruyama: y += h f(t, y) + sqrt(2 D h) xi. Strong and weak order 1 for additive noise;
 * with D = 0 it is the explicit Euler method (order 1).
 */
public final class EulerMaruyamaIntegrator implements FixedStepIntegrator<StochasticSystem> {
    private final NormalizedGaussianSampler gaussian;
    private final double[] drift;
    private final double[] noise;

    /** @param gaussian the source of the noise, drawn dimension times per step */
    public EulerMaruyamaIntegrator(int dimension, NormalizedGaussianSampler gaussian) {
        this.gaussian = gaussian;
        this.drift = new double[dimension];
        this.noise = new double[dimension];
    }

    @Override
    public void step(StochasticSystem system, double t, double h, double[] y) {
        AdditiveNoise.draw(gaussian, system, h, noise);
        system.derivatives(t, y, drift);
        for (int i = 0; i < y.length; i++) {
            y[i] += h * drift[i] + noise[i];
        }
    }
}
