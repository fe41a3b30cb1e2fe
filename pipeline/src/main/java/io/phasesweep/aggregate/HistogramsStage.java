package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.stats.Histogram;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/**
 * Spark glue around {@link HistogramStatistics}: groups the raw histogram rows (one per replica
 * and bin) by (point, observable) and writes one row per bin of the histograms table.
 */
public final class HistogramsStage {

    /** The collected (replica, bin, count) structs of a group. */
    private static final String REPLICAS = "replicas";

    private HistogramsStage() {
    }

    /** @param rawHistograms raw rows of ok tasks with a bin: the replica's count in {@code value} */
    public static Dataset<Row> histograms(Dataset<Row> rawHistograms, SweepPlan plan) {
        Dataset<Row> grouped = rawHistograms.groupBy(PointKey.columns(plan.grid(), Tables.OBSERVABLE))
                .agg(collect_list(struct(col(Tables.REPLICA), col(Tables.BIN), col(Tables.VALUE))).as(REPLICAS));
        return grouped.flatMap(new Combine(plan), Encoders.row(Tables.histograms(plan.grid())));
    }

    private static final class Combine implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final SweepPlan plan;

        Combine(SweepPlan plan) {
            this.plan = plan;
        }

        @Override
        public Iterator<Row> call(Row group) {
            Object[] axes = Tables.axisValues(group, plan.grid().names());
            int pass = Tables.pass(group);
            String observable = Tables.observable(group);
            ObservableSpec spec = plan.modelType().observables().stream()
                    .filter(o -> o.name().equals(observable) && o.isHistogram()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("rows of an undeclared histogram '" + observable + "'"));
            int bins = spec.bins().count();
            // Counts per replica, in replica order: underflow at 0, bins at 1..n, overflow at n + 1.
            TreeMap<Integer, long[]> byReplica = new TreeMap<>();
            for (Row r : Tables.collected(group, REPLICAS)) {
                long[] counts = byReplica.computeIfAbsent(Tables.replica(r), k -> new long[bins + 2]);
                counts[Tables.bin(r) + 1] = (long) Tables.value(r);
            }
            List<Histogram> histograms = new ArrayList<>(byReplica.size());
            byReplica.values().forEach(c -> histograms.add(Histogram.of(c)));
            List<Row> out = new ArrayList<>(bins + 2);
            for (HistogramStatistics.BinValue b : HistogramStatistics.of(observable, spec.bins(), histograms)) {
                out.add(Tables.histogramsRow(axes, pass, observable, b.bin(), b.low(), b.high(), b.count(), b.density(),
                        b.stderr(), b.n()));
            }
            return out.iterator();
        }
    }
}
