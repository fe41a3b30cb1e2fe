package io.phasesweep.stats;

import java.util.function.ToDoubleFunction;

/**
 * Delete-one jackknife for a function of means.
 *
 * <p>With samples x_1..x_R (each a vector of inputs, e.g. one replica's means of m^2 and m^4),
 * f is evaluated on the R leave-one-out means; the spread of those values gives the error of
 * f(pooled mean) including its non-linearity: {@code err^2 = (R-1)/R * sum_i (f_i - fbar)^2}.
 */
public final class Jackknife {

    private Jackknife() {
    }

    /**
     * @param samples samples[i] is the input vector of sample i; all of equal length
     * @return f at the pooled mean, with the jackknife error (NaN for fewer than 2 samples)
     */
    public static Estimate of(double[][] samples, ToDoubleFunction<double[]> f) {
        int r = samples.length;
        if (r == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int k = samples[0].length;
        double[] total = new double[k];
        for (double[] s : samples) {
            for (int j = 0; j < k; j++) {
                total[j] += s[j];
            }
        }
        double[] pooled = new double[k];
        for (int j = 0; j < k; j++) {
            pooled[j] = total[j] / r;
        }
        double value = f.applyAsDouble(pooled);
        if (r < 2) {
            return new Estimate(value, Double.NaN, Double.NaN, r);
        }
        double[] leaveOut = new double[k];
        double[] fi = new double[r];
        double fbar = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < k; j++) {
                leaveOut[j] = (total[j] - samples[i][j]) / (r - 1);
            }
            fi[i] = f.applyAsDouble(leaveOut);
            fbar += fi[i];
        }
        fbar /= r;
        double ss = 0;
        for (double v : fi) {
            ss += (v - fbar) * (v - fbar);
        }
        return new Estimate(value, Math.sqrt(ss * (r - 1) / r), Double.NaN, r);
    }
}
