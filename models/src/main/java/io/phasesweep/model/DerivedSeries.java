package io.phasesweep.model;

import java.util.Optional;

/**
 * A series computed from another series of the same grid point, e.g. the local slope
 * d ln W / d ln t of an interface width. The pipeline evaluates {@link #function} on the replica
 * means of {@link #source} and on each leave-one-out mean: the values are the first, their errors
 * the delete-one jackknife spread of the others (so the correlation between a series' times is
 * kept, which a propagation of the per-time errors would miss). Written to the timeseries table
 * under {@link #name} like a measured series.
 *
 * @param timeScale a derived quantity of the point (one of {@link ModelType#derived()}) that the
 *                  series' time is best read in units of: plots draw the series of every point
 *                  against t / timeScale, where a scaling theory says the curves collapse
 */
public record DerivedSeries(String name, String meaning, String source, Function function, Optional<String> timeScale) {

    /** Values at the source's times, as many as it has. */
    @FunctionalInterface
    public interface Function {
        /**
         * @param t    times, ascending
         * @param mean the source's mean at each time
         * @param out  where the derived value at each time goes (NaN where undefined)
         */
        void apply(double[] t, double[] mean, double[] out);
    }

    public DerivedSeries(String name, String meaning, String source, Function function) {
        this(name, meaning, source, function, Optional.empty());
    }

    /** This series, read against t / {@code scale} (a derived quantity's name) where curves should collapse. */
    public DerivedSeries withTimeScale(String scale) {
        return new DerivedSeries(name, meaning, source, function, Optional.of(scale));
    }

    /**
     * The local exponent d ln y / d ln t of the source: at each inner time the slope of ln y between
     * its two neighbours (the least-squares slope of the three points when the times are
     * log-spaced), one-sided at the ends; NaN where y is not positive.
     */
    public static DerivedSeries localLogSlope(String name, String meaning, String source) {
        return new DerivedSeries(name, meaning, source, DerivedSeries::logSlope);
    }

    static void logSlope(double[] t, double[] y, double[] out) {
        int n = t.length;
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - 1);
            int hi = Math.min(n - 1, i + 1);
            out[i] = hi > lo && y[lo] > 0 && y[hi] > 0 && t[lo] > 0
                    ? StrictMath.log(y[hi] / y[lo]) / StrictMath.log(t[hi] / t[lo]) : Double.NaN;
        }
    }
}
