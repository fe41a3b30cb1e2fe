package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/** Spark glue around the model's {@link PhaseClassifier}: one phase per grid point, from the points table. */
public final class PhasesStage {
    /** The column a point's observables are collected in. */
    private static final String QUANTITIES = "quantities";

    private PhasesStage() {
    }

    public static Dataset<Row> phases(Dataset<Row> points, SweepPlan plan) {
        Dataset<Row> grouped = points.groupBy(PointKey.columns(plan.grid()))
                .agg(collect_list(struct(col(Tables.OBSERVABLE), col(Tables.MEAN), col(Tables.STDERR))).as(QUANTITIES));
        return grouped.map((MapFunction<Row, Row>) g -> {
            Object[] axes = Tables.axisValues(g, plan.grid().names());
            Params params = plan.params(axes);
            Map<String, double[]> values = new TreeMap<>();
            for (Row q : Tables.collected(g, QUANTITIES)) {
                values.put(Tables.observable(q), new double[]{Tables.mean(q), Tables.stderr(q)});
            }
            PhaseClassifier.Phase phase = plan.modelType().phaseClassifier().orElseThrow().classify(values, params);
            return Tables.phasesRow(axes, Tables.pass(g), phase.name(), phase.evidence());
        }, Encoders.row(Tables.phases(plan.grid())));
    }
}
