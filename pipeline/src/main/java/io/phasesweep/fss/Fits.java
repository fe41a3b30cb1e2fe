package io.phasesweep.fss;

import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/** Weighted polynomial least squares (Commons Math) with its chi^2. */
final class Fits {

    /** Coefficients c0..c_deg and chi^2/dof (NaN when dof = 0). */
    record Polynomial(double[] coefficients, double chi2PerDof) {
        double value(double u) {
            double v = 0;
            for (int i = coefficients.length - 1; i >= 0; i--) {
                v = v * u + coefficients[i];
            }
            return v;
        }
    }

    private Fits() {
    }

    /** Fits y = sum c_k u^k with weights 1/dy^2 (unit weights where dy is not positive). */
    static Polynomial polynomial(double[] u, double[] y, double[] dy, int degree) {
        WeightedObservedPoints points = new WeightedObservedPoints();
        for (int i = 0; i < u.length; i++) {
            points.add(weight(dy[i]), u[i], y[i]);
        }
        double[] c = PolynomialCurveFitter.create(degree).withMaxIterations(1000).fit(points.toList());
        Polynomial p = new Polynomial(c, Double.NaN);
        double chi2 = 0;
        for (int i = 0; i < u.length; i++) {
            double r = y[i] - p.value(u[i]);
            chi2 += r * r * weight(dy[i]);
        }
        int dof = u.length - degree - 1;
        return new Polynomial(c, dof > 0 ? chi2 / dof : Double.NaN);
    }

    private static double weight(double dy) {
        return dy > 0 && Double.isFinite(dy) ? 1.0 / (dy * dy) : 1.0;
    }
}
