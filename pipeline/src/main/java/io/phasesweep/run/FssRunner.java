package io.phasesweep.run;

import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.fss.FssAnalysis;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;
import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        FssSettings fss = config.fss().orElseThrow(() -> new IllegalStateException("no fss block"));
        Path dir = config.outputDir();
        Dataset<Row> replicas = spark.read().parquet(TablePublisher.location(dir.resolve(Tables.REPLICAS)));
        Map<List<Object>, List<FssAnalysis.Result>> results = analyse(config, fss, replicas);
        return write(spark, config, results);
    }

    /**
     * The FSS results for each combination of the other axes (in axis order), from a dataset with
     * the replicas table's columns.
     */
    public static Map<List<Object>, List<FssAnalysis.Result>> analyse(SweepConfig config, FssSettings fss,
                                                                     Dataset<Row> replicas) {
        SweepPlan plan = config.plan();
        ModelType type = plan.modelType();
        List<Axis> axes = plan.grid().axes();
        int control = plan.grid().names().indexOf(fss.control());
        int size = plan.grid().names().indexOf(fss.size());
        List<Integer> others = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            if (a != control && a != size) {
                others.add(a);
            }
        }

        // Observables the requested quantities need, per quantity: itself, or a derived quantity's inputs.
        Map<String, List<String>> inputs = new TreeMap<>();
        for (String q : fss.observables()) {
            inputs.put(q, type.derived().stream().filter(d -> d.name().equals(q)).findFirst()
                    .map(DerivedQuantity::inputs).orElse(List.of(q)));
        }
        Set<String> needed = new HashSet<>();
        inputs.values().forEach(needed::addAll);

        replicas = replicas.where(col(Tables.OBSERVABLE).isin(needed.toArray()).and(col(Tables.STATUS).equalTo(Tables.OK)));
        // point key -> replica -> observable -> value; TreeMaps keep every iteration order fixed.
        Map<List<Object>, Map<Integer, Map<String, Double>>> byPoint = new TreeMap<>(FssRunner::compareKeys);
        int nAxes = axes.size();
        for (Row r : replicas.collectAsList()) {
            List<Object> key = new ArrayList<>();
            for (int a = 0; a < nAxes; a++) {
                key.add(r.get(a));
            }
            byPoint.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(r.getInt(r.fieldIndex(Tables.REPLICA)), k -> new TreeMap<>())
                    .put(r.getString(r.fieldIndex(Tables.OBSERVABLE)), r.getDouble(r.fieldIndex(Tables.VALUE)));
        }

        // group (values of the other axes) -> quantity -> points
        Map<List<Object>, Map<String, List<FssAnalysis.Point>>> groups = new TreeMap<>(FssRunner::compareKeys);
        for (Map.Entry<List<Object>, Map<Integer, Map<String, Double>>> e : byPoint.entrySet()) {
            List<Object> key = e.getKey();
            List<Object> group = others.stream().map(key::get).toList();
            Params params = plan.params(key.toArray());
            int l = ((Number) key.get(size)).intValue();
            double x = ((Number) key.get(control)).doubleValue();
            for (Map.Entry<String, List<String>> q : inputs.entrySet()) {
                double[][] values = e.getValue().values().stream()
                        .map(obs -> q.getValue().stream().mapToDouble(o -> obs.getOrDefault(o, Double.NaN)).toArray())
                        .filter(v -> Arrays.stream(v).allMatch(Double::isFinite))
                        .toArray(double[][]::new);
                if (values.length == 0) {
                    continue;
                }
                groups.computeIfAbsent(group, g -> new TreeMap<>())
                        .computeIfAbsent(q.getKey(), n -> new ArrayList<>())
                        .add(new FssAnalysis.Point(l, x, values, formula(type, q.getKey(), params)));
            }
        }

        FssAnalysis.Settings settings = new FssAnalysis.Settings(fss.windowLo(), fss.windowHi(), fss.bootstrap(), fss.seed());
        Map<List<Object>, List<FssAnalysis.Result>> results = new java.util.LinkedHashMap<>();
        for (Map.Entry<List<Object>, Map<String, List<FssAnalysis.Point>>> g : groups.entrySet()) {
            List<FssAnalysis.Quantity> quantities = new ArrayList<>();
            for (Map.Entry<String, List<FssAnalysis.Point>> q : g.getValue().entrySet()) {
                quantities.add(new FssAnalysis.Quantity(q.getKey(), type.scaling().get(q.getKey()), q.getValue()));
            }
            results.put(g.getKey(), FssAnalysis.run(quantities, settings));
        }
        return results;
    }

    /**
     * The best critical-point estimate of each group: the final one, else the crossing
     * extrapolation, else any critical-point estimate.
     */
    public static List<Double> criticalPoints(Map<List<Object>, List<FssAnalysis.Result>> results) {
        List<Double> out = new ArrayList<>();
        for (List<FssAnalysis.Result> rs : results.values()) {
            rs.stream().filter(r -> r.quantity().equals("critical_point") && Double.isFinite(r.estimate()))
                    .min(java.util.Comparator.comparingInt(r -> switch (r.method()) {
                        case "final" -> 0;
                        case "crossing_extrapolation" -> 1;
                        default -> 2;
                    }))
                    .ifPresent(r -> out.add(r.estimate()));
        }
        return out;
    }

    /** Replaces OUT/fss/ atomically. @return rows written */
    static long write(SparkSession spark, SweepConfig config, Map<List<Object>, List<FssAnalysis.Result>> results) {
        FssSettings fss = config.fss().orElseThrow();
        List<Axis> axes = config.plan().grid().axes();
        List<Axis> otherAxes = axes.stream().filter(a -> !a.name().equals(fss.control()) && !a.name().equals(fss.size()))
                .toList();
        Path dir = config.outputDir();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, List<FssAnalysis.Result>> g : results.entrySet()) {
            for (FssAnalysis.Result r : g.getValue()) {
                List<Object> row = new ArrayList<>(g.getKey());
                row.addAll(List.of(r.quantity(), r.estimate(), r.stderr(), r.method(), r.observable(),
                        r.chi2PerDof(), r.sizes(), r.samples()));
                rows.add(RowFactory.create(row.toArray()));
            }
        }
        try {
            new TablePublisher(spark, dir).publish(Tables.FSS, spark.createDataFrame(rows, Tables.fss(otherAxes)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(Tables.FSS), e);
        }
        return rows.size();
    }

    private static ToDoubleFunction<double[]> formula(ModelType type, String quantity, Params params) {
        return type.derived().stream().filter(d -> d.name().equals(quantity)).findFirst()
                .<ToDoubleFunction<double[]>>map(d -> m -> d.formula().evaluate(m, params))
                .orElse(m -> m[0]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
