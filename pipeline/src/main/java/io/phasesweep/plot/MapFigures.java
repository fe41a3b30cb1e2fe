package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;
import io.phasesweep.model.SizeExponent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Maps over two axes, one panel per combination of the others: the phases/ table as coloured
 * cells with a legend of phase names (the phase diagram), and a heat map of each quantity when
 * the grid has two axes of three or more values that are not sizes. The axis with the most values
 * runs along x, the next along y; cells without a value (a failed point, NaN) stay grey.
 */
final class MapFigures {
    /** Fewest values an axis needs to make a heat map worth drawing (two sizes are better as curves). */
    private static final int MIN_MAP_VALUES = 3;

    private MapFigures() {
    }

    static List<Figure> phases(SweepView view) {
        if (view.phases().isEmpty()) {
            return List.of();
        }
        List<Integer> byLength = byLength(view, GridKeys.others(view, List.of()));
        TreeSet<String> names = new TreeSet<>();
        view.phases().forEach(p -> names.add(p.phase()));
        List<String> categories = new ArrayList<>(names);
        Map<List<Object>, Double> cells = new HashMap<>();
        view.phases().forEach(p -> cells.put(p.axes(), (double) categories.indexOf(p.phase())));
        Map<String, Long> counts = new java.util.TreeMap<>();
        view.phases().forEach(p -> counts.merge(p.phase(), 1L, Long::sum));
        List<String> caption = new ArrayList<>();
        caption.add("Each grid point's phase as the model names it (phases/, with the evidence behind each in its"
                + " evidence column): " + String.join(", ", counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()) + " points. Grey: no phase (failed task).");
        return maps(view, byLength, cells::get, "phases", view.titlePrefix() + ": phase diagram", categories, "phase",
                caption).stream().toList();
    }

    static List<Figure> heatMaps(SweepView view) {
        Set<String> sizes = sizeParameters(view);
        List<Integer> candidates = byLength(view, GridKeys.others(view, List.of())).stream()
                .filter(i -> !sizes.contains(view.axes().get(i).name()))
                .filter(i -> view.axes().get(i).values().size() >= MIN_MAP_VALUES).toList();
        if (candidates.size() < 2) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>(candidates.subList(0, 2));
        for (int i : byLength(view, GridKeys.others(view, List.of()))) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        Map<String, Map<List<Object>, Double>> byQuantity = new HashMap<>();
        for (SweepTables.Point p : view.points()) {
            byQuantity.computeIfAbsent(p.observable(), q -> new HashMap<>()).put(p.axes(), p.mean());
        }
        List<Figure> figures = new ArrayList<>();
        for (String q : ObservableFigures.quantityOrder(view, byQuantity.keySet())) {
            Map<List<Object>, Double> values = byQuantity.get(q);
            List<String> caption = new ArrayList<>();
            Labels.meaning(view.model(), q).ifPresent(m -> caption.add(q + ": " + Labels.symbols(m) + "."));
            caption.add("Grey: no value (failed task or NaN).");
            maps(view, order, values::get, "heatmap-" + q, view.titlePrefix() + ": " + q + " over "
                    + Labels.symbols(view.axes().get(order.get(0)).name()) + " and "
                    + Labels.symbols(view.axes().get(order.get(1)).name()), List.of(), Labels.quantityShort(q), caption)
                    .ifPresent(figures::add);
        }
        return figures;
    }

    /**
     * One figure of maps: {@code order.get(0)} along x, {@code order.get(1)} (if any) along y, a
     * panel per combination of the remaining axes.
     */
    private static Optional<Figure> maps(SweepView view, List<Integer> order, Function<List<Object>, Double> value,
                                         String name, String title, List<String> categories, String valueLabel,
                                         List<String> caption) {
        SweepView.GridAxis xAxis = view.axes().get(order.get(0));
        Optional<SweepView.GridAxis> yAxis = order.size() > 1 ? Optional.of(view.axes().get(order.get(1))) : Optional.empty();
        List<Integer> panelIdx = order.size() > 2 ? order.subList(2, order.size()) : List.of();
        List<SweepView.GridAxis> panelAxes = panelIdx.stream().map(i -> view.axes().get(i)).toList();
        List<List<Object>> panelKeys = GridKeys.distinct(view, view.axes().isEmpty() ? List.of()
                : allPoints(view), panelIdx);
        Optional<String> note = Optional.empty();
        if (panelKeys.size() > CurveLayout.MAX_PANELS) {
            note = Optional.of("showing " + CurveLayout.MAX_PANELS + " of " + panelKeys.size() + " panels, evenly spaced");
            panelKeys = CurveLayout.evenlySpaced(panelKeys, CurveLayout.MAX_PANELS);
        }
        List<String> xTicks = xAxis.values().stream().map(Labels::value).toList();
        List<String> yTicks = yAxis.map(a -> a.values().stream().map(Labels::value).toList()).orElse(List.of(""));
        List<double[][]> grids = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<Object> key : panelKeys) {
            double[][] cells = new double[yTicks.size()][xTicks.size()];
            for (int y = 0; y < yTicks.size(); y++) {
                for (int x = 0; x < xTicks.size(); x++) {
                    Object[] point = new Object[view.axes().size()];
                    point[order.get(0)] = xAxis.values().get(x);
                    if (yAxis.isPresent()) {
                        point[order.get(1)] = yAxis.get().values().get(y);
                    }
                    for (int k = 0; k < panelIdx.size(); k++) {
                        point[panelIdx.get(k)] = key.get(k);
                    }
                    Double v = value.apply(java.util.Arrays.asList(point));
                    cells[y][x] = v == null ? Double.NaN : v;
                    if (Double.isFinite(cells[y][x])) {
                        low = Math.min(low, cells[y][x]);
                        high = Math.max(high, cells[y][x]);
                    }
                }
            }
            grids.add(cells);
        }
        if (low > high) {
            return Optional.empty();
        }
        List<Panel> panels = new ArrayList<>();
        for (int k = 0; k < panelKeys.size(); k++) {
            panels.add(new MapPanel(GridKeys.label(panelAxes, panelKeys.get(k)), Labels.axis(view.model(), xAxis.name()), xTicks,
                    yAxis.map(a -> Labels.axis(view.model(), a.name())).orElse(""), yTicks, grids.get(k), categories,
                    valueLabel, low, high));
        }
        List<String> text = new ArrayList<>(caption);
        note.ifPresent(n -> text.add(n + "."));
        return Optional.of(new Figure(name, title, String.join(" ", text), panels));
    }

    private static List<List<Object>> allPoints(SweepView view) {
        Set<List<Object>> points = new HashSet<>();
        view.points().forEach(p -> points.add(p.axes()));
        view.phases().forEach(p -> points.add(p.axes()));
        return new ArrayList<>(points);
    }

    /** Axis indices, most values first (config order among equals). */
    private static List<Integer> byLength(SweepView view, List<Integer> indices) {
        List<Integer> out = new ArrayList<>(indices);
        out.sort(Comparator.comparingInt((Integer i) -> -view.axes().get(i).values().size()));
        return out;
    }

    /** Parameters that set a system's size: the FSS size and those the model grows exponents or a linear size with. */
    private static Set<String> sizeParameters(SweepView view) {
        Set<String> sizes = new HashSet<>(view.model().linearSizeParameters());
        view.model().sizeExponents().stream().map(SizeExponent::sizeParameter).forEach(sizes::add);
        view.sizeAxis().ifPresent(sizes::add);
        return sizes;
    }
}
