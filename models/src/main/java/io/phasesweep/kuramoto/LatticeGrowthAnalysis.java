package io.phasesweep.kuramoto;

import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.stats.LogLogFit;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;

/**
 * Growth of the square lattice's interface width W(t) over one window: the last
 * {@link #WINDOW_DECADES} decades of the sampled times, up to t_max (the ring's window length).
 *
 * <ul>
 *   <li>{@code beta}: the least-squares slope of ln W against ln t ({@link LogLogFit#ordinary}),
 *   the window as {@code beta_t_from}, {@code beta_t_to};</li>
 *   <li>{@code log_growth}: the slope b of W^2 against ln t (Commons Math's {@link SimpleRegression}),
 *   the two-dimensional Edwards-Wilkinson law W^2 = a + b ln t (beta = 0). W is the replica mean at
 *   each time; its square stands for the mean of W^2, equal up to the replicas' relative spread of W
 *   squared, small on a large lattice.</li>
 * </ul>
 *
 * <p>Not the ring's {@link GrowthAnalysis}: that one calls W saturated when d ln W / d ln t stays
 * below 0.05, and a logarithmically growing W has d ln W / d ln t = b / (2 W^2), 0.05 to 0.1 on these
 * lattices, so it would cut the window at a plateau that is not there. Here the window is the run's
 * end, so a run meant to measure growth ends before the lattice saturates: t_max below ~ L^2 /
 * (8 pi^2 nu) for EW (the slowest mode within 1/e of its plateau), ~ L^1.6 for 2D KPZ. No w_sat or
 * t_sat is stated.
 *
 * <p>Errors: the samples of one run are correlated in time (the long-wavelength modes carry W from
 * one sample to the next), so the residuals of the fit understate the slope's error. Each slope is a
 * linear combination sum c_i y_i of the samples; its error is the larger of the fit's residual error
 * and sqrt(sum c_i^2 dy_i^2) from the replicas' errors dy_i of the samples (dy = dW / W for ln W,
 * 2 W dW for W^2), the replica scatter that the residuals miss. With one replica (no dW) only the
 * first. The spread of per-replica slopes remains the best error (the tests use it).
 */
final class LatticeGrowthAnalysis {
    static final double WINDOW_DECADES = 1.5;
    static final int MIN_POINTS = 5;

    private LatticeGrowthAnalysis() {
    }

    /** @param dw the errors of w (NaN where unknown) */
    static List<SeriesQuantity.Value> analyse(double[] t, double[] w, double[] dw) {
        int n = t.length;
        double to = t[n - 1];
        double from = to / Math.pow(10, WINDOW_DECADES);
        int first = 0;
        while (first < n && t[first] < from * (1 - 1e-12)) {
            first++;
        }
        if (n - first < MIN_POINTS) {
            return List.of(value("beta", Double.NaN, Double.NaN), value("beta_t_from", Double.NaN, Double.NaN),
                    value("beta_t_to", Double.NaN, Double.NaN), value("log_growth", Double.NaN, Double.NaN));
        }
        double[] x = new double[n - first];
        double[] lnW = new double[n - first];
        double[] dLnW = new double[n - first];
        double[] w2 = new double[n - first];
        double[] dW2 = new double[n - first];
        for (int i = first; i < n; i++) {
            x[i - first] = Math.log(t[i]);
            lnW[i - first] = Math.log(w[i]);
            dLnW[i - first] = dw[i] / w[i];
            w2[i - first] = w[i] * w[i];
            dW2[i - first] = 2 * w[i] * dw[i];
        }
        LogLogFit.Result beta = LogLogFit.ordinary(t, w, first, n);
        SimpleRegression log = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            log.addData(x[i], w2[i]);
        }
        return List.of(value("beta", beta.slope(), Math.max(beta.slopeStderr(), propagated(x, dLnW))),
                value("beta_t_from", t[first], Double.NaN), value("beta_t_to", to, Double.NaN),
                value("log_growth", log.getSlope(), Math.max(log.getSlopeStdErr(), propagated(x, dW2))));
    }

    /**
     * The error of the least-squares slope sum c_i y_i, c_i = (x_i - mean x) / S_xx, from
     * independent errors dy_i: sqrt(sum c_i^2 dy_i^2); 0 when any error is unknown (the residual
     * error then stands alone).
     */
    static double propagated(double[] x, double[] dy) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double sxx = 0;
        for (double v : x) {
            sxx += (v - mean) * (v - mean);
        }
        double variance = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(dy[i])) {
                return 0;
            }
            double c = (x[i] - mean) / sxx;
            variance += c * c * dy[i] * dy[i];
        }
        return Math.sqrt(variance);
    }

    private static SeriesQuantity.Value value(String name, double v, double err) {
        return new SeriesQuantity.Value(name, v, err);
    }
}
