package io.phasesweep.kuramoto;

import io.phasesweep.model.SeriesQuantity;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The two-dimensional Edwards-Wilkinson interface roughens logarithmically, W^2 = a + b ln t
 * (beta = 0): {@code log_growth} is b, the least-squares slope of W^2 against ln t over a window
 * of the sampled times (Commons Math's {@link SimpleRegression}), with the textbook error from the
 * residuals. W is the replica mean at each time; its square stands for the mean of W^2, which it
 * equals up to the replicas' spread of W, small on a large lattice (relative (dW/W)^2).
 */
final class LogarithmicGrowth {
    static final String NAME = "log_growth";
    /** Below three points a slope has no error. */
    static final int MIN_POINTS = 3;

    private LogarithmicGrowth() {
    }

    /** The slope over the samples with from <= t <= to (NaN bounds, or fewer than three samples: NaN). */
    static SeriesQuantity.Value over(double[] t, double[] w, double[] dw, double from, double to) {
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from * (1 - 1e-12) && t[i] <= to * (1 + 1e-12)) {
                fit.addData(Math.log(t[i]), w[i] * w[i]);
            }
        }
        if (fit.getN() < MIN_POINTS) {
            return new SeriesQuantity.Value(NAME, Double.NaN, Double.NaN);
        }
        return new SeriesQuantity.Value(NAME, fit.getSlope(), fit.getSlopeStdErr());
    }
}
