package io.phasesweep.aggregate;

import io.phasesweep.stats.Bins;
import io.phasesweep.stats.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines one histogram (one grid point and observable) over replicas, bin by bin: the summed
 * counts, and the mean over replicas of each replica's density with the spread over replicas /
 * sqrt(n) as its error ({@link SeriesStatistics}: replicas are independent, the values within one
 * are not, so only the replicas measure the error; NaN for one replica). Underflow and overflow
 * are rows of their own, infinitely wide, with their fraction of the values as the density.
 * Replicas arrive in replica order, so any partitioning gives the same bits.
 */
public final class HistogramStatistics {

    /** One row of the histograms table, after the point and observable. */
    public record BinValue(int bin, double low, double high, long count, double density, double stderr, int n) {
    }

    private HistogramStatistics() {
    }

    /** @param byReplica every replica's counts, sorted by replica index */
    public static List<BinValue> of(String observable, Bins bins, List<Histogram> byReplica) {
        int n = bins.count();
        List<BinValue> out = new ArrayList<>(n + 2);
        double[] densities = new double[byReplica.size()];
        for (int bin = Bins.UNDERFLOW; bin <= n; bin++) {
            long count = 0;
            for (int r = 0; r < densities.length; r++) {
                Histogram h = byReplica.get(r);
                count += h.count(bin);
                densities[r] = h.density(bins, bin);
            }
            PointValue p = SeriesStatistics.of(observable, densities);
            double low = bin == Bins.UNDERFLOW ? Double.NEGATIVE_INFINITY : bin == n ? bins.high(n - 1) : bins.low(bin);
            double high = bin == Bins.UNDERFLOW ? bins.low(0) : bin == n ? Double.POSITIVE_INFINITY : bins.high(bin);
            out.add(new BinValue(bin, low, high, count, p.mean(), p.stderr(), p.n()));
        }
        return out;
    }
}
