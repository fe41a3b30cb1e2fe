package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

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

    private SeriesStage() {
    }

    /** Rows in the points schema: the model's series quantities for each point of the timeseries table. */
    public static Dataset<Row> seriesQuantities(Dataset<Row> timeseries, SweepPlan plan) {
        Dataset<Row> grouped = timeseries.groupBy(PointKey.columns(plan.grid())).agg(collect_list(struct(
                col(Tables.OBSERVABLE), col(Tables.TIME), col(Tables.MEAN), col(Tables.STDERR), col(Tables.N_REPLICAS))).as("s"));
        int nAxes = plan.grid().axes().size();
        return grouped.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) g -> {
            Object[] axes = PointKey.axisValues(g, nAxes);
            io.phasesweep.model.Params params = plan.params(axes);
            List<Row> series = new ArrayList<>(g.getList(nAxes + 1));
            series.sort(Comparator.comparingDouble(r -> r.getDouble(1)));
            List<Row> out = new ArrayList<>();
            for (io.phasesweep.model.SeriesQuantity q : plan.modelType().seriesQuantities()) {
                List<Row> mine = series.stream().filter(r -> r.getString(0).equals(q.series())).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                double[] t = mine.stream().mapToDouble(r -> r.getDouble(1)).toArray();
                double[] mean = mine.stream().mapToDouble(r -> r.getDouble(2)).toArray();
                double[] err = mine.stream().mapToDouble(r -> r.getDouble(3)).toArray();
                int n = mine.stream().mapToInt(r -> r.getInt(4)).min().orElse(0);
                for (io.phasesweep.model.SeriesQuantity.Value v : q.analysis().analyse(t, mean, err, params)) {
                    Object[] row = new Object[nAxes + 5];
                    System.arraycopy(axes, 0, row, 0, nAxes);
                    row[nAxes] = g.get(nAxes);
                    row[nAxes + 1] = v.name();
                    row[nAxes + 2] = v.value();
                    row[nAxes + 3] = v.stderr();
                    row[nAxes + 4] = n;
                    out.add(RowFactory.create(row));
                }
            }
            return out.iterator();
        }, Encoders.row(Tables.points(plan.grid())));
    }

    public static Dataset<Row> timeseries(Dataset<Row> replicaSeries, SweepPlan plan) {
        Dataset<Row> grouped = replicaSeries.groupBy(PointKey.columns(plan.grid(), Tables.OBSERVABLE, Tables.TIME))
                .agg(collect_list(struct(col(Tables.REPLICA), col(Tables.VALUE))).as("r"));
        int nAxes = plan.grid().axes().size();
        return grouped.map((MapFunction<Row, Row>) g -> {
            List<Row> rs = new ArrayList<>(g.getList(nAxes + 3));
            rs.sort(Comparator.comparingInt(r -> r.getInt(0)));
            double[] values = rs.stream().mapToDouble(r -> r.getDouble(1)).toArray();
            PointValue p = SeriesStatistics.of(g.getString(nAxes + 1), values);
            Object[] row = new Object[nAxes + 6];
            for (int a = 0; a <= nAxes; a++) {
                row[a] = g.get(a);
            }
            row[nAxes + 1] = p.observable();
            row[nAxes + 2] = g.getDouble(nAxes + 2);
            row[nAxes + 3] = p.mean();
            row[nAxes + 4] = p.stderr();
            row[nAxes + 5] = p.n();
            return RowFactory.create(row);
        }, Encoders.row(Tables.timeseries(plan.grid())));
    }
}
