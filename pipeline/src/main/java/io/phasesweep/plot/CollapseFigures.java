package io.phasesweep.plot;

import io.phasesweep.fss.SeriesCollapse;
import io.phasesweep.io.SweepTables;
import io.phasesweep.model.DerivedSeries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A derived series that the model reads in each point's own time unit
 * ({@link DerivedSeries#timeScale()}): every point's curve against t and, beside it, against
 * t / scale, from the time its scaling form holds on. The caption gives the collapse quality S of
 * both ({@link SeriesCollapse}): about 1 where the curves agree within their errors. Drawn for 2 to
 * {@link CurveLayout#MAX_CURVES} points with a finite scale (a sweep built for the collapse).
 */
final class CollapseFigures {
    private CollapseFigures() {
    }

    static List<Figure> plan(SweepView view) {
        Map<List<Object>, Map<String, Double>> pointValues = new HashMap<>();
        view.points().forEach(p -> pointValues.computeIfAbsent(p.axes(), a -> new HashMap<>()).put(p.observable(), p.mean()));
        List<Figure> figures = new ArrayList<>();
        for (DerivedSeries d : view.model().derivedSeries()) {
            if (d.timeScale().isEmpty()) {
                continue;
            }
            DerivedSeries.TimeScale unit = d.timeScale().get();
            Map<List<Object>, List<SweepTables.SeriesPoint>> byPoint = new HashMap<>();
            view.series().stream().filter(s -> s.observable().equals(d.name()))
                    .forEach(s -> byPoint.computeIfAbsent(s.axes(), a -> new ArrayList<>()).add(s));
            List<List<Object>> keys = new ArrayList<>(byPoint.keySet());
            keys.sort(GridKeys.order(view.axes()));
            List<SeriesCollapse.Series> series = new ArrayList<>();
            List<XYPanel.Curve> raw = new ArrayList<>();
            List<XYPanel.Curve> scaled = new ArrayList<>();
            for (int c = 0; c < keys.size(); c++) {
                Map<String, Double> values = pointValues.getOrDefault(keys.get(c), Map.of());
                double scale = values.getOrDefault(unit.quantity(), Double.NaN);
                double from = values.getOrDefault(unit.validFrom(), Double.NaN);
                if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(from)) {
                    continue;
                }
                List<SweepTables.SeriesPoint> rows = byPoint.get(keys.get(c)).stream().filter(s -> s.time() >= from)
                        .sorted((a, b) -> Double.compare(a.time(), b.time())).toList();
                if (rows.size() < 2) {
                    continue;
                }
                double[] t = rows.stream().mapToDouble(SweepTables.SeriesPoint::time).toArray();
                double[] y = rows.stream().mapToDouble(SweepTables.SeriesPoint::mean).toArray();
                double[] err = rows.stream().mapToDouble(SweepTables.SeriesPoint::stderr).toArray();
                double[] x = java.util.Arrays.stream(t).map(v -> v / scale).toArray();
                String label = GridKeys.label(view.axes(), keys.get(c)) + String.format(Locale.ROOT, " (%s = %.3g)",
                        Labels.symbols(unit.quantity()), scale);
                raw.add(new XYPanel.Curve(label, t, y, err, c));
                scaled.add(new XYPanel.Curve(label, x, y, err, c));
                series.add(new SeriesCollapse.Series(t, y, err, scale, from));
            }
            // More curves than a legend can name is a map of the sweep, not a collapse to judge by eye.
            if (series.size() < 2 || series.size() > CurveLayout.MAX_CURVES) {
                continue;
            }
            SeriesCollapse.Quality collapsed = SeriesCollapse.scaled(series);
            SeriesCollapse.Quality plain = SeriesCollapse.unscaled(series);
            String y = Labels.quantityShort(d.name());
            List<Panel> panels = List.of(
                    new XYPanel("against t", PlotAxis.logarithmic("t, time"), PlotAxis.linear(y), raw, List.of(), List.of()),
                    new XYPanel("against t / " + Labels.symbols(unit.quantity()),
                            PlotAxis.logarithmic("t / " + Labels.symbols(unit.quantity())), PlotAxis.linear(y), scaled, List.of(),
                            List.of()));
            String caption = String.format(Locale.ROOT, "%s: %s. Each point from t = %s on (before it the scaling form does not"
                            + " hold), replica means with one jackknife error. Collapse quality S (mean squared distance from the"
                            + " other curves at the same abscissa in units of the combined errors; about 1 within errors):"
                            + " %.2f against t / %s, %.2f against t (%d curves, %d samples).",
                    d.name(), Labels.symbols(d.meaning()), unit.validFrom(), collapsed.s(), unit.quantity(), plain.s(),
                    collapsed.curves(), collapsed.samples());
            figures.add(new Figure("collapse-" + d.name(), view.titlePrefix() + ": " + d.name() + " against t / "
                    + unit.quantity(), caption, panels));
        }
        return figures;
    }
}
