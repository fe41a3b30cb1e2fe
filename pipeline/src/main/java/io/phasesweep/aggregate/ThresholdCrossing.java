package io.phasesweep.aggregate;

/**
 * Where a quantity measured along an axis crosses a threshold. The crossing reported is the last
 * along the axis (between the last pair of neighbours on opposite sides); {@code crossings} counts
 * all, so a noisy or re-entrant curve shows itself. Between two positive values the crossing is
 * interpolated linearly in ln y (a rate that falls by decades, like a slip rate), its error
 * propagated from the two values' errors; where one side is zero or negative (no slip at all)
 * there is no such interpolation, and the estimate is the bracket's midpoint with the error of a
 * value uniform within it (width / sqrt 12).
 */
final class ThresholdCrossing {

    /** The estimate and its error, the bracketing axis values, and how many crossings there were. */
    record Result(double estimate, double stderr, double low, double high, int crossings) {
    }

    private ThresholdCrossing() {
    }

    /** @param x axis values ascending; y, dy the quantity's means and errors there (NaN values are skipped) */
    static Result find(double[] x, double[] y, double[] dy, double threshold) {
        int crossings = 0;
        int last = -1;
        int lastNext = -1;
        int previous = -1;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) {
                continue;
            }
            if (previous >= 0 && (y[previous] > threshold) != (y[i] > threshold)) {
                crossings++;
                last = previous;
                lastNext = i;
            }
            previous = i;
        }
        if (last < 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int i = last;
        int j = lastNext;
        double width = x[j] - x[i];
        if (y[i] > 0 && y[j] > 0 && threshold > 0) {
            double u1 = Math.log(y[i]);
            double u2 = Math.log(y[j]);
            double ut = Math.log(threshold);
            double d = u1 - u2;
            double estimate = x[i] + width * (u1 - ut) / d;
            double du1 = errorOrZero(dy[i]) / y[i];
            double du2 = errorOrZero(dy[j]) / y[j];
            double stderr = width / (d * d) * Math.hypot((ut - u2) * du1, (u1 - ut) * du2);
            return new Result(estimate, stderr, x[i], x[j], crossings);
        }
        return new Result(0.5 * (x[i] + x[j]), width / Math.sqrt(12), x[i], x[j], crossings);
    }

    private static double errorOrZero(double e) {
        return Double.isFinite(e) ? e : 0;
    }
}
