package io.phasesweep.model;

import java.util.List;

/**
 * Quantities computed from one grid point's time series after replicas are combined, e.g. a
 * growth exponent fitted to the interface width W(t). They are written to the points table
 * like any observable.
 *
 * @param series   the series observable analysed
 * @param analysis what to compute from it
 */
public record SeriesQuantity(String series, Analysis analysis) {

    /** One computed value with its standard error (NaN where undefined). */
    public record Value(String name, double value, double stderr) {
    }

    /** A function of the combined series: times ascending, replica means and their errors. */
    @FunctionalInterface
    public interface Analysis {
        List<Value> analyse(double[] t, double[] mean, double[] stderr, Params params);
    }
}
