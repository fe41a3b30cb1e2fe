package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;
import io.phasesweep.model.ReferenceValue;
import io.phasesweep.model.Scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The finite-size-scaling figures, for each group of fss/ (a combination of the other axes):
 * the scale-invariant quantity (Binder cumulant) of every size near the transition, where the
 * curves cross; and for each analysed quantity its data collapse with the fitted x_c and exponents,
 * drawn as the analysis fitted it (the same sizes, the points inside the window). Captions give the
 * estimates with their bootstrap errors and the model's reference values where it declares them.
 */
final class FssFigures {
    /** How far beyond the scaling window the crossing figure extends, as a fraction of the window. */
    private static final double MARGIN = 0.25;

    private FssFigures() {
    }

    static List<Figure> plan(SweepView view) {
        if (view.fss().isEmpty() || view.estimates().isEmpty()) {
            return List.of();
        }
        SweepView.FssView fss = view.fss().get();
        List<Integer> groupIdx = fss.groupAxes().stream().map(view::axisIndex).toList();
        Set<List<Object>> groups = new LinkedHashSet<>();
        view.estimates().forEach(e -> groups.add(e.group()));
        List<Figure> figures = new ArrayList<>();
        for (List<Object> group : groups) {
            List<SweepTables.Estimate> rows = view.estimates().stream().filter(e -> e.group().equals(group)).toList();
            List<SweepTables.Point> points = view.points().stream()
                    .filter(p -> GridKeys.project(p.axes(), groupIdx).equals(group)).toList();
            if (points.isEmpty()) {
                continue;
            }
            Group g = new Group(view, fss, group, groupIdx, rows, points, references(view, points.get(0)));
            estimates(g).ifPresent(figures::add);
            Set<String> analysed = new LinkedHashSet<>();
            rows.forEach(r -> analysed.add(r.observable()));
            for (String q : analysed) {
                if (scaling(view, q).exponent().isEmpty()) {
                    crossings(g, q).ifPresent(figures::add);
                }
            }
            for (String q : analysed) {
                collapse(g, q).ifPresent(figures::add);
            }
        }
        return figures;
    }

    /** What one group's figures share. */
    private record Group(SweepView view, SweepView.FssView fss, List<Object> values, List<Integer> axes,
                         List<SweepTables.Estimate> estimates, List<SweepTables.Point> points, List<ReferenceValue> references) {
        String label() {
            return values.isEmpty() ? "" : GridKeys.label(axes.stream().map(i -> view.axes().get(i)).toList(), values);
        }

        String suffix() {
            return values.isEmpty() ? "" : "-" + String.join("-", values.stream().map(Labels::value).toList())
                    .replaceAll("[^A-Za-z0-9._-]", "_");
        }

        String title(String what) {
            return view.titlePrefix() + ": " + what + (values.isEmpty() ? "" : " (" + label() + ")");
        }

        Optional<SweepTables.Estimate> find(String quantity, String method, String observable, String sizes) {
            return estimates.stream().filter(e -> e.quantity().equals(quantity) && e.method().equals(method)
                    && e.observable().equals(observable) && (sizes == null || e.sizes().equals(sizes))).findFirst();
        }

        Optional<ReferenceValue> reference(String quantity) {
            return references.stream().filter(r -> r.appliesTo(quantity, fss.control())).findFirst();
        }
    }

    /** Estimators in the order their rows are listed, each with its colour. */
    private static final List<String> METHODS = List.of("final", "crossing_extrapolation", "crossing", "collapse",
            "peak_height", "peak_position");

    /**
     * Every estimate of the group, one panel per estimated quantity (x_c, ν, the exponent ratios),
     * each row an estimator with its bootstrap error, beside the model's reference value.
     */
    private static Optional<Figure> estimates(Group g) {
        String control = g.fss().control();
        Set<String> quantities = new LinkedHashSet<>();
        g.estimates().forEach(e -> quantities.add(e.quantity().equals("crossing") ? ReferenceValue.CRITICAL_POINT : e.quantity()));
        List<Panel> panels = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        for (String q : quantities) {
            List<EstimatePanel.Row> rows = new ArrayList<>();
            for (String method : METHODS) {
                for (SweepTables.Estimate e : g.estimates()) {
                    String quantity = e.quantity().equals("crossing") ? ReferenceValue.CRITICAL_POINT : e.quantity();
                    if (quantity.equals(q) && e.method().equals(method) && Double.isFinite(e.estimate())) {
                        String sizes = e.sizes().contains(",") && e.quantity().equals("crossing")
                                ? e.sizes().replace(",", "/") : e.sizes().replace(",", " ");
                        rows.add(new EstimatePanel.Row(method.replace('_', ' ') + " · " + e.observable() + " · "
                                + sizeSymbol(g.fss()) + " " + sizes, e.estimate(), e.stderr(), METHODS.indexOf(method)));
                    }
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            String symbol = Labels.estimand(q, control);
            Optional<EstimatePanel.Reference> reference = g.reference(q)
                    .map(r -> new EstimatePanel.Reference(symbol + " = " + Labels.value(round(r.value())), r.value()));
            g.reference(q).ifPresent(r -> g.find(q, "final", g.estimates().stream()
                    .filter(e -> e.quantity().equals(q) && e.method().equals("final")).map(SweepTables.Estimate::observable)
                    .findFirst().orElse(""), null).filter(e -> e.stderr() > 0).ifPresent(e -> deviations.add(symbol + " "
                    + String.format(java.util.Locale.ROOT, "%.1f", Math.abs(e.estimate() - r.value()) / e.stderr()) + "σ")));
            panels.add(new EstimatePanel(symbol, symbol, rows, reference));
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        List<String> caption = new ArrayList<>();
        caption.add("Every estimate of fss/ with its bootstrap error, one row per estimator (method · quantity analysed ·"
                + " sizes); the final rows follow the fixed rule. Dashed: the model's reference value.");
        if (!deviations.isEmpty()) {
            caption.add("Final estimates from the reference: " + String.join(", ", deviations) + ".");
        }
        return Optional.of(new Figure("fss-estimates" + g.suffix(), g.title("finite-size-scaling estimates"),
                String.join(" ", caption), panels));
    }

    private static Optional<Figure> crossings(Group g, String q) {
        SweepView view = g.view();
        SweepView.FssView fss = g.fss();
        double width = fss.windowHi() - fss.windowLo();
        double lo = Double.isFinite(width) ? fss.windowLo() - MARGIN * width : Double.NEGATIVE_INFINITY;
        double hi = Double.isFinite(width) ? fss.windowHi() + MARGIN * width : Double.POSITIVE_INFINITY;
        List<XYPanel.Curve> curves = sizeCurves(g, q, lo, hi, 0, 0, 0);
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        String xc = Labels.estimand(ReferenceValue.CRITICAL_POINT, fss.control());
        List<XYPanel.Marker> markers = new ArrayList<>();
        List<String> caption = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (SweepTables.Estimate e : g.estimates()) {
            if (e.observable().equals(q) && e.quantity().equals("crossing")) {
                pairs.add(sizeSymbol(fss) + " = " + e.sizes().replace(",", "/") + ": " + Labels.estimate(e.estimate(), e.stderr()));
            }
        }
        caption.add("Where the curves of successive sizes cross" + window(fss) + ": " + (pairs.isEmpty() ? "none" : String.join("; ", pairs)) + ".");
        g.estimates().stream().filter(e -> e.observable().equals(q) && e.quantity().equals(ReferenceValue.CRITICAL_POINT)
                        && e.method().equals("crossing_extrapolation")).findFirst()
                .ifPresent(e -> caption.add("Extrapolated in 1/" + sizeSymbol(fss) + " to infinite size: " + xc + " = "
                        + Labels.estimate(e.estimate(), e.stderr()) + "."));
        g.find(ReferenceValue.CRITICAL_POINT, "final", q, null).ifPresent(e -> {
            if (Double.isFinite(e.estimate())) {
                markers.add(new XYPanel.Marker(xc + " = " + Labels.estimate(e.estimate(), e.stderr()), e.estimate(),
                        e.estimate() - e.stderr(), e.estimate() + e.stderr(), false));
                caption.add("Solid line and band: the final " + xc + " (collapse of " + q + " on " + sizeSymbol(fss) + " = "
                        + e.sizes().replace(",", ", ") + ") with its error.");
            }
        });
        g.reference(ReferenceValue.CRITICAL_POINT).ifPresent(r -> {
            markers.add(new XYPanel.Marker(xc + " = " + Labels.value(round(r.value())) + " (reference)", r.value(), r.value(),
                    r.value(), true));
            caption.add("Dashed: " + xc + " = " + Labels.value(round(r.value())) + ", " + r.source() + ".");
        });
        XYPanel panel = new XYPanel("", PlotAxis.linear(Labels.axis(view.model(), fss.control())),
                PlotAxis.linear(Labels.quantity(view.model(), q)), curves, List.of(), markers);
        return Optional.of(new Figure("fss-crossings-" + q + g.suffix(), g.title(q + " crossings, one curve per size"),
                String.join(" ", caption), List.of(panel)));
    }

    private static Optional<Figure> collapse(Group g, String q) {
        SweepView view = g.view();
        SweepView.FssView fss = g.fss();
        Scaling scaling = scaling(view, q);
        // The fit the final estimates come from (larger sizes), else the one on all sizes.
        String sizes = g.estimates().stream().filter(e -> e.observable().equals(q) && e.method().equals("final"))
                .map(SweepTables.Estimate::sizes).findFirst()
                .orElseGet(() -> g.estimates().stream().filter(e -> e.observable().equals(q) && e.method().equals("collapse"))
                        .map(SweepTables.Estimate::sizes).max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null));
        if (sizes == null) {
            return Optional.empty();
        }
        Optional<SweepTables.Estimate> xc = g.find(ReferenceValue.CRITICAL_POINT, "collapse", q, sizes);
        Optional<SweepTables.Estimate> nu = g.find(ReferenceValue.NU, "collapse", q, sizes);
        Optional<SweepTables.Estimate> a = scaling.exponent().flatMap(name -> g.find(name, "collapse", q, sizes));
        if (xc.isEmpty() || nu.isEmpty() || (scaling.exponent().isPresent() && a.isEmpty())
                || !Double.isFinite(xc.get().estimate()) || !(nu.get().estimate() > 0)) {
            return Optional.empty();
        }
        double exponent = a.map(SweepTables.Estimate::estimate).orElse(0.0);
        double[] fitSizes = Arrays.stream(sizes.split(",")).mapToDouble(Double::parseDouble).toArray();
        List<XYPanel.Curve> curves = sizeCurves(g, q, fss.windowLo(), fss.windowHi(), xc.get().estimate(),
                1 / nu.get().estimate(), -scaling.sign() * exponent).stream()
                .filter(c -> Arrays.stream(fitSizes).anyMatch(s -> c.label().equals(sizeSymbol(fss) + " = " + Labels.value(s))))
                .toList();
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        String control = Labels.symbols(fss.control());
        String xcSymbol = Labels.estimand(ReferenceValue.CRITICAL_POINT, fss.control());
        String l = sizeSymbol(fss);
        String yLabel = scaling.exponent().map(name -> q + " · " + l + "^(" + (scaling.sign() > 0 ? "−" : "") + Labels.estimand(name, fss.control()) + ")")
                .orElse(Labels.quantity(view.model(), q));
        List<String> fitted = new ArrayList<>();
        fitted.add(xcSymbol + " = " + Labels.estimate(xc.get().estimate(), xc.get().stderr()));
        fitted.add("ν = " + Labels.estimate(nu.get().estimate(), nu.get().stderr()));
        a.ifPresent(e -> fitted.add(Labels.estimand(e.quantity(), fss.control()) + " = " + Labels.estimate(e.estimate(), e.stderr())));
        List<String> caption = new ArrayList<>();
        caption.add("Data collapse of " + q + " on " + l + " = " + sizes.replace(",", ", ") + window(fss) + ": "
                + String.join(", ", fitted) + "; collapse quality S = " + String.format(java.util.Locale.ROOT, "%.3g", xc.get().chi2Dof())
                + " (about 1 when the curves collapse within their errors). Errors: bootstrap over replicas.");
        List<String> refs = new ArrayList<>();
        for (String name : List.of(ReferenceValue.CRITICAL_POINT, ReferenceValue.NU, scaling.exponent().orElse(""))) {
            g.reference(name).ifPresent(r -> refs.add(Labels.estimand(name, fss.control()) + " = " + Labels.value(round(r.value()))
                    + " [" + r.source() + "]"));
        }
        if (!refs.isEmpty()) {
            caption.add("Reference: " + String.join(", ", refs) + ".");
        }
        XYPanel panel = new XYPanel("", PlotAxis.linear("(" + control + " − " + xcSymbol + ") · " + l + "^(1/ν)"),
                PlotAxis.linear(yLabel), curves, List.of(), List.of());
        return Optional.of(new Figure("fss-collapse-" + q + g.suffix(), g.title("data collapse of " + q),
                String.join(" ", caption), List.of(panel)));
    }

    /**
     * One curve per size of {@code q} for control values in [lo, hi], in scaling variables:
     * x' = (x − xc) L^inverseNu and y' = y L^yPower (xc = inverseNu = yPower = 0: the raw data).
     */
    private static List<XYPanel.Curve> sizeCurves(Group g, String q, double lo, double hi, double xc, double inverseNu,
                                                  double yPower) {
        SweepView view = g.view();
        int control = view.axisIndex(g.fss().control());
        TreeSet<Double> sizes = new TreeSet<>();
        List<SweepTables.Point> rows = g.points().stream().filter(p -> p.observable().equals(q)).toList();
        rows.forEach(p -> sizes.add(g.fss().sizeOf().apply(p.axes())));
        List<Double> sizeList = new ArrayList<>(sizes);
        List<XYPanel.Curve> curves = new ArrayList<>();
        for (double size : sizeList) {
            List<SweepTables.Point> ps = new ArrayList<>(rows.stream()
                    .filter(p -> g.fss().sizeOf().apply(p.axes()) == size)
                    .filter(p -> {
                        double x = ((Number) p.axes().get(control)).doubleValue();
                        return x >= lo && x <= hi;
                    }).toList());
            ps.sort((a, b) -> Double.compare(((Number) a.axes().get(control)).doubleValue(),
                    ((Number) b.axes().get(control)).doubleValue()));
            if (ps.isEmpty()) {
                continue;
            }
            double[] x = new double[ps.size()];
            double[] y = new double[ps.size()];
            double[] e = new double[ps.size()];
            double xScale = inverseNu == 0 ? 1 : Math.pow(size, inverseNu);
            double yScale = Math.pow(size, yPower);
            for (int i = 0; i < x.length; i++) {
                double raw = ((Number) ps.get(i).axes().get(control)).doubleValue();
                x[i] = inverseNu == 0 ? raw : (raw - xc) * xScale;
                y[i] = ps.get(i).mean() * yScale;
                e[i] = ps.get(i).stderr() * yScale;
            }
            curves.add(new XYPanel.Curve(sizeSymbol(g.fss()) + " = " + Labels.value(size), x, y, e,
                    sizeList.indexOf(size) % CurveLayout.MAX_CURVES));
        }
        return curves;
    }

    private static Scaling scaling(SweepView view, String q) {
        return Optional.ofNullable(view.model().scaling().get(q)).orElse(Scaling.invariant());
    }

    private static String sizeSymbol(SweepView.FssView fss) {
        return Labels.symbols(fss.size());
    }

    private static String window(SweepView.FssView fss) {
        return Double.isFinite(fss.windowLo()) || Double.isFinite(fss.windowHi())
                ? " (window " + Labels.symbols(fss.control()) + " in [" + Labels.value(fss.windowLo()) + ", "
                + Labels.value(fss.windowHi()) + "])" : "";
    }

    /** The model's reference values at the group's parameters (any of its points: control and size must not matter). */
    private static List<ReferenceValue> references(SweepView view, SweepTables.Point any) {
        return view.model().referenceValues(view.params().apply(any.axes()));
    }

    /** A reference value to six significant digits, as captions quote it. */
    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
