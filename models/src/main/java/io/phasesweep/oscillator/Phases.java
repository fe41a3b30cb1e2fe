package io.phasesweep.oscillator;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The start and the measurements of a field of phases (or unwrapped phases) that the oscillator
 * models share: quenched frequencies, the {@code start} choices, the interface width and the
 * Kuramoto order parameter. Called once per replica or per measurement, not per step.
 */
public final class Phases {
    public static final String ORDER_PARAMETER = "order_parameter";
    public static final String WIDTH = "width";

    private Phases() {
    }

    /**
     * n quenched Gaussian natural frequencies of width sigma. Drawn first, before the start, so they
     * depend on the seed alone; the step's noise continues the same Gaussian stream.
     */
    public static double[] naturalFrequencies(int n, double sigma, ZigguratSampler.NormalizedGaussian gauss) {
        double[] omega = new double[n];
        for (int i = 0; i < n; i++) {
            omega[i] = sigma * gauss.sample();
        }
        return omega;
    }

    /** The initial phases, into {@code out}: flat (all 0), perturbed (uniform in +-0.25 rad) or random (in [0, 2 pi)). */
    public static void start(String start, double[] out, UniformRandomProvider rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (start) {
                case "perturbed" -> 0.5 * (2 * rng.nextDouble() - 1);
                case "random" -> 2 * Math.PI * rng.nextDouble();
                default -> 0.0;
            };
        }
    }

    /** W = sqrt(mean (h_i - mean h)^2), the interface width of the (unwrapped) phases h. */
    public static double width(double[] h) {
        int n = h.length;
        double mean = 0;
        for (double v : h) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : h) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / n);
    }

    /** r = |mean exp(i theta)|, with StrictMath's bits. */
    public static double orderParameter(double[] theta) {
        int n = theta.length;
        double c = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            c += StrictMath.cos(theta[i]);
            s += StrictMath.sin(theta[i]);
        }
        return Math.hypot(c, s) / n;
    }
}
