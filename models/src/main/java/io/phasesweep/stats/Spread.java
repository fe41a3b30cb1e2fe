package io.phasesweep.stats;

/**
 * The spread of independent values about their mean: the sample standard deviation
 * sqrt(sum (v - mean)^2 / (n - 1)) and the standard error of the mean, that spread / sqrt(n).
 * The caller passes the mean it already formed, so its summation order stays its own.
 */
public final class Spread {

    private Spread() {
    }

    /** Sample standard deviation of n values about their mean; NaN for n < 2. */
    public static double standardDeviation(double[] values, double mean) {
        int n = values.length;
        return n < 2 ? Double.NaN : Math.sqrt(sumOfSquares(values, mean) / (n - 1));
    }

    /** Standard error of the mean of n independent values, spread / sqrt(n); NaN for n < 2. */
    public static double standardError(double[] values, double mean) {
        int n = values.length;
        return n < 2 ? Double.NaN : Math.sqrt(sumOfSquares(values, mean) / (n - 1) / n);
    }

    private static double sumOfSquares(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }
}
