package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.Params;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/** Spark glue around {@link PointStatistics}: group the replicas table by grid point, combine. */
public final class PointsStage {

    private PointsStage() {
    }

    public static Dataset<Row> points(Dataset<Row> replicas, SweepPlan plan) {
        Dataset<Row> grouped = replicas.groupBy(PointKey.columns(plan.grid())).agg(collect_list(struct(
                col(Tables.REPLICA), col(Tables.OBSERVABLE), col(Tables.VALUE), col(Tables.STDERR))).as("r"));
        return grouped.flatMap(new Combine(plan), Encoders.row(Tables.points(plan.grid())));
    }

    private static final class Combine implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final SweepPlan plan;

        Combine(SweepPlan plan) {
            this.plan = plan;
        }

        @Override
        public java.util.Iterator<Row> call(Row group) {
            int nAxes = plan.grid().axes().size();
            Object[] axes = PointKey.axisValues(group, nAxes);
            Params params = plan.params(axes);
            int pass = group.getInt(nAxes);
            List<Row> replicaRows = group.getList(nAxes + 1);
            List<ReplicaValue> values = new ArrayList<>(replicaRows.size());
            for (Row r : replicaRows) {
                values.add(new ReplicaValue(r.getInt(0), r.getString(1), r.getDouble(2), r.getDouble(3)));
            }
            List<Row> out = new ArrayList<>();
            for (PointValue p : PointStatistics.of(plan.modelType(), params, values)) {
                Object[] row = new Object[nAxes + 5];
                System.arraycopy(axes, 0, row, 0, nAxes);
                row[nAxes] = pass;
                row[nAxes + 1] = p.observable();
                row[nAxes + 2] = p.mean();
                row[nAxes + 3] = p.stderr();
                row[nAxes + 4] = p.n();
                out.add(RowFactory.create(row));
            }
            return out.iterator();
        }
    }
}
