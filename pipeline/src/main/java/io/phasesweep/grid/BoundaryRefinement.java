package io.phasesweep.grid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The points of the next boundary-refinement pass: wherever two neighbouring simulated points lie
 * across a boundary (in different phases, or with an observable jumping by more than a threshold),
 * the point halfway between them. Pass after pass this bisects every boundary crossing of the
 * configured grid's lines, so a boundary is located to a spacing of s / 2^passes at a cost that
 * grows with its length, not with the area of the diagram.
 *
 * <p>Two points are neighbours along an axis when they differ in that axis only, no simulated
 * point lies between them, and no value of the configured axis does either (they lie within one
 * step of it: the points halfway along two different lines of the grid are not neighbours of each
 * other). Midpoints are taken in decimal, like linear ranges, so the midpoint of 2.0 and 2.1 is
 * 2.05. Refined axes are plain real-valued axes; every other column (linked, sampled, other axes)
 * must agree between neighbours.
 */
public final class BoundaryRefinement {

    private BoundaryRefinement() {
    }

    /**
     * The new points, in the grid's column order and sorted, none of them already simulated.
     *
     * @param base      the configured grid, whose axes give the columns and the steps
     * @param axes      the names of the plain real-valued axes to refine along
     * @param labels    what each labelled simulated point showed (its phase, or the observable's
     *                  mean), keyed by the values of {@code base}'s axes
     * @param simulated every point simulated so far, labelled or not, by the same key
     * @param boundary  whether two neighbours' labels lie across a boundary
     */
    public static <L> List<Object[]> midpoints(Grid base, List<String> axes, Map<List<Object>, L> labels,
                                               Set<List<Object>> simulated, BiPredicate<L, L> boundary) {
        List<String> names = base.axes().stream().map(Axis::name).toList();
        Set<List<Object>> fresh = new HashSet<>();
        List<Object[]> out = new ArrayList<>();
        for (String axis : axes) {
            int a = names.indexOf(axis);
            double[] steps = base.axis(axis).orElseThrow().values().stream()
                    .mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
            // Points on one line along the axis share every other value: the line's key.
            Map<List<Object>, List<List<Object>>> lines = new TreeMap<>(KEY_ORDER);
            for (List<Object> point : labels.keySet()) {
                List<Object> key = new ArrayList<>(point);
                key.set(a, "");
                lines.computeIfAbsent(key, k -> new ArrayList<>());
            }
            for (List<Object> point : simulated) {
                List<Object> key = new ArrayList<>(point);
                key.set(a, "");
                List<List<Object>> line = lines.get(key);
                if (line != null) {
                    line.add(point);
                }
            }
            for (List<List<Object>> line : lines.values()) {
                line.sort(Comparator.comparingDouble(p -> value(p, a)));
                for (int i = 1; i < line.size(); i++) {
                    List<Object> p = line.get(i - 1);
                    List<Object> q = line.get(i);
                    L lp = labels.get(p);
                    L lq = labels.get(q);
                    if (lp == null || lq == null || !boundary.test(lp, lq) || !withinOneStep(steps, value(p, a), value(q, a))) {
                        continue;
                    }
                    double mid = midpoint(value(p, a), value(q, a));
                    if (mid == value(p, a) || mid == value(q, a)) {
                        continue; // the doubles between them are exhausted
                    }
                    List<Object> m = new ArrayList<>(p);
                    m.set(a, mid);
                    if (!simulated.contains(m) && fresh.add(m)) {
                        out.add(m.toArray());
                    }
                }
            }
        }
        out.sort((x, y) -> KEY_ORDER.compare(Arrays.asList(x), Arrays.asList(y)));
        return out;
    }

    /** Labels differ: neighbours in different phases. */
    public static BiPredicate<String, String> phases() {
        return (a, b) -> !a.equals(b);
    }

    /** The observable's means differ by more than {@code threshold} (both finite). */
    public static BiPredicate<Double, Double> jump(double threshold) {
        return (a, b) -> Double.isFinite(a) && Double.isFinite(b) && Math.abs(a - b) > threshold;
    }

    /** Halfway, in decimal: BigDecimal.valueOf gives the shortest decimal of each double. */
    static double midpoint(double a, double b) {
        return BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).divide(BigDecimal.valueOf(2)).doubleValue();
    }

    /** No configured value lies strictly between lo and hi (in either order). */
    private static boolean withinOneStep(double[] steps, double x, double y) {
        double lo = Math.min(x, y);
        double hi = Math.max(x, y);
        int i = Arrays.binarySearch(steps, lo);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next >= steps.length || steps[next] >= hi;
    }

    private static double value(List<Object> point, int axis) {
        return ((Number) point.get(axis)).doubleValue();
    }

    /** Points compared column by column; each column holds one comparable type ("" marks the line's free axis). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
