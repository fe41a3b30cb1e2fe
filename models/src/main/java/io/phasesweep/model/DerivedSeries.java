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
 * @param timeScale how the series' time is best read, where a scaling theory says the curves of
 *                  all points collapse: plots draw them against t / scale
 */
public record DerivedSeries(String name, String meaning, String source, Function function, Optional<TimeScale> timeScale) {

    /**
     * @param quantity  a derived quantity of the point (one of {@link ModelType#derived()}): the time unit
     * @param validFrom another one: the time from which the scaling form holds (before it,
     *                  lattice-scale transients); the collapse is judged from there on
     */
    public record TimeScale(String quantity, String validFrom) {
    }

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

    /** This series, read against t / {@code scale} from t = {@code validFrom} on (derived quantities' names). */
    public DerivedSeries withTimeScale(String scale, String validFrom) {
        return new DerivedSeries(name, meaning, source, function, Optional.of(new TimeScale(scale, validFrom)));
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
