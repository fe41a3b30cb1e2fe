package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Stochastic Heun (predictor-corrector): an Euler-Maruyama predictor, then the trapezoidal average
 * of the drift at both ends. Both stages use the same noise increment: the predictor estimates the
 * end of the same Brownian path the corrector follows (fresh noise there would lose weak order 2).
 * For additive noise: strong order 1, weak order 2; with D = 0 it is Heun's method (explicit
 * trapezoidal rule, order 2).
 */
public final class StochasticHeunIntegrator implements FixedStepIntegrator<StochasticSystem> {
    private final NormalizedGaussianSampler gaussian;
    private final double[] k1;
    private final double[] k2;
    private final double[] predictor;
    private final double[] noise;

    /** @param gaussian the source of the noise, drawn dimension times per step */
    public StochasticHeunIntegrator(int dimension, NormalizedGaussianSampler gaussian) {
        this.gaussian = gaussian;
        this.k1 = new double[dimension];
        this.k2 = new double[dimension];
        this.predictor = new double[dimension];
        this.noise = new double[dimension];
    }

    @Override
    public void step(StochasticSystem system, double t, double h, double[] y) {
        AdditiveNoise.draw(gaussian, system, h, noise);
        system.derivatives(t, y, k1);
        for (int i = 0; i < y.length; i++) {
            predictor[i] = y[i] + h * k1[i] + noise[i];
        }
        system.derivatives(t + h, predictor, k2);
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.5 * h * (k1[i] + k2[i]) + noise[i];
        }
    }
}
