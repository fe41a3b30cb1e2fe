package io.phasesweep.aggregate;

import io.phasesweep.model.DerivedSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A derived series of one grid point from its replicas' source series: the function of the
 * replica-mean series, with the delete-one jackknife error at each time (the function of each
 * leave-one-out mean series; err² = (R−1)/R Σ_i (f_i − f̄)²). Sums run in replica order, so the
 * bits do not depend on partitioning.
 */
final class DerivedSeriesStatistics {

    private DerivedSeriesStatistics() {
    }

    /** One time of a derived series. */
    record Sample(double time, double mean, double stderr, int n) {
    }

    /**
     * The source values as a replica × time matrix, on the times every replica has (a replica that
     * stopped early, or a failed one left out upstream, must not shift the others' times).
     */
    record ReplicaSeries(double[] times, double[][] values) {

        /** @param replica, time, value one entry per sample, sorted by replica and then time */
        static ReplicaSeries of(int[] replica, double[] time, double[] value) {
            TreeMap<Integer, TreeMap<Double, Double>> byReplica = new TreeMap<>();
            for (int i = 0; i < replica.length; i++) {
                byReplica.computeIfAbsent(replica[i], r -> new TreeMap<>()).put(time[i], value[i]);
            }
            List<Double> common = null;
            for (TreeMap<Double, Double> series : byReplica.values()) {
                if (common == null) {
                    common = new ArrayList<>(series.keySet());
                } else {
                    common.retainAll(series.keySet());
                }
            }
            double[] times = common == null ? new double[0] : common.stream().mapToDouble(Double::doubleValue).toArray();
            double[][] values = new double[byReplica.size()][];
            int r = 0;
            for (TreeMap<Double, Double> series : byReplica.values()) {
                values[r] = Arrays.stream(times).map(series::get).toArray();
                r++;
            }
            return new ReplicaSeries(times, values);
        }
    }

    static List<Sample> of(DerivedSeries series, ReplicaSeries source) {
        double[] t = source.times();
        double[][] x = source.values();
        int replicas = x.length;
        int n = t.length;
        double[] total = new double[n];
        for (double[] row : x) {
            for (int k = 0; k < n; k++) {
                total[k] += row[k];
            }
        }
        double[] mean = new double[n];
        for (int k = 0; k < n; k++) {
            mean[k] = total[k] / replicas;
        }
        double[] value = new double[n];
        series.function().apply(t, mean, value);
        double[] error = new double[n];
        Arrays.fill(error, Double.NaN);
        if (replicas >= 2) {
            double[][] leaveOut = new double[replicas][n];
            double[] input = new double[n];
            for (int i = 0; i < replicas; i++) {
                for (int k = 0; k < n; k++) {
                    input[k] = (total[k] - x[i][k]) / (replicas - 1);
                }
                series.function().apply(t, input, leaveOut[i]);
            }
            for (int k = 0; k < n; k++) {
                double average = 0;
                for (int i = 0; i < replicas; i++) {
                    average += leaveOut[i][k];
                }
                average /= replicas;
                double ss = 0;
                for (int i = 0; i < replicas; i++) {
                    ss += (leaveOut[i][k] - average) * (leaveOut[i][k] - average);
                }
                error[k] = Math.sqrt(ss * (replicas - 1) / replicas);
            }
        }
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new Sample(t[k], value[k], error[k], replicas));
        }
        return out;
    }
}
