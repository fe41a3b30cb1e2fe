package io.phasesweep.aggregate;

import io.phasesweep.grid.Axis;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.Boundary;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/**
 * Spark glue around {@link ThresholdCrossing}: the model's {@link Boundary}s located along their
 * axis for each combination of the other axes (and pass) from the points table.
 */
public final class BoundariesStage {
    private static final String ALONG = "along";
    private static final String X = "x";

    private BoundariesStage() {
    }

    /**
     * The axis the sweep's boundaries are located along: the first declared boundary's axis that is
     * a plain or linked axis of at least three values (a sampled design has no line to follow).
     * Boundaries along other axes are not located in this sweep.
     */
    public static Optional<Axis> axis(SweepPlan plan) {
        for (Boundary b : plan.modelType().boundaries()) {
            int factor = plan.grid().factorOf(b.axis());
            if (factor < 0 || plan.grid().factors().get(factor).form().sampled()) {
                continue;
            }
            Optional<Axis> axis = plan.grid().axis(b.axis()).filter(a -> a.values().stream().distinct().count() >= 3);
            if (axis.isPresent()) {
                return axis;
            }
        }
        return Optional.empty();
    }

    public static List<Axis> otherAxes(SweepPlan plan, Axis along) {
        return plan.grid().axesApartFrom(List.of(along.name()));
    }

    public static Dataset<Row> boundaries(Dataset<Row> points, SweepPlan plan) {
        Axis along = axis(plan).orElseThrow(() -> new IllegalStateException("no boundary axis with three or more values"));
        List<String> others = otherAxes(plan, along).stream().map(Axis::name).toList();
        List<Column> keys = others.stream().map(n -> col("`" + n + "`")).collect(Collectors.toCollection(ArrayList::new));
        keys.add(col(Tables.PASS));
        keys.add(col(Tables.OBSERVABLE));
        List<String> observables = plan.modelType().boundaries().stream().filter(b -> b.axis().equals(along.name()))
                .map(Boundary::observable).distinct().toList();
        Dataset<Row> grouped = points.where(col(Tables.OBSERVABLE).isin(observables.toArray()))
                .groupBy(keys.toArray(Column[]::new))
                .agg(collect_list(struct(col("`" + along.name() + "`").cast("double").as(X), col(Tables.MEAN),
                        col(Tables.STDERR))).as(ALONG));
        return grouped.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) g -> {
            List<Row> line = new ArrayList<>(Tables.collected(g, ALONG));
            line.sort(Comparator.comparingDouble(r -> Tables.number(r, X)));
            double[] x = line.stream().mapToDouble(r -> Tables.number(r, X)).toArray();
            double[] y = line.stream().mapToDouble(Tables::mean).toArray();
            double[] dy = line.stream().mapToDouble(Tables::stderr).toArray();
            List<Row> out = new ArrayList<>();
            for (Boundary b : plan.modelType().boundaries()) {
                if (!b.axis().equals(along.name()) || !b.observable().equals(Tables.observable(g))) {
                    continue;
                }
                ThresholdCrossing.Result c = ThresholdCrossing.find(x, y, dy, b.threshold());
                out.add(Tables.boundariesRow(Tables.axisValues(g, others), Tables.pass(g), b.name(), b.axis(), c.estimate(),
                        c.stderr(), b.observable(), b.threshold(), c.low(), c.high(), c.crossings()));
            }
            return out.iterator();
        }, Encoders.row(Tables.boundaries(otherAxes(plan, along))));
    }
}
