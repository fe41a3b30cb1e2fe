package io.phasesweep.sir;

import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.stats.LogLogFit;

import java.util.List;

/**
 * The infection front of major outbreaks, from the {@code front_advance} series: a_k, the growth of
 * the front radius over (t_(k-1), t_k], averaged over the replicas whose outbreak was major, with its
 * standard error s_k from their spread. The mean radius is R_k = a_1 + ... + a_k (R_0 = 0).
 *
 * <p><b>front_speed</b>: the constant speed v that fits the advances over the increments whose ends
 * both lie between {@value #SPEED_FROM} and {@value #SPEED_TO} of the largest R (after the seed's
 * neighbourhood, before the front reaches the far side and saturates): weighted least squares of
 * a_k = v (t_k - t_(k-1)), weights 1 / s_k^2. Fitting the advances rather than R(t) itself is what
 * makes chi^2 meaningful: a front's position wanders like a random walk, so the replica errors of R
 * at different times are strongly correlated (a line through R(t) with those errors gives
 * chi^2/dof far below 1), while the advances over successive intervals are nearly independent.
 * Error: the fit's, times sqrt(chi^2/dof) when that exceeds 1.
 *
 * <p><b>front_speed_chi2_dof</b>: chi^2 / (m - 1) of those m advances against v, with errors s_k over
 * replicas; about 1 for a front at constant speed (its error is sqrt(2 / (m - 1)), the spread of
 * chi^2/dof for a correct model), well above 1 for a front that accelerates or slows within the
 * window. Consecutive advances of one replica are slightly anticorrelated (a long jump is followed
 * by a short one), which leaves E[chi^2/dof] within a few per cent of 1.
 *
 * <p><b>front_growth_exponent</b>: the least-squares slope of ln R against ln t over the output
 * times at which R lies between {@value #GROWTH_FROM} and {@value #GROWTH_TO} of its largest value
 * ({@link LogLogFit#ordinary}): 1 for a front at constant speed (a little above when it starts late),
 * larger for a front that accelerates, as on a kernel with a heavy tail (a power law with a &lt;= 2
 * in 1D), where the furthest infected node is set by ever longer jumps. Error: propagated through
 * the least-squares weights with the advances taken as independent, so that R's replica errors are
 * correlated as a random walk's: Var(R_k) = e_k^2 = s_1^2 + ... + s_k^2, Cov(R_i, R_j) = e_min(i,j)^2.
 *
 * <p>Each is NaN with fewer than {@value #MIN_POINTS} points in its window (a well-mixed network,
 * where the radius jumps at once, or no major outbreak); the speed's error and chi^2 are NaN when an
 * advance in the window has no error (fewer than two major outbreaks).
 */
final class FrontAnalysis {
    static final double SPEED_FROM = 0.2;
    static final double SPEED_TO = 0.8;
    static final double GROWTH_FROM = 0.1;
    static final double GROWTH_TO = 0.5;
    static final int MIN_POINTS = 3;

    private FrontAnalysis() {
    }

    static List<SeriesQuantity.Value> of(double[] t, double[] advance, double[] error) {
        int n = t.length;
        double[] radius = new double[n];
        double[] radiusError = new double[n];
        double sum = 0;
        double variance = 0;
        double largest = 0;
        for (int k = 0; k < n; k++) {
            sum += advance[k];
            variance += error[k] * error[k];
            radius[k] = sum;
            radiusError[k] = Math.sqrt(variance);
            largest = Math.max(largest, sum);
        }
        SeriesQuantity.Value[] speed = speed(t, advance, error, radius, largest);
        return List.of(speed[0], speed[1], growthExponent(t, radius, radiusError, largest));
    }

    /** front_speed and front_speed_chi2_dof. */
    private static SeriesQuantity.Value[] speed(double[] t, double[] advance, double[] error, double[] radius,
                                                double largest) {
        double sumWeights = 0;
        double sumWeighted = 0;
        double sumAdvance = 0;
        double sumTime = 0;
        int m = 0;
        boolean weighted = true;
        for (int k = 1; k < t.length; k++) {
            if (largest > 0 && radius[k - 1] >= SPEED_FROM * largest && radius[k] <= SPEED_TO * largest) {
                double dt = t[k] - t[k - 1];
                double w = dt * dt / (error[k] * error[k]);
                weighted &= w > 0 && Double.isFinite(w);
                sumWeights += w;
                sumWeighted += w * advance[k] / dt;
                sumAdvance += advance[k];
                sumTime += dt;
                m++;
            }
        }
        if (m < MIN_POINTS) {
            return new SeriesQuantity.Value[]{nan(SirNetworkType.FRONT_SPEED), nan(SirNetworkType.FRONT_SPEED_CHI2_DOF)};
        }
        if (!weighted) {
            return new SeriesQuantity.Value[]{new SeriesQuantity.Value(SirNetworkType.FRONT_SPEED, sumAdvance / sumTime,
                    Double.NaN), nan(SirNetworkType.FRONT_SPEED_CHI2_DOF)};
        }
        double v = sumWeighted / sumWeights;
        double chi2 = 0;
        for (int k = 1; k < t.length; k++) {
            if (radius[k - 1] >= SPEED_FROM * largest && radius[k] <= SPEED_TO * largest) {
                double z = (advance[k] - v * (t[k] - t[k - 1])) / error[k];
                chi2 += z * z;
            }
        }
        int dof = m - 1;
        double perDof = chi2 / dof;
        return new SeriesQuantity.Value[]{
                new SeriesQuantity.Value(SirNetworkType.FRONT_SPEED, v, Math.sqrt(1 / sumWeights) * Math.max(1, Math.sqrt(perDof))),
                new SeriesQuantity.Value(SirNetworkType.FRONT_SPEED_CHI2_DOF, perDof, Math.sqrt(2.0 / dof))};
    }

    /** front_growth_exponent. */
    private static SeriesQuantity.Value growthExponent(double[] t, double[] radius, double[] radiusError,
                                                       double largest) {
        int from = -1;
        int to = -1;
        for (int k = 0; k < t.length; k++) {
            if (t[k] > 0 && radius[k] > 0 && radius[k] >= GROWTH_FROM * largest && radius[k] <= GROWTH_TO * largest) {
                from = from < 0 ? k : from;
                to = k + 1;
            }
        }
        // The mean radius never decreases (every replica's advances are >= 0), so the window is contiguous.
        if (from < 0 || to - from < MIN_POINTS) {
            return nan(SirNetworkType.FRONT_GROWTH_EXPONENT);
        }
        double slope = LogLogFit.ordinary(t, radius, from, to).slope();
        // The slope is sum_i c_i ln R_i with c_i = (ln t_i - mean ln t) / S_xx; with independent
        // advances Cov(R_i, R_j) = e_min(i,j)^2, so Var = sum_ij c_i c_j e_min(i,j)^2 / (R_i R_j).
        double meanLogT = 0;
        for (int k = from; k < to; k++) {
            meanLogT += Math.log(t[k]) / (to - from);
        }
        double sxx = 0;
        for (int k = from; k < to; k++) {
            sxx += (Math.log(t[k]) - meanLogT) * (Math.log(t[k]) - meanLogT);
        }
        double variance = 0;
        for (int i = from; i < to; i++) {
            double ci = (Math.log(t[i]) - meanLogT) / sxx / radius[i];
            for (int j = from; j < to; j++) {
                double cj = (Math.log(t[j]) - meanLogT) / sxx / radius[j];
                double e = radiusError[Math.min(i, j)];
                variance += ci * cj * e * e;
            }
        }
        double error = Math.sqrt(Math.max(0, variance));
        return new SeriesQuantity.Value(SirNetworkType.FRONT_GROWTH_EXPONENT, slope, Double.isFinite(error) ? error : Double.NaN);
    }

    private static SeriesQuantity.Value nan(String name) {
        return new SeriesQuantity.Value(name, Double.NaN, Double.NaN);
    }

    /** front_speed, front_speed_chi2_dof and front_growth_exponent from the front_advance series. */
    static SeriesQuantity quantity() {
        return new SeriesQuantity(SirNetworkType.FRONT_ADVANCE, (t, mean, stderr, p) -> of(t, mean, stderr));
    }
}
