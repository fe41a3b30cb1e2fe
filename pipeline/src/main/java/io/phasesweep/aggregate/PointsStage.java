package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.Params;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/** Spark glue around {@link PointStatistics}: group the replicas table by grid point, combine. */
public final class PointsStage {
    /** The column a group's replica rows are collected in. */
    private static final String REPLICAS = "replicas";

    private PointsStage() {
    }

    public static Dataset<Row> points(Dataset<Row> replicas, SweepPlan plan) {
        Dataset<Row> grouped = replicas.groupBy(PointKey.columns(plan.grid())).agg(collect_list(struct(
                col(Tables.REPLICA), col(Tables.OBSERVABLE), col(Tables.VALUE), col(Tables.STDERR))).as(REPLICAS));
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
            Object[] axes = Tables.axisValues(group, plan.grid().names());
            Params params = plan.params(axes);
            int pass = Tables.pass(group);
            List<Row> replicaRows = Tables.collected(group, REPLICAS);
            List<ReplicaValue> values = new ArrayList<>(replicaRows.size());
            for (Row r : replicaRows) {
                values.add(new ReplicaValue(Tables.replica(r), Tables.observable(r), Tables.value(r), Tables.stderr(r)));
            }
            List<Row> out = new ArrayList<>();
            for (PointValue p : PointStatistics.of(plan.modelType(), params, values)) {
                out.add(Tables.pointsRow(axes, pass, p.observable(), p.mean(), p.stderr(), p.n()));
            }
            return out.iterator();
        }
    }
}
