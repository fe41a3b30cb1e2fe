package io.phasesweep.fss;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Crossing points of a scale-invariant quantity (Binder cumulant) for two sizes, and their
 * extrapolation to infinite size.
 */
public final class Crossings {
    /** Points around a sign change used for the local fit of the difference of the two curves. */
    static final int LOCAL_POINTS = 6;

    private Crossings() {
    }

    /**
     * Where {@code small} and {@code large} cross: the difference large - small, taken at their
     * common x values, is fitted by a weighted quadratic over the points around its sign change
     * (smoothing the noise of single points) and its root found by Brent's method. NaN if the
     * curves do not cross. With several sign changes, the one where the difference changes most
     * steeply is taken.
     */
    public static double crossing(Curve small, Curve large) {
        int n = Math.min(small.size(), large.size());
        double[] x = new double[n];
        double[] d = new double[n];
        double[] dd = new double[n];
        int m = 0;
        for (int i = 0, j = 0; i < small.size() && j < large.size(); ) {
            if (small.x()[i] == large.x()[j]) {
                x[m] = small.x()[i];
                d[m] = large.y()[j] - small.y()[i];
                dd[m] = Math.hypot(large.dy()[j], small.dy()[i]);
                m++;
                i++;
                j++;
            } else if (small.x()[i] < large.x()[j]) {
                i++;
            } else {
                j++;
            }
        }
        int best = -1;
        double steepest = 0;
        for (int i = 0; i + 1 < m; i++) {
            if (Math.signum(d[i]) != Math.signum(d[i + 1]) && d[i] != 0) {
                double slope = Math.abs(d[i + 1] - d[i]) / (x[i + 1] - x[i]);
                if (slope > steepest) {
                    steepest = slope;
                    best = i;
                }
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        int from = Math.max(0, Math.min(best + 1 - LOCAL_POINTS / 2, m - LOCAL_POINTS));
        int to = Math.min(m, from + LOCAL_POINTS);
        int k = to - from;
        double x0 = x[best];
        double[] u = new double[k];
        double[] v = new double[k];
        double[] dv = new double[k];
        for (int i = 0; i < k; i++) {
            u[i] = x[from + i] - x0;
            v[i] = d[from + i];
            dv[i] = dd[from + i];
        }
        Fits.Polynomial fit = Fits.polynomial(u, v, dv, k >= 4 ? 2 : 1);
        double lo = x[best] - x0;
        double hi = x[best + 1] - x0;
        if (Math.signum(fit.value(lo)) == Math.signum(fit.value(hi))) {
            // The smooth fit does not change sign inside the bracket: fall back to the chord.
            return x[best] + (x[best + 1] - x[best]) * d[best] / (d[best] - d[best + 1]);
        }
        return x0 + new BrentSolver(1e-12).solve(200, fit::value, lo, hi);
    }

    /**
     * Extrapolates crossings x*(L) to 1/L = 0 by a weighted straight line x* = x_c + b / L.
     *
     * @return {intercept, chi^2/dof}
     */
    public static double[] extrapolate(double[] sizes, double[] crossings, double[] errors) {
        double[] u = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            u[i] = 1.0 / sizes[i];
        }
        if (sizes.length == 1) {
            return new double[]{crossings[0], Double.NaN};
        }
        Fits.Polynomial line = Fits.polynomial(u, crossings, errors, 1);
        return new double[]{line.coefficients()[0], line.chi2PerDof()};
    }
}
