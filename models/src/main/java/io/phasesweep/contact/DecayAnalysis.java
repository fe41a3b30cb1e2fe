package io.phasesweep.contact;

import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.stats.LogLogFit;

import java.util.List;

/**
 * The late-time power law of a decaying series: the slope of ln y against ln t over the last
 * {@code decades} decades of times at which the replica mean y is positive. At the critical point
 * of the contact process the density from a full lattice decays as t^-delta and the survival
 * probability from one seed as t^-delta' (delta' = delta for directed percolation), so the slope is
 * -delta there; it bends up (towards 0) in the active phase and down (exponential decay) in the
 * absorbing one. Located at the lambda where the slope crosses -delta, this finds lambda_c.
 *
 * <p>Value: the least-squares slope ({@link LogLogFit#ordinary}) over the window. Error: that of
 * the two-point slope between the window's ends, sqrt((dy_a / y_a)^2 + (dy_b / y_b)^2) / ln(t_b / t_a)
 * from the replica errors of y. The series' values at different times come from the same replicas
 * and are positively correlated, so this treats the ends as independent and bounds the noise of the
 * slope from above; the fit's own error, from the scatter about the line, would understate it (the
 * points do not scatter independently). NaN with fewer than {@value #MIN_POINTS} points in the
 * window or without replica errors.
 */
final class DecayAnalysis {
    static final int MIN_POINTS = 3;

    private DecayAnalysis() {
    }

    static SeriesQuantity.Value slope(String name, double[] t, double[] y, double[] dy, double decades) {
        int to = t.length;
        while (to > 0 && !(y[to - 1] > 0)) {
            to--;
        }
        if (to == 0) {
            return new SeriesQuantity.Value(name, Double.NaN, Double.NaN);
        }
        double start = t[to - 1] / Math.pow(10, decades);
        int from = to - 1;
        while (from > 0 && t[from - 1] >= start * (1 - 1e-12) && y[from - 1] > 0) {
            from--;
        }
        if (to - from < MIN_POINTS) {
            return new SeriesQuantity.Value(name, Double.NaN, Double.NaN);
        }
        double slope = LogLogFit.ordinary(t, y, from, to).slope();
        int a = from;
        int b = to - 1;
        double error = Math.hypot(dy[a] / y[a], dy[b] / y[b]) / Math.log(t[b] / t[a]);
        return new SeriesQuantity.Value(name, slope, Double.isFinite(error) ? error : Double.NaN);
    }

    /** A {@link SeriesQuantity} giving {@code name}, the slope of {@code series} over the last {@code fit_decades} decades. */
    static SeriesQuantity of(String series, String name) {
        return new SeriesQuantity(series, (t, mean, stderr, p) ->
                List.of(slope(name, t, mean, stderr, p.getDouble("fit_decades"))));
    }
}
