package io.phasesweep.stats;

/**
 * A mean with its standard error and integrated autocorrelation time.
 *
 * @param tauInt integrated autocorrelation time in measurements (0.5 = uncorrelated); NaN when it
 *               cannot be estimated (a constant series, or too few measurements)
 * @param n      number of measurements (or samples) behind the mean
 */
public record Estimate(double mean, double stderr, double tauInt, long n) {
}
