package io.phasesweep.fss;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

import java.util.List;

/**
 * Fits x_c, 1/nu and (unless the quantity is scale invariant) the exponent ratio a by minimising
 * the Houdayer-Hartmann collapse quality S with a Nelder-Mead simplex (Commons Math).
 */
public final class DataCollapse {

    /** Fitted parameters and the quality S at the optimum (S ~ 1: collapse within errors). */
    public record Fit(double criticalPoint, double inverseNu, double exponent, double quality) {
    }

    static final int MAX_EVALUATIONS = 5_000;

    private DataCollapse() {
    }

    /**
     * @param sizes  linear sizes, one per curve
     * @param curves the quantity against x for each size, already restricted to the scaling window
     * @param sign   +1 / -1 for Y ~ L^(+-a); 0 for a scale-invariant quantity (a is not fitted)
     * @param starts initial guesses {x_c, 1/nu, a}; each is tried and the best optimum kept
     */
    public static Fit fit(double[] sizes, List<Curve> curves, int sign, List<double[]> starts, double xScale) {
        Fit best = null;
        for (double[] start : starts) {
            Fit f = fitFrom(sizes, curves, sign, start, xScale);
            if (best == null || f.quality() < best.quality()) {
                best = f;
            }
        }
        return best;
    }

    private static Fit fitFrom(double[] sizes, List<Curve> curves, int sign, double[] start, double xScale) {
        int dim = sign == 0 ? 2 : 3;
        double[] guess = java.util.Arrays.copyOf(start, dim);
        double[] steps = sign == 0 ? new double[]{0.05 * xScale, 0.1} : new double[]{0.05 * xScale, 0.1, 0.1};
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-10, 1e-14);
        PointValuePair p = null;
        double[] point = guess;
        // Nelder-Mead can stall on a collapsed simplex: restart from its optimum until S settles.
        double previous = Double.POSITIVE_INFINITY;
        // The best point seen, kept in case the simplex runs out of evaluations on a flat or
        // noisy quality surface: the fit then reports where it got to instead of failing.
        double[] bestPoint = guess.clone();
        double[] bestValue = {quality(sizes, curves, sign, guess)};
        ObjectiveFunction objective = new ObjectiveFunction(v -> {
            double value = quality(sizes, curves, sign, v);
            if (value < bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(v, 0, bestPoint, 0, v.length);
            }
            return value;
        });
        for (int round = 0; round < 4; round++) {
            try {
                p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MINIMIZE,
                        new InitialGuess(point), new NelderMeadSimplex(steps));
            } catch (TooManyEvaluationsException e) {
                break;
            }
            point = p.getPoint();
            if (previous - p.getValue() < 1e-9 * Math.max(1, p.getValue())) {
                break;
            }
            previous = p.getValue();
        }
        return new Fit(bestPoint[0], bestPoint[1], sign == 0 ? 0.0 : bestPoint[2], bestValue[0]);
    }

    /**
     * The quality S of the collapse at params {x_c, 1/nu[, a]}: for each point, the master curve
     * is estimated from the points of every other size around its scaled x (the bracketing pair
     * and the nearer outer neighbour, fitted by a weighted parabola; Houdayer and Hartmann use a
     * straight line through the pairs, which is biased where the curve bends), and the point's
     * squared deviation is divided by the summed variances. Points that no other size brackets
     * do not count. Infinite if fewer than 3 points count or 1/nu is not positive.
     */
    public static double quality(double[] sizes, List<Curve> curves, int sign, double[] params) {
        double xc = params[0];
        double invNu = params[1];
        double a = sign == 0 ? 0.0 : params[2];
        if (!(invNu > 0) || invNu > 20) {
            return Double.POSITIVE_INFINITY;
        }
        int k = curves.size();
        double[][] sx = new double[k][];
        double[][] sy = new double[k][];
        double[][] sdy = new double[k][];
        for (int c = 0; c < k; c++) {
            Curve cv = curves.get(c);
            double xFactor = Math.pow(sizes[c], invNu);
            double yFactor = Math.pow(sizes[c], -sign * a);
            sx[c] = new double[cv.size()];
            sy[c] = new double[cv.size()];
            sdy[c] = new double[cv.size()];
            for (int i = 0; i < cv.size(); i++) {
                sx[c][i] = (cv.x()[i] - xc) * xFactor;
                sy[c][i] = cv.y()[i] * yFactor;
                sdy[c][i] = cv.dy()[i] * yFactor;
            }
        }
        double sum = 0;
        int counted = 0;
        double[] normal = new double[9];
        double[] rhs = new double[3];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < sx[c].length; i++) {
                double x = sx[c][i];
                java.util.Arrays.fill(normal, 0);
                java.util.Arrays.fill(rhs, 0);
                int used = 0;
                for (int o = 0; o < k; o++) {
                    if (o == c) {
                        continue;
                    }
                    int j = bracket(sx[o], x);
                    if (j < 0) {
                        continue;
                    }
                    // The bracketing pair plus the nearer outer neighbour: a quadratic through
                    // them follows the master curve's curvature, which a chord would miss.
                    int lo = j;
                    int hi = j + 1;
                    if (j > 0 && (j + 2 >= sx[o].length || x - sx[o][j - 1] < sx[o][j + 2] - x)) {
                        lo = j - 1;
                    } else if (j + 2 < sx[o].length) {
                        hi = j + 2;
                    }
                    for (int jj = lo; jj <= hi; jj++) {
                        double u = sx[o][jj] - x;
                        double w = 1.0 / (sdy[o][jj] * sdy[o][jj]);
                        double[] basis = {1, u, u * u};
                        for (int r = 0; r < 3; r++) {
                            rhs[r] += w * basis[r] * sy[o][jj];
                            for (int q = 0; q < 3; q++) {
                                normal[3 * r + q] += w * basis[r] * basis[q];
                            }
                        }
                        used++;
                    }
                }
                if (used < 3) {
                    continue;
                }
                // Prediction at u = 0 is the constant coefficient; its variance is (A^-1)_00.
                double[] inv00 = solveConstant(normal, rhs);
                if (inv00 == null) {
                    continue;
                }
                double r = sy[c][i] - inv00[0];
                sum += r * r / (sdy[c][i] * sdy[c][i] + inv00[1]);
                counted++;
            }
        }
        return counted < 3 ? Double.POSITIVE_INFINITY : sum / counted;
    }

    /**
     * Solves the 3x3 normal equations A c = b for the constant term c0 and returns {c0, (A^-1)_00},
     * or null if A is singular (all points at one abscissa).
     */
    private static double[] solveConstant(double[] a, double[] b) {
        double m00 = a[4] * a[8] - a[5] * a[7];
        double m01 = a[3] * a[8] - a[5] * a[6];
        double m02 = a[3] * a[7] - a[4] * a[6];
        double det = a[0] * m00 - a[1] * m01 + a[2] * m02;
        if (!(Math.abs(det) > 1e-300) || !Double.isFinite(det)) {
            return null;
        }
        // First row of the inverse (A symmetric): cofactors C00, C10, C20 over det.
        double i00 = m00 / det;
        double i01 = -(a[1] * a[8] - a[2] * a[7]) / det;
        double i02 = (a[1] * a[5] - a[2] * a[4]) / det;
        double c0 = i00 * b[0] + i01 * b[1] + i02 * b[2];
        return i00 > 0 ? new double[]{c0, i00} : null;
    }

    /** Index j with xs[j] <= x <= xs[j+1] (xs increasing), or -1. */
    private static int bracket(double[] xs, double x) {
        if (xs.length < 2 || x < xs[0] || x > xs[xs.length - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = xs.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
