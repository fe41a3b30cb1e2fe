package io.phasesweep.model;

import java.util.List;
import java.util.Optional;

/**
 * Quantities computed from one grid point's time series after replicas are combined, e.g. a
 * growth exponent fitted to the interface width W(t). They are written to the points table
 * like any observable.
 *
 * @param series   the series observable analysed
 * @param analysis what to compute from it
 * @param powerLaw which of the computed values are a power-law fit to the series, if any: what a
 *                 plot needs to draw the fitted growth law over the data
 */
public record SeriesQuantity(String series, Analysis analysis, Optional<PowerLaw> powerLaw) {

    public SeriesQuantity(String series, Analysis analysis) {
        this(series, analysis, Optional.empty());
    }

    /** One computed value with its standard error (NaN where undefined). */
    public record Value(String name, double value, double stderr) {
    }

    /**
     * Names of computed values: {@code exponent} is the least-squares slope of ln(series) against
     * ln t over the times from {@code from} to {@code to} (both values of the analysis, NaN where
     * there was no fit).
     */
    public record PowerLaw(String exponent, String from, String to) {
    }

    /** This quantity, declaring that its values {@code exponent}, {@code from}, {@code to} are a power-law fit. */
    public SeriesQuantity withPowerLaw(String exponent, String from, String to) {
        return new SeriesQuantity(series, analysis, Optional.of(new PowerLaw(exponent, from, to)));
    }

    /** A function of the combined series: times ascending, replica means and their errors. */
    @FunctionalInterface
    public interface Analysis {
        List<Value> analyse(double[] t, double[] mean, double[] stderr, Params params);
    }
}
