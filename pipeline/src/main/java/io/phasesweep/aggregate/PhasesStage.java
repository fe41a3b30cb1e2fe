package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/** Spark glue around the model's {@link PhaseClassifier}: one phase per grid point, from the points table. */
public final class PhasesStage {

    private PhasesStage() {
    }

    public static Dataset<Row> phases(Dataset<Row> points, SweepPlan plan) {
        Dataset<Row> grouped = points.groupBy(PointKey.columns(plan.grid()))
                .agg(collect_list(struct(col(Tables.OBSERVABLE), col(Tables.MEAN), col(Tables.STDERR))).as("q"));
        int nAxes = plan.grid().axes().size();
        return grouped.map((MapFunction<Row, Row>) g -> {
            Object[] axes = PointKey.axisValues(g, nAxes);
            Params params = plan.params(axes);
            Map<String, double[]> values = new TreeMap<>();
            for (Row q : g.<Row>getList(nAxes + 1)) {
                values.put(q.getString(0), new double[]{q.getDouble(1), q.getDouble(2)});
            }
            PhaseClassifier.Phase phase = plan.modelType().phaseClassifier().orElseThrow().classify(values, params);
            Object[] row = new Object[nAxes + 3];
            System.arraycopy(axes, 0, row, 0, nAxes);
            row[nAxes] = g.get(nAxes);
            row[nAxes + 1] = phase.name();
            row[nAxes + 2] = phase.evidence();
            return RowFactory.create(row);
        }, Encoders.row(Tables.phases(plan.grid())));
    }
}
