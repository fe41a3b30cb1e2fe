package io.phasesweep.rnn;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The dynamical mean-field theory of the random tanh network dx/dt = -x + g J tanh(x), J_ij of
 * variance 1/N, without input or noise (Sompolinsky, Crisanti and Sommers, Phys. Rev. Lett. 61,
 * 259 (1988)). The autocorrelation Delta(tau) = [x_i(t) x_i(t + tau)] moves like a particle in the
 * potential V(Delta) = -Delta^2/2 + g^2 E_z[E_y Phi(sqrt(Delta0 - Delta) y + sqrt(Delta) z)]^2, with
 * Phi = ln cosh the antiderivative of tanh and y, z independent standard normals. The chaotic
 * solution starts at rest at Delta0 and comes to rest at Delta = 0 as tau grows, so its energy
 * conservation V(Delta0) = V(0) fixes Delta0:
 * <pre>
 *   Delta0^2 / 2 = g^2 (E[Phi(w)^2] - E[Phi(w)]^2),   w ~ N(0, Delta0)
 * </pre>
 * (the form of Kadmon and Sompolinsky, Phys. Rev. X 5, 041030 (2015), Eq. 7 without input). For
 * g &lt;= 1 only Delta0 = 0 solves it; just above 1, Delta0 = (g - 1) + O((g - 1)^2).
 */
public final class MeanFieldTheory {
    /** The Gaussian's tails beyond this many standard deviations weigh less than 1e-40. */
    private static final double TAIL = 13.5;
    /** Delta0 grows like 2 (1 - 2/pi) g^2 for large g; the bracket covers g up to ~10^2. */
    private static final double LARGEST_DELTA0 = 1e4;

    private MeanFieldTheory() {
    }

    /**
     * The population variance Delta0 = [x^2] of the self-consistent chaotic state at gain g (0 for
     * g &lt;= 1, where the only solution is the silent fixed point x = 0).
     */
    public static double delta0(double g) {
        if (!(g > 1)) {
            return 0.0;
        }
        if (g > 100) {
            throw new IllegalArgumentException("the mean-field solution is tabulated for g <= 100: " + g);
        }
        // Solve g^2 Var(Phi) / (Delta0^2 / 2) = 1: the ratio is g^2 > 1 as Delta0 -> 0 and falls to 0.
        double lower = 1e-6 * (g - 1);
        return new BrentSolver(1e-13, 1e-13).solve(200, d -> g * g * phiVariance(d) / (0.5 * d * d) - 1,
                lower, LARGEST_DELTA0);
    }

    /**
     * Var(ln cosh w) for w ~ N(0, variance), by the trapezoidal rule in u = w / sigma. For an
     * integrand analytic in a strip |Im u| &lt; d the rule converges like exp(-2 pi d / h); ln cosh
     * has its nearest poles at w = +-i pi/2, so d = pi / (2 sigma), and h = d / 6 leaves an error
     * of order e^-37, far below rounding, at every gain (a fixed-order Gauss-Hermite rule, by
     * contrast, loses digits as sigma grows).
     */
    static double phiVariance(double variance) {
        double sigma = Math.sqrt(variance);
        double h = Math.min(0.05, Math.PI / (2 * sigma) / 6);
        int half = (int) Math.ceil(TAIL / h);
        double norm = 0;
        double first = 0;
        double second = 0;
        for (int k = -half; k <= half; k++) {
            double u = k * h;
            double weight = Math.exp(-0.5 * u * u);
            double phi = logCosh(sigma * u);
            norm += weight;
            first += weight * phi;
            second += weight * phi * phi;
        }
        double mean = first / norm;
        return Math.max(0, second / norm - mean * mean);
    }

    /**
     * ln cosh x to full relative precision: -ln(1 - tanh^2 x) / 2 below 1 (no cancellation where
     * ln cosh x ~ x^2 / 2 is tiny), |x| + ln(1 + e^(-2|x|)) - ln 2 above (no overflow).
     */
    static double logCosh(double x) {
        double a = Math.abs(x);
        if (a < 1) {
            double t = Math.tanh(a);
            return -0.5 * Math.log1p(-t * t);
        }
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }
}
