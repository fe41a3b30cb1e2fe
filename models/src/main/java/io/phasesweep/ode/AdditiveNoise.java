package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/** The noise increments of one step, shared by the stochastic schemes. */
final class AdditiveNoise {
    private AdditiveNoise() {
    }

    /**
     * out_i = sqrt(2 D h) xi_i with xi_i standard normal for the system's first
     * {@link StochasticSystem#noisyDimension()} components, drawn in component order (the order
     * fixes which draw goes to which component, so it is part of the bit-for-bit result); 0 for the rest.
     */
    static void draw(NormalizedGaussianSampler gaussian, StochasticSystem system, double h, double[] out) {
        double amplitude = Math.sqrt(2 * system.diffusion() * h);
        int noisy = system.noisyDimension();
        for (int i = 0; i < noisy; i++) {
            out[i] = amplitude * gaussian.sample();
        }
        java.util.Arrays.fill(out, noisy, out.length, 0.0);
    }
}
