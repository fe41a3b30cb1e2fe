package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;
import io.phasesweep.model.SeriesQuantity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each series observable of timeseries/ on log-log axes (linear in y when it is never positive or is
 * a derived series),
 * one curve per grid point, with the growth law the model fitted drawn dashed over its window
 * where the model declares one ({@link SeriesQuantity#powerLaw()}): y = A t^exponent with the
 * exponent and window from points/, A the least-squares intercept at that slope over the window.
 */
final class SeriesFigures {
    private SeriesFigures() {
    }

    static List<Figure> plan(SweepView view) {
        Map<String, Map<List<Object>, List<SweepTables.SeriesPoint>>> byObservable = new java.util.TreeMap<>();
        for (SweepTables.SeriesPoint s : view.series()) {
            byObservable.computeIfAbsent(s.observable(), o -> new HashMap<>())
                    .computeIfAbsent(s.axes(), a -> new ArrayList<>()).add(s);
        }
        Map<List<Object>, Map<String, Double>> pointValues = new HashMap<>();
        view.points().forEach(p -> pointValues.computeIfAbsent(p.axes(), a -> new HashMap<>()).put(p.observable(), p.mean()));
        List<Integer> all = GridKeys.others(view, List.of());
        List<SweepView.GridAxis> axes = view.axes();
        int preferred = view.sizeAxis().map(view::axisIndex).orElse(-1);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, Map<List<Object>, List<SweepTables.SeriesPoint>>> e : byObservable.entrySet()) {
            String observable = e.getKey();
            Optional<SeriesQuantity.PowerLaw> law = view.model().seriesQuantities().stream()
                    .filter(q -> q.series().equals(observable)).flatMap(q -> q.powerLaw().stream()).findFirst();
            List<List<Object>> keys = GridKeys.distinct(view, new ArrayList<>(e.getValue().keySet()), all);
            CurveLayout.Layout layout = CurveLayout.split(axes, keys, preferred);
            // A derived series (a local exponent) is read on a linear scale.
            boolean derived = view.model().derivedSeries().stream().anyMatch(d -> d.name().equals(observable));
            boolean logY = !derived && e.getValue().values().stream().flatMap(List::stream).anyMatch(s -> s.mean() > 0);
            boolean logX = e.getValue().values().stream().flatMap(List::stream).allMatch(s -> s.time() > 0);
            List<Panel> panels = new ArrayList<>();
            for (CurveLayout.PanelCurves pc : layout.panels()) {
                List<XYPanel.Curve> curves = new ArrayList<>();
                List<XYPanel.Curve> fits = new ArrayList<>();
                for (int c = 0; c < pc.curves().size(); c++) {
                    List<Object> key = pc.curves().get(c);
                    List<SweepTables.SeriesPoint> rows = new ArrayList<>(e.getValue().get(key));
                    rows.sort((a, b) -> Double.compare(a.time(), b.time()));
                    double[] t = rows.stream().mapToDouble(SweepTables.SeriesPoint::time).toArray();
                    double[] y = rows.stream().mapToDouble(SweepTables.SeriesPoint::mean).toArray();
                    double[] err = rows.stream().mapToDouble(SweepTables.SeriesPoint::stderr).toArray();
                    String base = GridKeys.curveLabel(axes, key, layout.legendAxis());
                    int colour = pc.colours().get(c);
                    Optional<XYPanel.Curve> fit = law.flatMap(l -> fit(l, pointValues.getOrDefault(key, Map.of()), t, y, base, colour));
                    String label = base;
                    if (fit.isPresent()) {
                        fits.add(fit.get());
                        label += " (" + Labels.symbols(law.get().exponent()) + " = "
                                + Labels.value(round(pointValues.get(key).get(law.get().exponent()))) + ")";
                    }
                    curves.add(new XYPanel.Curve(label, t, y, err, colour));
                }
                String timeLabel = "t, time";
                panels.add(new XYPanel(pc.fixed(), logX ? PlotAxis.logarithmic(timeLabel) : PlotAxis.linear(timeLabel),
                        logY ? PlotAxis.logarithmic(Labels.quantityShort(observable)) : PlotAxis.linear(Labels.quantityShort(observable)),
                        curves, fits, List.of()));
            }
            List<String> caption = new ArrayList<>();
            Labels.meaning(view.model(), observable).ifPresent(m -> caption.add(observable + ": " + Labels.symbols(m) + "."));
            caption.add("Replica means with one standard error" + (logY ? "; log-log axes (values ≤ 0 are not drawn)" : "") + ".");
            law.ifPresent(l -> caption.add("Dashed: the fitted growth law " + observable + " ∝ t^" + Labels.symbols(l.exponent())
                    + " over its fit window (" + l.from() + " to " + l.to() + " in points/); " + Labels.symbols(l.exponent())
                    + " of each curve in the legend."));
            layout.note().ifPresent(n -> caption.add(n + "."));
            figures.add(new Figure("series-" + observable, view.titlePrefix() + ": " + observable + "(t)",
                    String.join(" ", caption), panels));
        }
        return figures;
    }

    /** The fitted line over its window, or empty where the point has no fit (NaN exponent or window). */
    private static Optional<XYPanel.Curve> fit(SeriesQuantity.PowerLaw law, Map<String, Double> values, double[] t, double[] y,
                                               String label, int colour) {
        double slope = values.getOrDefault(law.exponent(), Double.NaN);
        double from = values.getOrDefault(law.from(), Double.NaN);
        double to = values.getOrDefault(law.to(), Double.NaN);
        if (!Double.isFinite(slope) || !Double.isFinite(from) || !Double.isFinite(to) || !(from > 0) || !(to > from)) {
            return Optional.empty();
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to && y[i] > 0) {
                sum += Math.log(y[i]) - slope * Math.log(t[i]);
                n++;
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double amplitude = Math.exp(sum / n);
        return Optional.of(new XYPanel.Curve(label, new double[]{from, to},
                new double[]{amplitude * Math.pow(from, slope), amplitude * Math.pow(to, slope)}, new double[]{0, 0}, colour));
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }
}
