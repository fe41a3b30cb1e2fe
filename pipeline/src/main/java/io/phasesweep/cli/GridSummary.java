package io.phasesweep.cli;

import io.phasesweep.config.RefineSettings;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.DerivedParameter;
import io.phasesweep.grid.Factor;
import io.phasesweep.grid.Grid;
import io.phasesweep.model.InvalidParameterException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code validate} says about a grid, resolved: each factor (axis, link, design) with its
 * leading values, each expression with the values it takes over the axes it reads (how sizes map
 * to run lengths), the first points in full, and what a refinement will do. Lines without the
 * two-space indent {@code validate} adds.
 */
final class GridSummary {
    /** Values, entries or points shown before "...". */
    private static final int SHOWN = 8;
    private static final int FIRST_POINTS = 3;

    private GridSummary() {
    }

    /** One line per factor: an axis's values, a link's entries, a design's points. */
    static List<String> factors(Grid grid) {
        return grid.factors().stream().map(GridSummary::describe).toList();
    }

    /** One line per expression: its values over the axes it reads. */
    static List<String> expressions(Grid grid) {
        return grid.derived().stream().map(d -> String.format(Locale.ROOT, "expression %s (%s): %s", d,
                d.type().label(), mapping(grid, d))).toList();
    }

    /** The first points, every column resolved. */
    static List<String> firstPoints(Grid grid) {
        List<String> lines = new ArrayList<>();
        List<String> names = grid.names();
        for (long i = 0; i < Math.min(FIRST_POINTS, grid.size()); i++) {
            Object[] p = grid.point(i);
            StringBuilder sb = new StringBuilder(i == 0 ? "first      " : "           ");
            for (int c = 0; c < p.length; c++) {
                sb.append(c == 0 ? "" : ", ").append(names.get(c)).append('=').append(p[c]);
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    private static String describe(Factor f) {
        return switch (f.form()) {
            case AXIS -> {
                Axis a = f.columns().get(0);
                yield String.format(Locale.ROOT, "axis %-6s %d values: %s", a.name(), a.size(), preview(a.values()));
            }
            case LINK -> String.format(Locale.ROOT, "link       %s: %d entries, taken together: %s",
                    String.join(", ", f.names()), f.size(), entries(f));
            default -> String.format(Locale.ROOT, "design     %s, %d points over %s: %s", f.form().label(), f.size(),
                    bounds(f), entries(f));
        };
    }

    private static String preview(List<Object> values) {
        if (values.size() <= SHOWN) {
            return values.toString();
        }
        return "[" + values.get(0) + ", " + values.get(1) + ", ..., " + values.get(values.size() - 1) + "]";
    }

    /** The factor's entries as tuples, the first few and the last. */
    private static String entries(Factor f) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(f.size(), SHOWN - 2); i++) {
            shown.add(tuple(f.entry(i)));
        }
        if (f.size() > SHOWN - 2) {
            shown.add("...");
            shown.add(tuple(f.entry(f.size() - 1)));
        }
        return String.join(", ", shown);
    }

    private static String tuple(Object[] values) {
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
            parts.add(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** The sampled range of each column: the drawn points' least and greatest values. */
    private static String bounds(Factor f) {
        List<String> parts = new ArrayList<>();
        for (Axis a : f.columns()) {
            double lo = a.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(Double.NaN);
            double hi = a.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(Double.NaN);
            parts.add(String.format(Locale.ROOT, "%s %.4g..%.4g", a.name(), lo, hi));
        }
        return String.join(", ", parts);
    }

    /**
     * The expression's value for each combination of the factors it reads (directly or through
     * other expressions), the other factors at their first entry: "L=8 -> 640, L=16 -> 2560".
     */
    private static String mapping(Grid grid, DerivedParameter d) {
        Set<String> reads = new LinkedHashSet<>();
        collectInputs(grid, d, reads);
        List<Integer> factors = new ArrayList<>();
        for (String r : reads) {
            int f = grid.factorOf(r);
            if (f >= 0 && !factors.contains(f)) {
                factors.add(f);
            }
        }
        factors.sort(Integer::compare);
        List<String> names = grid.names();
        int column = names.indexOf(d.name());
        long combinations = 1;
        for (int f : factors) {
            combinations = Math.multiplyExact(combinations, grid.factors().get(f).size());
        }
        List<String> shown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] entries = new int[grid.factors().size()];
        for (long k = 0; k < combinations && shown.size() < SHOWN; k++) {
            long rest = k;
            for (int j = factors.size() - 1; j >= 0; j--) {
                int size = grid.factors().get(factors.get(j)).size();
                entries[factors.get(j)] = (int) (rest % size);
                rest /= size;
            }
            String value;
            try {
                value = String.valueOf(grid.point(entries)[column]);
            } catch (InvalidParameterException e) {
                value = "(not a value: " + e.getMessage() + ")";
            }
            StringBuilder sb = new StringBuilder();
            Object[] p = pointValues(grid, entries);
            for (String r : reads) {
                int c = names.indexOf(r);
                if (c >= 0 && grid.factorOf(r) >= 0) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(r).append('=').append(p[c]);
                }
            }
            String line = (sb.length() == 0 ? "" : sb + " -> ") + value;
            if (seen.add(line)) {
                shown.add(line);
            }
        }
        return String.join(", ", shown) + (combinations > SHOWN ? ", ... (" + combinations + " combinations)" : "");
    }

    /** The factor columns at the entries (derived ones left null: only the axes are shown). */
    private static Object[] pointValues(Grid grid, int[] entries) {
        Object[] values = new Object[grid.names().size()];
        int c = 0;
        for (int f = 0; f < entries.length; f++) {
            for (Object v : grid.factors().get(f).entry(entries[f])) {
                values[c++] = v;
            }
        }
        return values;
    }

    /** The axes an expression reads, through the expressions it reads. */
    private static void collectInputs(Grid grid, DerivedParameter d, Set<String> into) {
        for (String input : d.inputs()) {
            grid.derived().stream().filter(o -> o.name().equals(input)).findFirst()
                    .ifPresentOrElse(o -> collectInputs(grid, o, into), () -> into.add(input));
        }
    }

    /** What the refinement will do, and the size of a dense grid at its finest step. */
    static String refinement(Grid grid, RefineSettings r) {
        long dense = 1;
        List<String> steps = new ArrayList<>();
        for (Factor f : grid.factors()) {
            Axis a = f.columns().get(0);
            if (f.isAxis() && r.axes().contains(a.name())) {
                double[] v = a.values().stream().mapToDouble(x -> ((Number) x).doubleValue()).sorted().toArray();
                double step = Double.POSITIVE_INFINITY;
                for (int i = 1; i < v.length; i++) {
                    step = Math.min(step, v[i] - v[i - 1]);
                }
                steps.add(String.format(Locale.ROOT, "%s %.4g", a.name(), step / (1L << r.passes())));
                dense = saturatingTimes(dense, (long) (v.length - 1) * (1L << r.passes()) + 1);
            } else {
                dense = saturatingTimes(dense, f.size());
            }
        }
        String along = r.alongPhases() ? "phases" : r.along() + " (a jump above " + r.threshold() + ")";
        return String.format(Locale.ROOT, "refine     along %s, up to %d passes over %s, each adding the midpoints"
                + " between neighbours across a boundary: finest step %s, where a dense grid that fine has %d points",
                along, r.passes(), String.join(", ", r.axes()), String.join(", ", steps), dense);
    }

    private static long saturatingTimes(long a, long b) {
        long r = a * b;
        return b != 0 && (r / b != a || r < 0) ? Long.MAX_VALUE : r;
    }
}
