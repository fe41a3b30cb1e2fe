package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/**
 * Spark glue around {@link SeriesStatistics}: group replica_series by (point, observable, time);
 * then the model's series quantities (e.g. a growth exponent) from each point's combined series.
 */
public final class SeriesStage {
    /** The columns a group's series samples and replica values are collected in. */
    private static final String SERIES = "series";
    private static final String REPLICAS = "replicas";

    private SeriesStage() {
    }

    /** Rows in the points schema: the model's series quantities for each point of the timeseries table. */
    public static Dataset<Row> seriesQuantities(Dataset<Row> timeseries, SweepPlan plan) {
        Dataset<Row> grouped = timeseries.groupBy(PointKey.columns(plan.grid())).agg(collect_list(struct(
                col(Tables.OBSERVABLE), col(Tables.TIME), col(Tables.MEAN), col(Tables.STDERR), col(Tables.N_REPLICAS))).as(SERIES));
        return grouped.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) g -> {
            Object[] axes = Tables.axisValues(g, plan.grid().names());
            io.phasesweep.model.Params params = plan.params(axes);
            List<Row> series = new ArrayList<>(Tables.collected(g, SERIES));
            series.sort(Comparator.comparingDouble(Tables::time));
            List<Row> out = new ArrayList<>();
            for (io.phasesweep.model.SeriesQuantity q : plan.modelType().seriesQuantities()) {
                List<Row> mine = series.stream().filter(r -> Tables.observable(r).equals(q.series())).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                double[] t = mine.stream().mapToDouble(Tables::time).toArray();
                double[] mean = mine.stream().mapToDouble(Tables::mean).toArray();
                double[] err = mine.stream().mapToDouble(Tables::stderr).toArray();
                int n = mine.stream().mapToInt(Tables::nReplicas).min().orElse(0);
                for (io.phasesweep.model.SeriesQuantity.Value v : q.analysis().analyse(t, mean, err, params)) {
                    out.add(Tables.pointsRow(axes, Tables.pass(g), v.name(), v.value(), v.stderr(), n));
                }
            }
            return out.iterator();
        }, Encoders.row(Tables.points(plan.grid())));
    }

    /**
     * Timeseries rows of the model's derived series ({@link io.phasesweep.model.DerivedSeries}):
     * each point's replica series of the source, on the times every replica has, combined by
     * {@link DerivedSeriesStatistics}. Empty when the model declares none.
     */
    public static Dataset<Row> derivedSeries(Dataset<Row> replicaSeries, SweepPlan plan) {
        List<String> sources = plan.modelType().derivedSeries().stream().map(io.phasesweep.model.DerivedSeries::source).distinct().toList();
        Dataset<Row> grouped = replicaSeries.where(col(Tables.OBSERVABLE).isin(sources.toArray()))
                .groupBy(PointKey.columns(plan.grid(), Tables.OBSERVABLE))
                .agg(collect_list(struct(col(Tables.REPLICA), col(Tables.TIME), col(Tables.VALUE))).as(REPLICAS));
        return grouped.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) g -> {
            Object[] axes = Tables.axisValues(g, plan.grid().names());
            List<Row> rs = new ArrayList<>(Tables.collected(g, REPLICAS));
            rs.sort(Comparator.comparingInt(Tables::replica).thenComparingDouble(Tables::time));
            DerivedSeriesStatistics.ReplicaSeries matrix = DerivedSeriesStatistics.ReplicaSeries.of(
                    rs.stream().mapToInt(Tables::replica).toArray(), rs.stream().mapToDouble(Tables::time).toArray(),
                    rs.stream().mapToDouble(Tables::value).toArray());
            List<Row> out = new ArrayList<>();
            for (io.phasesweep.model.DerivedSeries d : plan.modelType().derivedSeries()) {
                if (!d.source().equals(Tables.observable(g))) {
                    continue;
                }
                for (DerivedSeriesStatistics.Sample v : DerivedSeriesStatistics.of(d, matrix)) {
                    out.add(Tables.timeseriesRow(axes, Tables.pass(g), d.name(), v.time(), v.mean(), v.stderr(), v.n()));
                }
            }
            return out.iterator();
        }, Encoders.row(Tables.timeseries(plan.grid())));
    }

    public static Dataset<Row> timeseries(Dataset<Row> replicaSeries, SweepPlan plan) {
        Dataset<Row> grouped = replicaSeries.groupBy(PointKey.columns(plan.grid(), Tables.OBSERVABLE, Tables.TIME))
                .agg(collect_list(struct(col(Tables.REPLICA), col(Tables.VALUE))).as(REPLICAS));
        return grouped.map((MapFunction<Row, Row>) g -> {
            List<Row> rs = new ArrayList<>(Tables.collected(g, REPLICAS));
            rs.sort(Comparator.comparingInt(Tables::replica));
            double[] values = rs.stream().mapToDouble(Tables::value).toArray();
            PointValue p = SeriesStatistics.of(Tables.observable(g), values);
            return Tables.timeseriesRow(Tables.axisValues(g, plan.grid().names()), Tables.pass(g), p.observable(),
                    Tables.time(g), p.mean(), p.stderr(), p.n());
        }, Encoders.row(Tables.timeseries(plan.grid())));
    }
}
