package io.phasesweep.stats;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.math3.util.Pair;

import java.util.Arrays;

/**
 * The straight line ln y = intercept + slope ln x: the exponent of a power law y = A x^slope
 * (Commons Math). The one place phasesweep fits a log-log slope: size exponents, peak heights and
 * growth exponents all come through here.
 *
 * <p>Two solvers, kept apart because each one's tables are pinned to the bit:
 * <ul>
 *   <li>{@link #weighted}: least squares with weights 1/(dy/y)^2 from the relative errors (unit
 *   weights when any error is missing), by Levenberg-Marquardt from the origin. The slope's error
 *   is the fit's, scaled up by sqrt(chi^2/dof) when the points scatter more than their errors
 *   allow; without errors it is the ordinary-least-squares error from the residuals. NaN without
 *   degrees of freedom.</li>
 *   <li>{@link #ordinary}: unweighted least squares in closed form, the textbook error
 *   sqrt(MSE / Sxx).</li>
 * </ul>
 * The two agree to rounding (tested); they differ in the last bits.
 */
public final class LogLogFit {

    /**
     * A fitted line. {@code chi2PerDof} is sum w r^2 / (n - 2) over the weighted residuals r: the
     * chi^2 per degree of freedom with errors, the residual variance without (NaN for n = 2).
     * {@code weighted} says whether every point had an error to weight it by.
     */
    public record Result(double slope, double intercept, double slopeStderr, double chi2PerDof, boolean weighted) {
        static final Result NONE = new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }

    private LogLogFit() {
    }

    /**
     * Weighted least squares of ln y on ln x.
     *
     * @param dy errors of y; NaN or non-positive where unknown (then every point weighs the same)
     */
    public static Result weighted(double[] x, double[] y, double[] dy) {
        int n = x.length;
        if (n < 2) {
            return Result.NONE;
        }
        double[] u = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        boolean weighted = true;
        for (int i = 0; i < n; i++) {
            u[i] = Math.log(x[i]);
            v[i] = Math.log(y[i]);
            // d ln y = dy / y: the relative error is the error of the fitted value.
            double rel = dy[i] / y[i];
            weighted &= rel > 0 && Double.isFinite(rel);
            w[i] = 1 / (rel * rel);
        }
        if (!weighted) {
            Arrays.fill(w, 1.0);
        }
        double[][] jacobian = new double[n][];
        for (int i = 0; i < n; i++) {
            jacobian[i] = new double[]{1, u[i]};
        }
        Array2DRowRealMatrix j = new Array2DRowRealMatrix(jacobian, false);
        LeastSquaresOptimizer.Optimum fit = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(p -> new Pair<>(j.operate(p), j))
                .target(v)
                .weight(new DiagonalMatrix(w))
                .start(new double[]{0, 0})
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build());
        int dof = n - 2;
        RealVector residuals = fit.getResiduals();
        double chi2PerDof = dof > 0 ? residuals.dotProduct(residuals) / dof : Double.NaN;
        double variance = fit.getCovariances(1e-14).getEntry(1, 1);
        double stderr;
        if (weighted) {
            stderr = Math.sqrt(variance) * (dof > 0 ? Math.max(1, Math.sqrt(chi2PerDof)) : 1);
        } else {
            stderr = dof > 0 ? Math.sqrt(variance * chi2PerDof) : Double.NaN;
        }
        return new Result(fit.getPoint().getEntry(1), fit.getPoint().getEntry(0), stderr, chi2PerDof, weighted);
    }

    /**
     * Ordinary least squares of ln y on ln x over the points from..to-1 where y is positive (a
     * zero width has no logarithm); NaN with fewer than two such points.
     */
    public static Result ordinary(double[] x, double[] y, int from, int to) {
        SimpleRegression fit = new SimpleRegression();
        for (int i = from; i < to; i++) {
            if (y[i] > 0) {
                fit.addData(Math.log(x[i]), Math.log(y[i]));
            }
        }
        return new Result(fit.getSlope(), fit.getIntercept(), fit.getSlopeStdErr(), fit.getMeanSquareError(), false);
    }
}
