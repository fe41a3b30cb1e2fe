package io.phasesweep.ode;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

import java.util.Locale;

/**
 * The fixed-step schemes a model offers as its {@code integrator} parameter ({@code auto},
 * {@code euler}, {@code heun}, {@code rk4}), with what a model needs to know of each: how to build
 * one and where its step stops being stable.
 */
public enum Scheme {
    /** {@link EulerMaruyamaIntegrator}. */
    EULER(2.0),
    /** {@link StochasticHeunIntegrator}. */
    HEUN(2.0),
    /** {@link RungeKutta4Integrator}: deterministic systems only. */
    RK4(2.785);

    private final double realAxisLimit;

    Scheme(double realAxisLimit) {
        this.realAxisLimit = realAxisLimit;
    }

    /** A config's choice: {@code auto} is stochastic Heun with noise and RK4 without; else the named scheme. */
    public static Scheme choose(String choice, boolean noise) {
        return choice.equals("auto") ? (noise ? HEUN : RK4) : valueOf(choice.toUpperCase(Locale.ROOT));
    }

    /**
     * The largest |h lambda| on the negative real axis for which a step does not amplify: 2 for
     * Euler and Heun, about 2.785 for RK4 (see the package documentation).
     */
    public double realAxisLimit() {
        return realAxisLimit;
    }

    /**
     * |R(z)| at a complex z = h lambda: how much one step multiplies a mode of y' = lambda y (see
     * the package documentation for R). Above 1 the mode grows however it should decay: for
     * systems whose Jacobian has complex eigenvalues, where {@link #realAxisLimit()} does not say.
     */
    public double amplification(double re, double im) {
        // R(z) = sum_{k <= order} z^k / k!, summed as a complex polynomial.
        int order = switch (this) {
            case EULER -> 1;
            case HEUN -> 2;
            case RK4 -> 4;
        };
        double sumRe = 1;
        double sumIm = 0;
        double termRe = 1;
        double termIm = 0;
        for (int k = 1; k <= order; k++) {
            double r = (termRe * re - termIm * im) / k;
            termIm = (termRe * im + termIm * re) / k;
            termRe = r;
            sumRe += termRe;
            sumIm += termIm;
        }
        return Math.hypot(sumRe, sumIm);
    }

    /** The config's name of the scheme. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A stepper for systems of this dimension; the stochastic schemes draw their noise from {@code gaussian}. */
    public FixedStepIntegrator<? super StochasticSystem> create(int dimension, NormalizedGaussianSampler gaussian) {
        return switch (this) {
            case EULER -> new EulerMaruyamaIntegrator(dimension, gaussian);
            case HEUN -> new StochasticHeunIntegrator(dimension, gaussian);
            case RK4 -> new RungeKutta4Integrator(dimension);
        };
    }
}
