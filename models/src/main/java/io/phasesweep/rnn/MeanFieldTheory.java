package io.phasesweep.rnn;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

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
 *
 * <p><b>Largest Lyapunov exponent</b> (the same paper). A perturbation's correlation
 * Psi(t, t') = [dx(t) dx(t')] obeys (d_t + 1)(d_t' + 1) Psi = g^2 C'(t - t') Psi, with
 * C'(tau) = [tanh'(x(t)) tanh'(x(t + tau))] along the chaotic solution. Growth e^(lambda (t + t'))
 * turns it into a Schr&ouml;dinger problem in tau = t - t':
 * <pre>
 *   (-d^2/dtau^2 + 1 - g^2 C'(tau)) psi = E psi,   lambda = -1 + sqrt(1 - E0)
 * </pre>
 * with E0 the ground-state energy. Delta'(tau) solves it at E = 0 (differentiate the particle
 * equation), and has one node, so E0 &lt; 0 and lambda &gt; 0 for every g &gt; 1; the well is
 * shallow near g = 1, where lambda grows like (g - 1)^2. Below g = 1, C' = 1 and lambda = g - 1.
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
     * The largest Lyapunov exponent of the network at gain g in the limit N -&gt; infinity: g - 1
     * up to g = 1 (the silent state), the ground state of the tangent problem above.
     */
    public static double lyapunov(double g) {
        if (!(g > 1)) {
            return g - 1;
        }
        // A tenth of a second or more per gain, and the jackknife of a point evaluates a derived
        // quantity R + 1 times, at every N with this g: solved once per gain.
        if (LYAPUNOV.size() >= MAX_REMEMBERED) {
            LYAPUNOV.clear();
        }
        return LYAPUNOV.computeIfAbsent(g, gain -> -1 + Math.sqrt(1 - new TangentProblem(gain).groundEnergy(true)));
    }

    private static final int MAX_REMEMBERED = 4096;
    private static final Map<Double, Double> LYAPUNOV = new ConcurrentHashMap<>();

    /**
     * The tangent problem's potential 1 - g^2 C'(tau) on a grid of half steps, from the particle's
     * trajectory Delta(tau), and its lowest even or odd energy by shooting.
     */
    static final class TangentProblem {
        /** Grid step of tau; the potential varies on scales of order one or longer. */
        private static final double STEP = 0.02;
        /** The bound state decays at least as e^(-kappa tau): this many e-folds past the well. */
        private static final double TAIL_DECAYS = 40;
        /** Nodes of the tables of C and C' in Delta, interpolated by cubic splines. */
        private static final int TABLE = 200;

        private final double[] potential;
        private final double minimum;

        TangentProblem(double g) {
            double delta0 = delta0(g);
            double[] delta = new double[TABLE + 1];
            double[] rate = new double[TABLE + 1];
            double[] slope = new double[TABLE + 1];
            for (int k = 0; k <= TABLE; k++) {
                // The last knot is Delta0 itself: delta0 * TABLE / TABLE can round below it.
                delta[k] = k == TABLE ? delta0 : delta0 * k / TABLE;
                rate[k] = pairAverage(Math::tanh, delta0, delta[k]);
                slope[k] = pairAverage(MeanFieldTheory::tanhPrime, delta0, delta[k]);
            }
            SplineInterpolator splines = new SplineInterpolator();
            PolynomialSplineFunction c = splines.interpolate(delta, rate);
            PolynomialSplineFunction cPrime = splines.interpolate(delta, slope);
            double g2 = g * g;
            // Near Delta = 0: Delta'' = kappa^2 Delta, kappa^2 = 1 - g^2 C'(0) (dC/dDelta = C', Price).
            double kappa = Math.sqrt(1 - g2 * slope[0]);
            // Delta'' = Delta - g^2 C(Delta) from rest at Delta0, by RK4 in half steps, until the
            // separatrix is lost to rounding; then its linear tail.
            int cap = (int) Math.ceil((TAIL_DECAYS / kappa) / (STEP / 2));
            double[] trajectory = new double[4 * cap + 1];
            double h = STEP / 2;
            double x = delta0;
            double v = 0;
            int n = 0;
            trajectory[n++] = x;
            DoubleUnaryOperator force = d -> d - g2 * c.value(Math.min(delta0, Math.max(0, d)));
            while (x > 1e-8 * delta0 && v <= 0 && n < trajectory.length) {
                double k1x = v;
                double k1v = force.applyAsDouble(x);
                double k2x = v + 0.5 * h * k1v;
                double k2v = force.applyAsDouble(x + 0.5 * h * k1x);
                double k3x = v + 0.5 * h * k2v;
                double k3v = force.applyAsDouble(x + 0.5 * h * k2x);
                double k4x = v + h * k3v;
                double k4v = force.applyAsDouble(x + h * k3x);
                x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
                v += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
                trajectory[n++] = Math.max(0, x);
            }
            int total = n + cap;
            potential = new double[total];
            double last = trajectory[n - 1];
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < total; k++) {
                double d = k < n ? trajectory[k] : last * Math.exp(-kappa * (k - n + 1) * h);
                potential[k] = 1 - g2 * cPrime.value(Math.min(delta0, d));
                min = Math.min(min, potential[k]);
            }
            minimum = min;
        }

        /**
         * The lowest even (psi'(0) = 0) or odd (psi(0) = 0) energy with psi = 0 at the grid's end:
         * the first sign change of the shot psi(end; E) above the potential's minimum (a scan
         * brackets it, so deeper wells with several bound states are no trap), refined by Brent.
         */
        double groundEnergy(boolean even) {
            double top = potential[potential.length - 1];
            int scan = 400;
            double below = minimum;
            double atBelow = shoot(below, even);
            for (int k = 1; k <= scan; k++) {
                double e = minimum + (top - minimum) * k / scan;
                double at = shoot(e, even);
                if (Math.signum(at) != Math.signum(atBelow)) {
                    return new BrentSolver(1e-14, 1e-13).solve(500, x -> shoot(x, even), below, e);
                }
                below = e;
                atBelow = at;
            }
            throw new IllegalStateException("no " + (even ? "even" : "odd") + " bound state below " + top);
        }

        /** psi at the grid's end for energy e (RK4 on psi'' = (V - E) psi, V given at half steps). */
        private double shoot(double e, boolean even) {
            double h = STEP;
            double psi = even ? 1 : 0;
            double dpsi = even ? 0 : 1;
            for (int k = 0; k + 2 < potential.length; k += 2) {
                double v0 = potential[k] - e;
                double vHalf = potential[k + 1] - e;
                double v1 = potential[k + 2] - e;
                double k1x = dpsi;
                double k1v = v0 * psi;
                double k2x = dpsi + 0.5 * h * k1v;
                double k2v = vHalf * (psi + 0.5 * h * k1x);
                double k3x = dpsi + 0.5 * h * k2v;
                double k3v = vHalf * (psi + 0.5 * h * k2x);
                double k4x = dpsi + h * k3v;
                double k4v = v1 * (psi + h * k3x);
                psi += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
                dpsi += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
                // Rescaling keeps the sign and avoids overflow of the growing branch.
                double scale = Math.abs(psi) + Math.abs(dpsi);
                if (scale > 1e100) {
                    psi /= scale;
                    dpsi /= scale;
                }
            }
            return psi;
        }
    }

    /**
     * E_z[(E_y f(sqrt(Delta0 - Delta) y + sqrt(Delta) z))^2] for independent standard normals y, z:
     * the equal-time (Delta = Delta0) to long-lag (Delta = 0) correlation of f(x(t)) and
     * f(x(t + tau)) for Gaussian x with variance Delta0 and covariance Delta. Trapezoidal rule in
     * both variables, steps from the strip of analyticity of tanh and its derivative (poles at
     * +-i pi/2), as in {@link #phiVariance}.
     */
    static double pairAverage(DoubleUnaryOperator f, double delta0, double delta) {
        double inner = Math.sqrt(Math.max(0, delta0 - delta));
        double outer = Math.sqrt(Math.max(0, delta));
        double hy = step(inner);
        double hz = step(outer);
        int ny = (int) Math.ceil(CUTOFF / hy);
        int nz = (int) Math.ceil(CUTOFF / hz);
        double norm = 0;
        double sum = 0;
        for (int j = -nz; j <= nz; j++) {
            double z = j * hz;
            double wz = Math.exp(-0.5 * z * z);
            double innerNorm = 0;
            double innerSum = 0;
            for (int i = -ny; i <= ny; i++) {
                double y = i * hy;
                double wy = Math.exp(-0.5 * y * y);
                innerNorm += wy;
                innerSum += wy * f.applyAsDouble(inner * y + outer * z);
            }
            double mean = innerSum / innerNorm;
            norm += wz;
            sum += wz * mean * mean;
        }
        return sum / norm;
    }

    /** Gaussian weights beyond this many standard deviations are below 1e-17 of the peak. */
    private static final double CUTOFF = 9;

    /** A trapezoid step resolving f(sigma u) (poles at distance pi/(2 sigma)) and the Gaussian. */
    private static double step(double sigma) {
        return sigma == 0 ? CUTOFF : Math.min(0.25, Math.PI * Math.PI / (30 * sigma));
    }

    static double tanhPrime(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
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
