package io.phasesweep.fss;

import io.phasesweep.stats.LogLogFit;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

import java.util.Arrays;

/** Maxima of a quantity (susceptibility, specific heat) per size, and how they scale with L. */
public final class PeakScaling {
    static final int PEAK_POINTS = 5;
    /** Physical range of 1/nu accepted from the peak-position fit (nu between 0.2 and 5). */
    static final double MIN_INVERSE_NU = 0.2;
    static final double MAX_INVERSE_NU = 5.0;

    /** Position and height of a maximum. */
    public record Peak(double x, double height) {
    }

    private PeakScaling() {
    }

    /**
     * The maximum of a curve from a weighted parabola through the highest point and its
     * neighbours (up to 5 points). NaN if the highest point is at an edge of the curve, i.e. the
     * peak is not bracketed by the data.
     */
    public static Peak peak(Curve c) {
        int top = 0;
        for (int i = 1; i < c.size(); i++) {
            if (c.y()[i] > c.y()[top]) {
                top = i;
            }
        }
        if (top == 0 || top == c.size() - 1 || c.size() < 3) {
            return new Peak(Double.NaN, Double.NaN);
        }
        int from = Math.max(0, Math.min(top - PEAK_POINTS / 2, c.size() - PEAK_POINTS));
        int to = Math.min(c.size(), from + PEAK_POINTS);
        int k = to - from;
        double x0 = c.x()[top];
        double[] u = new double[k];
        double[] y = new double[k];
        double[] dy = new double[k];
        for (int i = 0; i < k; i++) {
            u[i] = c.x()[from + i] - x0;
            y[i] = c.y()[from + i];
            dy[i] = c.dy()[from + i];
        }
        Fits.Polynomial p = Fits.polynomial(u, y, dy, 2);
        double a = p.coefficients()[2];
        double b = p.coefficients()[1];
        if (!(a < 0)) {
            return new Peak(x0, c.y()[top]);
        }
        double vertex = -b / (2 * a);
        // Keep the vertex inside the fitted points; outside, the parabola is extrapolating.
        vertex = Math.max(u[0], Math.min(u[k - 1], vertex));
        return new Peak(x0 + vertex, p.value(vertex));
    }

    /**
     * Exponent a of height ~ L^a and the fit's residual variance: the slope of ln height against
     * ln L, unweighted (the peak heights carry no errors of their own; the bootstrap gives a's).
     */
    public static double[] heightExponent(double[] sizes, double[] heights) {
        double[] noErrors = new double[sizes.length];
        Arrays.fill(noErrors, Double.NaN);
        LogLogFit.Result line = LogLogFit.weighted(sizes, heights, noErrors);
        return new double[]{line.slope(), line.chi2PerDof()};
    }

    /** Fits x_max = x_c + b L^(-1/nu): {x_c, 1/nu}. Needs at least 4 sizes. */
    public static double[] position(double[] sizes, double[] positions, double xcGuess) {
        ParametricUnivariateFunction f = new ParametricUnivariateFunction() {
            @Override
            public double value(double l, double... p) {
                return p[0] + p[1] * Math.pow(l, -p[2]);
            }

            @Override
            public double[] gradient(double l, double... p) {
                double pow = Math.pow(l, -p[2]);
                return new double[]{1.0, pow, -p[1] * pow * Math.log(l)};
            }
        };
        WeightedObservedPoints points = new WeightedObservedPoints();
        for (int i = 0; i < sizes.length; i++) {
            points.add(sizes[i], positions[i]);
        }
        double bGuess = (positions[0] - xcGuess) * sizes[0];
        double[] p = SimpleCurveFitter.create(f, new double[]{xcGuess, bGuess, 1.0}).withMaxIterations(10_000)
                .fit(points.toList());
        // Three parameters from a handful of sizes can run off to a meaningless optimum (1/nu -> 0
        // with b -> infinity): such a fit is no estimate at all.
        if (!(p[2] >= MIN_INVERSE_NU && p[2] <= MAX_INVERSE_NU)) {
            throw new IllegalStateException("peak positions give no usable 1/nu (" + p[2] + ")");
        }
        return new double[]{p[0], p[2]};
    }
}
