package io.phasesweep.fss;

import io.phasesweep.model.Scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * From the replica means of a sweep to the analysis's input: grid points grouped by the values of
 * the axes other than the control and size axes (the analysis runs once per group), and within a
 * group each quantity's points with their size, control value and the replicas' input means.
 * Pure Java: the caller reads the replicas table. Every map is sorted, so the order of the input
 * rows (Spark's partitioning) never reaches the results.
 */
public final class FssGrouping {

    /** How a grid point (its axis values in grid order) enters the analysis. */
    public interface Layout {
        /** The values of the axes other than control and size. */
        List<Object> group(List<Object> point);

        /** The linear size L of the point. */
        double size(List<Object> point);

        /** The control parameter x of the point. */
        double control(List<Object> point);

        /** The quantity's value from the means of its inputs at this point. */
        ToDoubleFunction<double[]> formula(String quantity, List<Object> point);

        Scaling scaling(String quantity);
    }

    /** Axis values compared axis by axis (each axis holds one comparable type). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** point -> replica -> observable -> mean. */
    private final Map<List<Object>, Map<Integer, Map<String, Double>>> byPoint = new TreeMap<>(KEY_ORDER);

    /** Adds one replica's mean of one observable at a grid point. */
    public void add(List<Object> point, int replica, String observable, double value) {
        byPoint.computeIfAbsent(point, k -> new TreeMap<>())
                .computeIfAbsent(replica, k -> new TreeMap<>())
                .put(observable, value);
    }

    /**
     * The quantities of each group, in group order. A replica missing an input of a quantity (or
     * with a non-finite one) is left out of that quantity at that point.
     *
     * @param inputs per quantity, the observables its formula takes (in order)
     */
    public Map<List<Object>, List<FssAnalysis.Quantity>> quantities(Map<String, List<String>> inputs, Layout layout) {
        Map<List<Object>, Map<String, List<FssAnalysis.Point>>> groups = new TreeMap<>(KEY_ORDER);
        for (Map.Entry<List<Object>, Map<Integer, Map<String, Double>>> e : byPoint.entrySet()) {
            List<Object> point = e.getKey();
            double size = layout.size(point);
            double x = layout.control(point);
            for (Map.Entry<String, List<String>> q : new TreeMap<>(inputs).entrySet()) {
                double[][] values = e.getValue().values().stream()
                        .map(obs -> q.getValue().stream().mapToDouble(o -> obs.getOrDefault(o, Double.NaN)).toArray())
                        .filter(v -> Arrays.stream(v).allMatch(Double::isFinite))
                        .toArray(double[][]::new);
                if (values.length == 0) {
                    continue;
                }
                groups.computeIfAbsent(layout.group(point), g -> new TreeMap<>())
                        .computeIfAbsent(q.getKey(), n -> new ArrayList<>())
                        .add(new FssAnalysis.Point(size, x, values, layout.formula(q.getKey(), point)));
            }
        }
        Map<List<Object>, List<FssAnalysis.Quantity>> out = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Map<String, List<FssAnalysis.Point>>> g : groups.entrySet()) {
            List<FssAnalysis.Quantity> quantities = new ArrayList<>();
            for (Map.Entry<String, List<FssAnalysis.Point>> q : g.getValue().entrySet()) {
                quantities.add(new FssAnalysis.Quantity(q.getKey(), layout.scaling(q.getKey()), q.getValue()));
            }
            out.put(g.getKey(), quantities);
        }
        return out;
    }
}
