package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
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

/** Spark glue around {@link SeriesStatistics}: group replica_series by (point, observable, t). */
public final class SeriesStage {

    private SeriesStage() {
    }

    public static Dataset<Row> timeseries(Dataset<Row> replicaSeries, SweepPlan plan) {
        List<Column> keys = new ArrayList<>();
        for (String a : plan.grid().names()) {
            keys.add(col("`" + a + "`"));
        }
        keys.add(col(Tables.PASS));
        keys.add(col(Tables.OBSERVABLE));
        keys.add(col(Tables.TIME));
        Dataset<Row> grouped = replicaSeries.groupBy(keys.toArray(Column[]::new))
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
