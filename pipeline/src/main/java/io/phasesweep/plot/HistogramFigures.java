package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each histogram observable as a probability density against the bin centre, one curve per grid
 * point (small multiples beyond {@link CurveLayout#MAX_CURVES}), with errors over replicas; the
 * underflow and overflow fractions are stated in the caption, not drawn (their bins are infinite).
 */
final class HistogramFigures {
    private HistogramFigures() {
    }

    static List<Figure> plan(SweepView view) {
        Map<String, Map<List<Object>, List<SweepTables.HistogramBin>>> byObservable = new java.util.TreeMap<>();
        for (SweepTables.HistogramBin b : view.histograms()) {
            byObservable.computeIfAbsent(b.observable(), o -> new HashMap<>())
                    .computeIfAbsent(b.axes(), a -> new ArrayList<>()).add(b);
        }
        List<Integer> all = GridKeys.others(view, List.of());
        int preferred = view.sizeAxis().map(view::axisIndex).orElse(-1);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, Map<List<Object>, List<SweepTables.HistogramBin>>> e : byObservable.entrySet()) {
            String observable = e.getKey();
            CurveLayout.Layout layout = CurveLayout.split(view.axes(),
                    GridKeys.distinct(view, new ArrayList<>(e.getValue().keySet()), all), preferred);
            double outside = 0;
            List<Panel> panels = new ArrayList<>();
            for (CurveLayout.PanelCurves pc : layout.panels()) {
                List<XYPanel.Curve> curves = new ArrayList<>();
                for (int c = 0; c < pc.curves().size(); c++) {
                    List<Object> key = pc.curves().get(c);
                    List<SweepTables.HistogramBin> bins = new ArrayList<>(e.getValue().get(key));
                    bins.sort((a, b) -> Integer.compare(a.bin(), b.bin()));
                    for (SweepTables.HistogramBin b : bins) {
                        if (!Double.isFinite(b.low()) || !Double.isFinite(b.high())) {
                            outside = Math.max(outside, b.density());
                        }
                    }
                    List<SweepTables.HistogramBin> inner = bins.stream()
                            .filter(b -> Double.isFinite(b.low()) && Double.isFinite(b.high())).toList();
                    curves.add(new XYPanel.Curve(GridKeys.curveLabel(view.axes(), key, layout.legendAxis()),
                            inner.stream().mapToDouble(b -> 0.5 * (b.low() + b.high())).toArray(),
                            inner.stream().mapToDouble(SweepTables.HistogramBin::density).toArray(),
                            inner.stream().mapToDouble(SweepTables.HistogramBin::stderr).toArray(), pc.colours().get(c)));
                }
                panels.add(new XYPanel(pc.fixed(), PlotAxis.linear(Labels.quantityShort(observable) + ", bin centre"),
                        PlotAxis.linear("probability density"), curves, List.of(), List.of()));
            }
            List<String> caption = new ArrayList<>();
            Labels.meaning(view.model(), observable).ifPresent(m -> caption.add(observable + ": " + Labels.symbols(m) + "."));
            caption.add("Density per unit of " + observable + ", mean over replicas with the spread over replicas / √n."
                    + " Largest underflow or overflow fraction: " + Labels.value(outside) + ".");
            layout.note().ifPresent(n -> caption.add(n + "."));
            figures.add(new Figure("histogram-" + observable, view.titlePrefix() + ": distribution of " + observable,
                    String.join(" ", caption), panels));
        }
        return figures;
    }
}
