package io.phasesweep.aggregate;

import io.phasesweep.model.DerivedSeries;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DerivedSeriesStatisticsTest {
    private static final DerivedSeries BETA_EFF = DerivedSeries.localLogSlope("beta_eff", "local slope", "width");

    /** Log-spaced times 1..10^3, as kuramoto1d samples W. */
    private static double[] times(int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = Math.pow(10, 3.0 * k / (n - 1));
        }
        return t;
    }

    private static DerivedSeriesStatistics.ReplicaSeries matrix(double[] t, double[][] w) {
        int n = t.length * w.length;
        int[] replica = new int[n];
        double[] time = new double[n];
        double[] value = new double[n];
        for (int r = 0; r < w.length; r++) {
            for (int k = 0; k < t.length; k++) {
                replica[r * t.length + k] = r;
                time[r * t.length + k] = t[k];
                value[r * t.length + k] = w[r][k];
            }
        }
        return DerivedSeriesStatistics.ReplicaSeries.of(replica, time, value);
    }

    @Test
    void aPowerLawInEveryReplicaHasItsExponentEverywhereWithoutError() {
        double[] t = times(13);
        double[][] w = new double[4][t.length];
        for (int r = 0; r < 4; r++) {
            for (int k = 0; k < t.length; k++) {
                w[r][k] = (1 + r) * Math.pow(t[k], 0.25);
            }
        }
        List<DerivedSeriesStatistics.Sample> s = DerivedSeriesStatistics.of(BETA_EFF, matrix(t, w));
        assertEquals(t.length, s.size());
        for (DerivedSeriesStatistics.Sample x : s) {
            assertEquals(0.25, x.mean(), 1e-12);
            assertEquals(0, x.stderr(), 1e-12);
            assertEquals(4, x.n());
        }
    }

    /** A crossover from 1/4 to 1/3: the slope between neighbours follows it (ends one-sided). */
    @Test
    void followsACrossoverBetweenTwoPowerLaws() {
        double[] t = times(31);
        double[][] w = new double[1][t.length];
        for (int k = 0; k < t.length; k++) {
            w[0][k] = Math.pow(t[k], 0.25) + 0.1 * Math.pow(t[k], 1.0 / 3);
        }
        List<DerivedSeriesStatistics.Sample> s = DerivedSeriesStatistics.of(BETA_EFF, matrix(t, w));
        for (int k = 1; k < t.length - 1; k++) {
            double exact = (0.25 * Math.pow(t[k], 0.25) + 0.1 / 3 * Math.pow(t[k], 1.0 / 3)) / w[0][k];
            assertEquals(exact, s.get(k).mean(), 2e-4, "t = " + t[k]);
            assertTrue(Double.isNaN(s.get(k).stderr()), "one replica has no error");
        }
    }

    /**
     * The jackknife error is honest: over many independent sets of 16 noisy replicas, the derived
     * values scatter around the truth by their stated errors (the standardised deviations have unit
     * spread, within what 400 sets allow, and no bias).
     */
    @Test
    void jackknifeErrorsMatchTheScatterOfIndependentSweeps() {
        SplittableRandom gauss = new SplittableRandom(20261203L);
        double[] t = times(21);
        int sets = 400;
        int k = 10;
        double sum = 0;
        double sumSq = 0;
        for (int set = 0; set < sets; set++) {
            double[][] w = new double[16][t.length];
            for (int r = 0; r < 16; r++) {
                double common = 0.2 * gauss.nextGaussian();
                for (int i = 0; i < t.length; i++) {
                    // Correlated in time within a replica, as an interface width is.
                    w[r][i] = Math.pow(t[i], 0.3) * (1 + 0.3 * common + 0.05 * gauss.nextGaussian());
                }
            }
            DerivedSeriesStatistics.Sample x = DerivedSeriesStatistics.of(BETA_EFF, matrix(t, w)).get(k);
            double z = (x.mean() - 0.3) / x.stderr();
            sum += z;
            sumSq += z * z;
        }
        double mean = sum / sets;
        double spread = Math.sqrt(sumSq / sets - mean * mean);
        // Standard errors of a mean and a spread over 400 sets: 0.05 and 0.035; four of each, plus
        // the jackknife's own small-sample bias at 16 replicas.
        assertEquals(0, mean, 0.2);
        assertEquals(1, spread, 0.2);
    }

    @Test
    void usesOnlyTheTimesEveryReplicaHas() {
        int[] replica = {0, 0, 0, 1, 1};
        double[] time = {1, 2, 4, 1, 4};
        double[] value = {1, 1.5, 2, 3, 6};
        DerivedSeriesStatistics.ReplicaSeries m = DerivedSeriesStatistics.ReplicaSeries.of(replica, time, value);
        assertEquals(2, m.times().length);
        List<DerivedSeriesStatistics.Sample> s = DerivedSeriesStatistics.of(BETA_EFF, m);
        // Means 2 and 4 at t = 1 and 4: slope ln 2 / ln 4 = 1/2 at both ends.
        assertEquals(0.5, s.get(0).mean(), 1e-12);
        assertEquals(0.5, s.get(1).mean(), 1e-12);
    }
}
