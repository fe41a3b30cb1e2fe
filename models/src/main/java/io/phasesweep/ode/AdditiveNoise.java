package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/** The noise increments of one step, shared by the stochastic schemes. */
final class AdditiveNoise {
    private AdditiveNoise() {
    }

    /**
     * out_i = sqrt(2 D h) xi_i with xi_i standard normal, drawn in component order: the order fixes
     * which draw goes to which component, so it is part of the bit-for-bit result.
     */
    static void draw(NormalizedGaussianSampler gaussian, double diffusion, double h, double[] out) {
        double amplitude = Math.sqrt(2 * diffusion * h);
        for (int i = 0; i < out.length; i++) {
            out[i] = amplitude * gaussian.sample();
        }
    }
}
