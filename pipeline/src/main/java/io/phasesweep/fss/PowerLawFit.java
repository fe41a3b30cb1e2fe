package io.phasesweep.fss;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.util.Pair;

/**
 * The exponent of {@code y = A size^exponent}: a weighted straight line through (ln size, ln y),
 * weights from the relative errors dy / y (Commons Math least squares). With errors for every
 * point, the exponent's error is the fit's, scaled up by sqrt(chi^2/dof) when the points scatter
 * more than their errors allow; without them, it is the ordinary-least-squares error from the
 * residuals (NaN with two points).
 */
public final class PowerLawFit {

    /** The fitted exponent, its error and chi^2/dof (NaN without degrees of freedom). */
    public record Result(double exponent, double stderr, double chi2PerDof) {
    }

    private PowerLawFit() {
    }

    /** @param dy errors of y; NaN or non-positive where unknown */
    public static Result fit(double[] size, double[] y, double[] dy) {
        int n = size.length;
        if (n < 2) {
            return new Result(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] u = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        boolean weighted = true;
        for (int i = 0; i < n; i++) {
            u[i] = Math.log(size[i]);
            v[i] = Math.log(y[i]);
            double rel = dy[i] / y[i];
            weighted &= rel > 0 && Double.isFinite(rel);
            w[i] = 1 / (rel * rel);
        }
        if (!weighted) {
            java.util.Arrays.fill(w, 1.0);
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
                .maxEvaluations(100)
                .maxIterations(100)
                .build());
        double exponent = fit.getPoint().getEntry(1);
        int dof = n - 2;
        double chi2PerDof = dof > 0 ? fit.getCost() * fit.getCost() / dof : Double.NaN;
        double variance = fit.getCovariances(1e-14).getEntry(1, 1);
        double stderr;
        if (weighted) {
            stderr = Math.sqrt(variance) * (dof > 0 ? Math.max(1, Math.sqrt(chi2PerDof)) : 1);
        } else {
            stderr = dof > 0 ? Math.sqrt(variance * chi2PerDof) : Double.NaN;
        }
        return new Result(exponent, stderr, weighted ? chi2PerDof : Double.NaN);
    }
}
