package io.phasesweep.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many curves go in one panel: a panel with more than {@link #MAX_CURVES} is no longer read
 * at a glance, so the curves of a figure (one per combination of the axes other than x) are split
 * into small multiples. One axis becomes the legend (the size axis when it has few enough values,
 * else the axis with the most values that still fit), the combinations of the others become
 * panels; an axis with more values than fit is split into consecutive runs. Beyond
 * {@link #MAX_PANELS} panels, evenly spaced ones are kept and the figure says how many.
 */
public final class CurveLayout {
    public static final int MAX_CURVES = 8;
    public static final int MAX_PANELS = 12;

    /**
     * One panel's curves.
     *
     * @param fixed  the values the panel's curves share, as "axis = value" text ("" for a lone panel)
     * @param curves the curves' keys (values of the curve axes, in their order), with the colour
     *               index of each (the legend value's position on its axis: the same colour means
     *               the same value in every panel)
     */
    public record PanelCurves(String fixed, List<List<Object>> curves, List<Integer> colours) {
    }

    /**
     * The panels and, when some were left out, a note saying so.
     *
     * @param legendAxis index into the curve axes of the axis that tells curves apart in a panel (-1:
     *                   all of them, a lone panel of a few curves)
     */
    public record Layout(List<PanelCurves> panels, int legendAxis, Optional<String> note) {
    }

    private CurveLayout() {
    }

    /**
     * @param axes       the curve axes (name and every value, in order)
     * @param keys       the curves present, each a list of values of {@code axes}, in grid order
     * @param preferred  the axis to use as legend when it fits (the size axis), or -1
     */
    public static Layout split(List<SweepView.GridAxis> axes, List<List<Object>> keys, int preferred) {
        if (keys.size() <= MAX_CURVES) {
            // One panel; with several curve axes each curve is labelled with all of them.
            List<Integer> colours = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                colours.add(axes.size() == 1 ? axes.get(0).index(keys.get(i).get(0)) % MAX_CURVES : i);
            }
            return new Layout(List.of(new PanelCurves("", keys, colours)), axes.size() == 1 ? 0 : -1, Optional.empty());
        }
        int legend = legendAxis(axes, keys, preferred);
        Map<List<Object>, List<List<Object>>> byPanel = new LinkedHashMap<>();
        for (List<Object> key : keys) {
            List<Object> panel = new ArrayList<>(key);
            panel.remove(legend);
            // An axis too long for one legend is cut into runs of MAX_CURVES consecutive values.
            int run = axes.get(legend).index(key.get(legend)) / MAX_CURVES;
            panel.add(run);
            byPanel.computeIfAbsent(panel, p -> new ArrayList<>()).add(key);
        }
        boolean runs = distinct(keys, legend) > MAX_CURVES;
        List<PanelCurves> panels = new ArrayList<>();
        for (Map.Entry<List<Object>, List<List<Object>>> e : byPanel.entrySet()) {
            List<String> fixed = new ArrayList<>();
            int a = 0;
            for (int i = 0; i < axes.size(); i++) {
                if (i != legend) {
                    fixed.add(Labels.symbols(axes.get(i).name()) + " = " + Labels.value(e.getKey().get(a++)));
                }
            }
            if (runs) {
                List<List<Object>> ks = e.getValue();
                fixed.add(Labels.symbols(axes.get(legend).name()) + " " + Labels.value(ks.get(0).get(legend)) + " … "
                        + Labels.value(ks.get(ks.size() - 1).get(legend)));
            }
            int legendAxis = legend;
            panels.add(new PanelCurves(String.join(", ", fixed), e.getValue(),
                    e.getValue().stream().map(k -> axes.get(legendAxis).index(k.get(legendAxis)) % MAX_CURVES).toList()));
        }
        Optional<String> note = Optional.empty();
        if (panels.size() > MAX_PANELS) {
            note = Optional.of("showing " + MAX_PANELS + " of " + panels.size() + " panels, evenly spaced");
            panels = evenlySpaced(panels, MAX_PANELS);
        }
        return new Layout(panels, legend, note);
    }

    private static int legendAxis(List<SweepView.GridAxis> axes, List<List<Object>> keys, int preferred) {
        if (preferred >= 0 && distinct(keys, preferred) <= MAX_CURVES) {
            return preferred;
        }
        int best = -1;
        for (int i = 0; i < axes.size(); i++) {
            int n = distinct(keys, i);
            if (n <= MAX_CURVES && (best < 0 || n >= distinct(keys, best))) {
                best = i;
            }
        }
        if (best >= 0) {
            return best;
        }
        // Every axis is too long: the longest is cut into runs, the fewest panels.
        int longest = 0;
        for (int i = 1; i < axes.size(); i++) {
            if (distinct(keys, i) > distinct(keys, longest)) {
                longest = i;
            }
        }
        return longest;
    }

    private static int distinct(List<List<Object>> keys, int axis) {
        return (int) keys.stream().map(k -> k.get(axis)).distinct().count();
    }

    static <T> List<T> evenlySpaced(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (n - 1))));
        }
        return out;
    }
}
