package io.phasesweep.run;

import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.fss.Estimand;
import io.phasesweep.fss.FssAnalysis;
import io.phasesweep.fss.FssGrouping;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Location;
import io.phasesweep.io.Provenance;
import io.phasesweep.io.Tables;
import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;
import io.phasesweep.model.Scaling;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import static org.apache.spark.sql.functions.col;

/**
 * Runs the finite-size-scaling analysis of a finished sweep: collects the replica means it needs
 * from the replicas table (small: points x replicas x a few observables), analyses each
 * combination of the other axes separately, and replaces {@code OUT/fss/} atomically.
 */
public final class FssRunner {

    private FssRunner() {
    }

    /** Analyses the replicas table of a finished sweep and replaces OUT/fss/. @return rows written */
    public static long run(SparkSession spark, SweepConfig config) {
        return run(spark, config, SweepRunner.output(spark, config));
    }

    /** As {@link #run(SparkSession, SweepConfig)}, for the output {@code dir}. */
    static long run(SparkSession spark, SweepConfig config, Location dir) {
        FssSettings fss = config.fss().orElseThrow(() -> new IllegalStateException("no fss block"));
        Dataset<Row> replicas = spark.read().parquet(dir.resolve(Tables.REPLICAS).uri());
        Map<List<Object>, List<FssAnalysis.Result>> results = analyse(config, fss, replicas);
        return write(spark, config, dir, results);
    }

    /**
     * The FSS results for each combination of the other axes (in axis order), from a dataset with
     * the replicas table's columns.
     */
    public static Map<List<Object>, List<FssAnalysis.Result>> analyse(SweepConfig config, FssSettings fss,
                                                                     Dataset<Row> replicas) {
        SweepPlan plan = config.plan();
        ModelType type = plan.modelType();
        int control = plan.grid().names().indexOf(fss.control());
        // -1: the size is not an axis but the linear size the model derives from its parameters.
        int size = plan.grid().names().indexOf(fss.size());
        List<Integer> others = groupAxes(plan, fss).stream().map(a -> plan.grid().axes().indexOf(a)).toList();

        // Observables the requested quantities need, per quantity: itself, or a derived quantity's inputs.
        Map<String, List<String>> inputs = new TreeMap<>();
        for (String q : fss.observables()) {
            inputs.put(q, type.derived().stream().filter(d -> d.name().equals(q)).findFirst()
                    .map(DerivedQuantity::inputs).orElse(List.of(q)));
        }
        Set<String> needed = new HashSet<>();
        inputs.values().forEach(needed::addAll);

        replicas = replicas.where(col(Tables.OBSERVABLE).isin(needed.toArray()).and(col(Tables.STATUS).equalTo(Tables.OK)));
        FssGrouping grouping = new FssGrouping();
        for (Row r : replicas.collectAsList()) {
            grouping.add(Arrays.asList(Tables.axisValues(r, plan.grid().names())), Tables.replica(r),
                    Tables.observable(r), Tables.value(r));
        }
        FssGrouping.Layout layout = new FssGrouping.Layout() {
            @Override
            public List<Object> group(List<Object> point) {
                return others.stream().map(point::get).toList();
            }

            @Override
            public double size(List<Object> point) {
                return size >= 0 ? ((Number) point.get(size)).doubleValue()
                        : type.linearSize(plan.params(point.toArray())).orElseThrow();
            }

            @Override
            public double control(List<Object> point) {
                return ((Number) point.get(control)).doubleValue();
            }

            @Override
            public ToDoubleFunction<double[]> formula(String quantity, List<Object> point) {
                return FssRunner.formula(type, quantity, plan.params(point.toArray()));
            }

            @Override
            public Scaling scaling(String quantity) {
                return type.scaling().get(quantity);
            }
        };

        FssAnalysis.Settings settings = new FssAnalysis.Settings(fss.windowLo(), fss.windowHi(), fss.bootstrap(), fss.seed());
        Map<List<Object>, List<FssAnalysis.Result>> results = new java.util.LinkedHashMap<>();
        grouping.quantities(inputs, layout).forEach((group, quantities) ->
                results.put(group, FssAnalysis.run(quantities, settings)));
        return results;
    }

    /**
     * The best critical-point estimate of each group: the final one, else the crossing
     * extrapolation, else any critical-point estimate.
     */
    public static List<Double> criticalPoints(Map<List<Object>, List<FssAnalysis.Result>> results) {
        List<Double> out = new ArrayList<>();
        for (List<FssAnalysis.Result> rs : results.values()) {
            rs.stream().filter(r -> Estimand.CRITICAL_POINT.is(r.quantity()) && Double.isFinite(r.estimate()))
                    .min(java.util.Comparator.comparingInt(r -> switch (r.method()) {
                        case FINAL -> 0;
                        case CROSSING_EXTRAPOLATION -> 1;
                        default -> 2;
                    }))
                    .ifPresent(r -> out.add(r.estimate()));
        }
        return out;
    }

    /** Replaces OUT/fss/ atomically. @return rows written */
    private static long write(SparkSession spark, SweepConfig config, Location dir,
                              Map<List<Object>, List<FssAnalysis.Result>> results) {
        FssSettings fss = config.fss().orElseThrow();
        List<Axis> otherAxes = groupAxes(config.plan(), fss);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, List<FssAnalysis.Result>> g : results.entrySet()) {
            for (FssAnalysis.Result r : g.getValue()) {
                rows.add(Tables.fssRow(g.getKey().toArray(), r.quantity(), r.estimate(), r.stderr(), r.method().label(),
                        r.observable(), r.chi2PerDof(), r.sizes(), r.samples()));
            }
        }
        try {
            new TablePublisher(spark, dir, Provenance.of(config)).publish(Tables.FSS, spark.createDataFrame(rows, Tables.fss(otherAxes)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(Tables.FSS), e);
        }
        return rows.size();
    }

    /**
     * The axes the analysis runs separately for each value of: all but the control and size axes,
     * for a derived size the axes it is computed from, and the axes linked with any of these.
     */
    static List<Axis> groupAxes(SweepPlan plan, FssSettings fss) {
        List<String> tied = new ArrayList<>(List.of(fss.control()));
        tied.addAll(plan.grid().names().contains(fss.size()) ? List.of(fss.size())
                : plan.modelType().linearSizeParameters());
        // Axes linked with the size or control (sweeps linked with L) change with them: not a group.
        return plan.grid().axesApartFrom(tied);
    }

    private static ToDoubleFunction<double[]> formula(ModelType type, String quantity, Params params) {
        return type.derived().stream().filter(d -> d.name().equals(quantity)).findFirst()
                .<ToDoubleFunction<double[]>>map(d -> m -> d.formula().evaluate(m, params))
                .orElse(m -> m[0]);
    }
}
