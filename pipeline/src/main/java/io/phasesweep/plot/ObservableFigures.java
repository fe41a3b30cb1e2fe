package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every quantity of points/ (observables, derived and series quantities) against the control
 * axis, one curve per value of the other axes, with error bars; a grid point without a value is a gap.
 */
final class ObservableFigures {
    private ObservableFigures() {
    }

    static List<Figure> plan(SweepView view) {
        int x = view.axisIndex(view.control());
        SweepView.GridAxis xAxis = view.axes().get(x);
        List<Integer> curveIdx = GridKeys.others(view, List.of(x));
        List<SweepView.GridAxis> curveAxes = curveIdx.stream().map(i -> view.axes().get(i)).toList();
        int preferred = view.sizeAxis().map(s -> curveIdx.indexOf(view.axisIndex(s))).orElse(-1);

        Map<String, Map<List<Object>, SweepTables.Point>> byQuantity = new HashMap<>();
        for (SweepTables.Point p : view.points()) {
            byQuantity.computeIfAbsent(p.observable(), q -> new HashMap<>()).put(p.axes(), p);
        }
        List<List<Object>> allPoints = view.points().stream().map(SweepTables.Point::axes).distinct().toList();
        List<List<Object>> keys = GridKeys.distinct(view, allPoints, curveIdx);
        CurveLayout.Layout layout = CurveLayout.split(curveAxes, keys, preferred);

        List<Figure> figures = new ArrayList<>();
        for (String q : quantityOrder(view, byQuantity.keySet())) {
            Map<List<Object>, SweepTables.Point> values = byQuantity.get(q);
            int gaps = 0;
            List<Panel> panels = new ArrayList<>();
            for (CurveLayout.PanelCurves pc : layout.panels()) {
                List<XYPanel.Curve> curves = new ArrayList<>();
                for (int c = 0; c < pc.curves().size(); c++) {
                    List<Object> key = pc.curves().get(c);
                    int n = xAxis.values().size();
                    double[] xs = new double[n];
                    double[] ys = new double[n];
                    double[] es = new double[n];
                    for (int i = 0; i < n; i++) {
                        List<Object> point = point(view, x, xAxis.values().get(i), curveIdx, key);
                        SweepTables.Point p = values.get(point);
                        xs[i] = GridKeys.position(xAxis, xAxis.values().get(i));
                        ys[i] = p == null ? Double.NaN : p.mean();
                        es[i] = p == null ? Double.NaN : p.stderr();
                        if (!Double.isFinite(ys[i])) {
                            gaps++;
                        }
                    }
                    curves.add(new XYPanel.Curve(GridKeys.curveLabel(curveAxes, key, layout.legendAxis()), xs, ys, es,
                            pc.colours().get(c)));
                }
                panels.add(new XYPanel(pc.fixed(), GridKeys.plotAxis(view, xAxis),
                        PlotAxis.linear(layout.panels().size() > 1 ? Labels.quantityShort(q) : Labels.quantity(view.model(), q)),
                        curves, List.of(), List.of()));
            }
            List<String> caption = new ArrayList<>();
            Labels.meaning(view.model(), q).ifPresent(m -> caption.add(q + ": " + Labels.symbols(m) + "."));
            caption.add("Error bars: one standard error.");
            if (gaps > 0) {
                caption.add(gaps + " grid point" + (gaps == 1 ? "" : "s") + " without a value (failed task or NaN) shown as gaps.");
            }
            layout.note().ifPresent(n -> caption.add(n + "."));
            figures.add(new Figure("observable-" + q, view.titlePrefix() + ": " + q + " vs " + Labels.symbols(view.control()),
                    String.join(" ", caption), panels));
        }
        return figures;
    }

    /** The grid point with {@code xValue} on axis {@code x} and {@code key} on the curve axes. */
    static List<Object> point(SweepView view, int x, Object xValue, List<Integer> curveIdx, List<Object> key) {
        Object[] p = new Object[view.axes().size()];
        p[x] = xValue;
        for (int i = 0; i < curveIdx.size(); i++) {
            p[curveIdx.get(i)] = key.get(i);
        }
        return java.util.Arrays.asList(p);
    }

    /** The model's order (observables, derived, series quantities), then anything else the table holds. */
    static List<String> quantityOrder(SweepView view, Set<String> present) {
        Set<String> order = new LinkedHashSet<>();
        view.model().observables().forEach(o -> order.add(o.name()));
        view.model().derived().forEach(d -> order.add(d.name()));
        order.retainAll(present);
        List<String> rest = new ArrayList<>(present);
        rest.removeAll(order);
        rest.sort(null);
        order.addAll(rest);
        return new ArrayList<>(order);
    }
}
