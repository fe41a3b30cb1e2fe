package io.phasesweep.aggregate;

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
import org.apache.spark.sql.RowFactory;

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

    private ExponentsStage() {
    }

    /** The size axis the model's exponents use, if it is an axis with at least two values. */
    public static Optional<Axis> sizeAxis(SweepPlan plan) {
        List<SizeExponent> exponents = plan.modelType().sizeExponents();
        if (exponents.isEmpty()) {
            return Optional.empty();
        }
        String size = exponents.get(0).sizeParameter();
        return plan.grid().axes().stream().filter(a -> a.name().equals(size) && a.size() >= 2).findFirst();
    }

    public static Dataset<Row> exponents(Dataset<Row> points, SweepPlan plan) {
        Axis size = sizeAxis(plan).orElseThrow(() -> new IllegalStateException("no size axis with two or more values"));
        List<String> others = plan.grid().names().stream().filter(n -> !n.equals(size.name())).toList();
        List<Column> keys = others.stream().map(n -> col("`" + n + "`"))
                .collect(Collectors.toCollection(ArrayList::new));
        keys.add(col(Tables.PASS));
        keys.add(col(Tables.OBSERVABLE));
        List<String> quantities = plan.modelType().sizeExponents().stream().map(SizeExponent::quantity)
                .distinct().toList();
        Dataset<Row> grouped = points.where(col(Tables.OBSERVABLE).isin(quantities.toArray()))
                .groupBy(keys.toArray(Column[]::new))
                .agg(collect_list(struct(col("`" + size.name() + "`").cast("double"), col(Tables.MEAN),
                        col(Tables.STDERR))).as("s"));
        int k = others.size();
        List<SizeExponent> exponents = plan.modelType().sizeExponents();
        return grouped.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) g -> {
            List<Row> bySize = new ArrayList<>(g.<Row>getList(k + 2));
            bySize.removeIf(r -> !Double.isFinite(r.getDouble(1)) || r.getDouble(1) <= 0);
            bySize.sort(Comparator.comparingDouble(r -> r.getDouble(0)));
            double[] sizes = bySize.stream().mapToDouble(r -> r.getDouble(0)).toArray();
            double[] y = bySize.stream().mapToDouble(r -> r.getDouble(1)).toArray();
            double[] dy = bySize.stream().mapToDouble(r -> r.getDouble(2)).toArray();
            LogLogFit.Result fit = LogLogFit.weighted(sizes, y, dy);
            String sizeList = java.util.Arrays.stream(sizes).mapToObj(s -> Long.toString((long) s))
                    .collect(Collectors.joining(","));
            List<Row> out = new ArrayList<>();
            for (SizeExponent e : exponents) {
                if (!e.quantity().equals(g.getString(k + 1))) {
                    continue;
                }
                Object[] row = new Object[k + 8];
                for (int a = 0; a <= k; a++) {
                    row[a] = g.get(a);
                }
                row[k + 1] = e.name();
                row[k + 2] = fit.slope();
                row[k + 3] = fit.slopeStderr();
                row[k + 4] = METHOD;
                row[k + 5] = e.quantity();
                // Without errors the residual variance is no chi^2: the column stays empty.
                row[k + 6] = fit.weighted() ? fit.chi2PerDof() : Double.NaN;
                row[k + 7] = sizeList;
                out.add(RowFactory.create(row));
            }
            return out.iterator();
        }, Encoders.row(Tables.exponents(plan.grid(), size)));
    }
}
