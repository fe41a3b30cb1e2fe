package io.phasesweep.aggregate;

import io.phasesweep.stats.Spread;

import java.util.Arrays;

/**
 * Combines one series value (one grid point, observable and time) over replicas: the mean and
 * the standard error of the mean from the spread between replicas, which are independent. Values
 * arrive in replica order, so the sums run in the same order for any partitioning.
 */
public final class SeriesStatistics {

    private SeriesStatistics() {
    }

    /** @param byReplica values sorted by replica index */
    public static PointValue of(String observable, double[] byReplica) {
        int n = byReplica.length;
        double mean = Arrays.stream(byReplica).sum() / n;
        if (n < 2) {
            return new PointValue(observable, mean, Double.NaN, n);
        }
        return new PointValue(observable, mean, Spread.standardError(byReplica, mean), n);
    }
}
