package io.phasesweep.aggregate;

import io.phasesweep.fss.FssAnalysis;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.SizeExponent;
import io.phasesweep.stats.LogLogFit;
import org.apache.spark.api.java.function.MapFunction;
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
 * Spark glue around {@link LogLogFit#weighted}: the model's {@link SizeExponent}s, fitted across the size
 * axis for each combination of the other axes (and pass) from the points table. Sizes where the
 * quantity is undefined (NaN: an interface that has not saturated, say) are left out; with fewer
 * than two left the row says so with a NaN estimate.
 */
public final class ExponentsStage {
    public static final String METHOD = "power_law";
    /** Where a group's (size, mean, stderr) structs are collected, and the size's name in them. */
    private static final String BY_SIZE = "by_size";
    private static final String SIZE = "size";

    private ExponentsStage() {
    }

    /**
     * The size axis the model's exponents use, if it is an axis with at least two values, on a
     * plain axis or linked (a sampled size has no lattice of sizes to fit across).
     */
    public static Optional<Axis> sizeAxis(SweepPlan plan) {
        List<SizeExponent> exponents = plan.modelType().sizeExponents();
        if (exponents.isEmpty()) {
            return Optional.empty();
        }
        String size = exponents.get(0).sizeParameter();
        int factor = plan.grid().factorOf(size);
        if (factor < 0 || plan.grid().factors().get(factor).form().sampled()) {
            return Optional.empty();
        }
        return plan.grid().axis(size).filter(a -> a.values().stream().distinct().count() >= 2);
    }

    /**
     * The axes the fits run separately for: all but the size and what is linked with it (a run
     * length linked with the size changes with it, so it must not split the sizes apart).
     */
    public static List<Axis> otherAxes(SweepPlan plan, Axis size) {
        return plan.grid().axesApartFrom(List.of(size.name()));
    }

    public static Dataset<Row> exponents(Dataset<Row> points, SweepPlan plan) {
        Axis size = sizeAxis(plan).orElseThrow(() -> new IllegalStateException("no size axis with two or more values"));
        List<Axis> otherAxes = otherAxes(plan, size);
        List<String> others = otherAxes.stream().map(Axis::name).toList();
        List<Column> keys = others.stream().map(n -> col("`" + n + "`"))
                .collect(Collectors.toCollection(ArrayList::new));
        keys.add(col(Tables.PASS));
        keys.add(col(Tables.OBSERVABLE));
        List<String> quantities = plan.modelType().sizeExponents().stream().map(SizeExponent::quantity)
                .distinct().toList();
        Dataset<Row> grouped = points.where(col(Tables.OBSERVABLE).isin(quantities.toArray()))
                .groupBy(keys.toArray(Column[]::new))
                .agg(collect_list(struct(col("`" + size.name() + "`").cast("double").as(SIZE), col(Tables.MEAN),
                        col(Tables.STDERR))).as(BY_SIZE));
        List<SizeExponent> exponents = plan.modelType().sizeExponents();
        return grouped.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) g -> {
            List<Row> bySize = new ArrayList<>(Tables.collected(g, BY_SIZE));
            bySize.removeIf(r -> !Double.isFinite(Tables.mean(r)) || Tables.mean(r) <= 0);
            bySize.sort(Comparator.comparingDouble(r -> Tables.number(r, SIZE)));
            double[] sizes = bySize.stream().mapToDouble(r -> Tables.number(r, SIZE)).toArray();
            double[] y = bySize.stream().mapToDouble(Tables::mean).toArray();
            double[] dy = bySize.stream().mapToDouble(Tables::stderr).toArray();
            LogLogFit.Result fit = LogLogFit.weighted(sizes, y, dy);
            String sizeList = java.util.Arrays.stream(sizes).mapToObj(FssAnalysis::sizeLabel)
                    .collect(Collectors.joining(","));
            List<Row> out = new ArrayList<>();
            for (SizeExponent e : exponents) {
                if (!e.quantity().equals(Tables.observable(g))) {
                    continue;
                }
                // Without errors the residual variance is no chi^2: the column stays empty.
                out.add(Tables.exponentsRow(Tables.axisValues(g, others), Tables.pass(g), e.name(), fit.slope(),
                        fit.slopeStderr(), METHOD, e.quantity(), fit.weighted() ? fit.chi2PerDof() : Double.NaN,
                        sizeList));
            }
            return out.iterator();
        }, Encoders.row(Tables.exponents(otherAxes)));
    }
}
