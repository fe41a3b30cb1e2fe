package io.phasesweep.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Grid points as lists of axis values: projections onto some axes, in grid order, and their labels. */
final class GridKeys {
    private GridKeys() {
    }

    /** The values of {@code point} on the axes at {@code indices}. */
    static List<Object> project(List<Object> point, List<Integer> indices) {
        List<Object> out = new ArrayList<>(indices.size());
        for (int i : indices) {
            out.add(point.get(i));
        }
        return out;
    }

    /** Orders keys on {@code axes} by each axis's value order, first axis first. */
    static Comparator<List<Object>> order(List<SweepView.GridAxis> axes) {
        return (a, b) -> {
            for (int i = 0; i < axes.size(); i++) {
                int c = Integer.compare(axes.get(i).index(a.get(i)), axes.get(i).index(b.get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** The distinct projections of {@code points} onto {@code indices} of the view's axes, in grid order. */
    static List<List<Object>> distinct(SweepView view, List<List<Object>> points, List<Integer> indices) {
        List<SweepView.GridAxis> axes = indices.stream().map(i -> view.axes().get(i)).toList();
        TreeSet<List<Object>> keys = new TreeSet<>(order(axes));
        for (List<Object> p : points) {
            keys.add(project(p, indices));
        }
        return new ArrayList<>(keys);
    }

    /** "L = 16, α = 0.5": the values of a key on its axes. */
    static String label(List<SweepView.GridAxis> axes, List<Object> key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            parts.add(Labels.symbols(axes.get(i).name()) + " = " + Labels.value(key.get(i)));
        }
        return String.join(", ", parts);
    }

    /** A curve's legend entry: the legend axis's value, or every curve axis for a lone panel. */
    static String curveLabel(List<SweepView.GridAxis> axes, List<Object> key, int legendAxis) {
        return legendAxis < 0 ? label(axes, key) : label(List.of(axes.get(legendAxis)), List.of(key.get(legendAxis)));
    }

    /** Indices of all axes but {@code except}. */
    static List<Integer> others(SweepView view, List<Integer> except) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < view.axes().size(); i++) {
            if (!except.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Where an axis value sits on x: the number itself, or the position of a non-numeric value. */
    static double position(SweepView.GridAxis axis, Object value) {
        return axis.numeric() ? ((Number) value).doubleValue() : axis.index(value);
    }

    /** The x axis for a grid axis: numeric, or its values as categories. */
    static PlotAxis plotAxis(SweepView view, SweepView.GridAxis axis) {
        String label = Labels.axis(view.model(), axis.name());
        return axis.numeric() ? PlotAxis.linear(label)
                : PlotAxis.categorical(label, axis.values().stream().map(Labels::value).toList());
    }
}
