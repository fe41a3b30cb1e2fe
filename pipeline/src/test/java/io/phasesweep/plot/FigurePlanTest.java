package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;
import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the planners draw from small hand-made tables; the figures render as PNG and SVG. */
class FigurePlanTest {
    private static final ModelType ISING = ModelRegistry.get("ising2d");
    private static final ModelType KURAMOTO = ModelRegistry.get("kuramoto1d");
    private static final List<Object> SIZES = List.of(8, 16);
    private static final List<Object> TEMPERATURES = List.of(2.0, 2.2, 2.4, 2.6);

    @Test
    void missingAndNaNPointsAreGapsNotZeros() {
        List<SweepTables.Point> points = new ArrayList<>();
        for (Object l : SIZES) {
            for (Object t : TEMPERATURES) {
                if (l.equals(16) && t.equals(2.4)) {
                    continue; // a failed task: no row at all
                }
                double v = l.equals(8) && t.equals(2.2) ? Double.NaN : 0.5;
                points.add(new SweepTables.Point(List.of(l, t), "binder", v, 0.01));
            }
        }
        Figure f = find(FigurePlan.plan(ising(points, List.of(), Optional.empty())), "observable-binder");
        XYPanel panel = (XYPanel) f.panels().get(0);
        assertEquals(List.of("L = 8", "L = 16"), panel.curves().stream().map(XYPanel.Curve::label).toList());
        assertTrue(Double.isNaN(panel.curves().get(0).y()[1]), "NaN point is a gap");
        assertTrue(Double.isNaN(panel.curves().get(1).y()[2]), "missing point is a gap");
        assertEquals(6, Arrays.stream(panel.curves().get(0).y()).filter(v -> v == 0.5).count()
                + Arrays.stream(panel.curves().get(1).y()).filter(v -> v == 0.5).count(), "no zeros filled in");
        assertTrue(f.caption().contains("2 grid points without a value"), f.caption());
        assertTrue(f.title().startsWith("test-sweep (ising2d): binder vs T"), f.title());
    }

    @Test
    void manyCurvesBecomeSmallMultiplesOfAtMostEightWithOneColourPerValue() {
        List<SweepView.GridAxis> axes = List.of(axis("K", 0.0, 0.25, 0.5, 1.0, 2.0), axis("D", 0.01, 0.05, 0.2),
                axis("alpha", 0.0, 0.5, 1.0, 1.5));
        List<List<Object>> keys = new ArrayList<>();
        for (Object k : axes.get(0).values()) {
            for (Object d : axes.get(1).values()) {
                for (Object a : axes.get(2).values()) {
                    keys.add(List.of(k, d, a));
                }
            }
        }
        CurveLayout.Layout layout = CurveLayout.split(axes, keys, -1);
        assertEquals(0, layout.legendAxis(), "the longest axis that fits a legend: K, 5 values");
        assertEquals(12, layout.panels().size());
        for (CurveLayout.PanelCurves p : layout.panels()) {
            assertTrue(p.curves().size() <= CurveLayout.MAX_CURVES, p.fixed());
            for (int c = 0; c < p.curves().size(); c++) {
                assertEquals(axes.get(0).index(p.curves().get(c).get(0)), p.colours().get(c), "colour follows K");
            }
        }
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 20; j++) {
                many.add(List.of(i, j));
            }
        }
        Object[] forty = java.util.stream.IntStream.range(0, 40).boxed().toArray();
        Object[] twenty = java.util.stream.IntStream.range(0, 20).boxed().toArray();
        CurveLayout.Layout thinned = CurveLayout.split(List.of(axis("a", forty), axis("b", twenty)), many, -1);
        assertEquals(CurveLayout.MAX_PANELS, thinned.panels().size());
        assertTrue(thinned.note().orElseThrow().contains("of"), thinned.note().toString());
        thinned.panels().forEach(p -> assertTrue(p.curves().size() <= CurveLayout.MAX_CURVES));
    }

    @Test
    void phasesBecomeAColouredMapWithANamedLegendAndGreyGaps() {
        List<SweepView.GridAxis> axes = List.of(axis("K", 0.0, 1.0, 2.0), axis("D", 0.1, 0.2, 0.3));
        List<SweepTables.Phase> phases = new ArrayList<>();
        List<SweepTables.Point> points = new ArrayList<>();
        for (Object k : axes.get(0).values()) {
            for (Object d : axes.get(1).values()) {
                if (k.equals(2.0) && d.equals(0.3)) {
                    continue;
                }
                phases.add(new SweepTables.Phase(List.of(k, d), k.equals(0.0) ? "random_deposition" : "ew", "beta = ..."));
                points.add(new SweepTables.Point(List.of(k, d), "order_parameter", (Double) k / 2, 0.01));
            }
        }
        SweepView view = new SweepView("noise", KURAMOTO, axes, "K", Optional.empty(), points, List.of(), phases, List.of(),
                List.of(), p -> null);
        List<Figure> figures = FigurePlan.plan(view);
        MapPanel map = (MapPanel) find(figures, "phases").panels().get(0);
        assertEquals(List.of("ew", "random_deposition"), map.categories());
        assertEquals(1.0, map.values()[0][0]);
        assertTrue(Double.isNaN(map.values()[2][2]), "the missing point stays a gap");
        MapPanel heat = (MapPanel) find(figures, "heatmap-order_parameter").panels().get(0);
        assertTrue(heat.categories().isEmpty());
        assertEquals(0.0, heat.low());
        assertEquals(1.0, heat.high());
        render(figures);
    }

    @Test
    void collapseIsDrawnInScalingVariablesAndEstimatesBesideTheReferenceValues() {
        double tc = 2.27;
        double nu = 1.0;
        List<SweepTables.Point> points = new ArrayList<>();
        for (Object l : SIZES) {
            for (Object t : TEMPERATURES) {
                points.add(new SweepTables.Point(List.of(l, t), "binder", 0.6 - 0.1 * ((Double) t - tc) * (Integer) l, 0.002));
            }
        }
        List<SweepTables.Estimate> estimates = List.of(
                new SweepTables.Estimate(List.of(), "crossing", 2.268, 0.002, "crossing", "binder", Double.NaN, "8,16"),
                new SweepTables.Estimate(List.of(), "critical_point", tc, 0.001, "collapse", "binder", 1.1, "8,16"),
                new SweepTables.Estimate(List.of(), "nu", nu, 0.02, "collapse", "binder", 1.1, "8,16"),
                new SweepTables.Estimate(List.of(), "critical_point", tc, 0.001, "final", "binder", 1.1, "8,16"),
                new SweepTables.Estimate(List.of(), "nu", nu, 0.02, "final", "binder", 1.1, "8,16"));
        SweepView.FssView fss = new SweepView.FssView("T", "L", 2.0, 2.6, List.of(), p -> ((Integer) p.get(0)).doubleValue());
        List<Figure> figures = FigurePlan.plan(ising(points, estimates, Optional.of(fss)));
        Figure collapse = find(figures, "fss-collapse-binder");
        XYPanel panel = (XYPanel) collapse.panels().get(0);
        XYPanel.Curve l16 = panel.curves().get(1);
        assertEquals((2.0 - tc) * 16, l16.x()[0], 1e-12, "x' = (T - T_c) L^(1/nu)");
        assertTrue(collapse.caption().contains("T_c = 2.2700 ± 0.0010"), collapse.caption());
        assertTrue(collapse.caption().contains("2.26919"), "the exact T_c: " + collapse.caption());
        Figure crossings = find(figures, "fss-crossings-binder");
        assertTrue(crossings.caption().contains("L = 8/16: 2.2680 ± 0.0020"), crossings.caption());
        assertEquals(2, ((XYPanel) crossings.panels().get(0)).markers().size(), "final T_c and the exact one");
        EstimatePanel tcs = (EstimatePanel) find(figures, "fss-estimates").panels().get(0);
        assertEquals("T_c", tcs.title());
        assertTrue(tcs.rows().get(0).label().startsWith("final · binder"), "the final estimate first: " + tcs.rows());
        assertEquals(3, tcs.rows().size(), "final, the pair crossing and the collapse");
        assertEquals(2.269185314213022, tcs.reference().orElseThrow().value(), 1e-12);
        render(figures);
    }

    @Test
    void seriesAreLogLogWithTheDeclaredGrowthLawOverItsWindow() {
        List<SweepView.GridAxis> axes = List.of(axis("K", 1.0));
        List<SweepTables.SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double t = Math.pow(10, i / 10.0);
            series.add(new SweepTables.SeriesPoint(List.of(1.0), "width", t, 0.3 * Math.pow(t, 0.25), 0.01));
        }
        List<SweepTables.Point> points = List.of(new SweepTables.Point(List.of(1.0), "beta", 0.25, 0.01),
                new SweepTables.Point(List.of(1.0), "beta_t_from", 10.0, Double.NaN),
                new SweepTables.Point(List.of(1.0), "beta_t_to", 100.0, Double.NaN));
        SweepView view = new SweepView("growth", KURAMOTO, axes, "K", Optional.empty(), points, series, List.of(), List.of(),
                List.of(), p -> null);
        List<Figure> figures = FigurePlan.plan(view);
        XYPanel panel = (XYPanel) find(figures, "series-width").panels().get(0);
        assertTrue(panel.x().log() && panel.y().log());
        XYPanel.Curve fit = panel.fits().get(0);
        assertEquals(10.0, fit.x()[0]);
        assertEquals(100.0, fit.x()[1]);
        assertEquals(0.3 * Math.pow(10, 0.25), fit.y()[0], 1e-9);
        assertEquals(0.25, Math.log10(fit.y()[1] / fit.y()[0]), 1e-12);
        assertTrue(panel.curves().get(0).label().contains("β = 0.25"), panel.curves().get(0).label());
        render(figures);
    }

    private static SweepView ising(List<SweepTables.Point> points, List<SweepTables.Estimate> estimates,
                                   Optional<SweepView.FssView> fss) {
        List<SweepView.GridAxis> axes = List.of(new SweepView.GridAxis("L", SIZES, true, "linear lattice size"),
                new SweepView.GridAxis("T", TEMPERATURES, true, "temperature"));
        Function<List<Object>, io.phasesweep.model.Params> params = p -> io.phasesweep.model.Params.resolve(ISING,
                Map.of("L", p.get(0), "T", p.get(1)));
        return new SweepView("test-sweep", ISING, axes, "T", fss, points, List.of(), List.of(), estimates, List.of(), params);
    }

    private static SweepView.GridAxis axis(String name, Object... values) {
        return new SweepView.GridAxis(name, List.of(values), true, "");
    }

    private static Figure find(List<Figure> figures, String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + figures.stream().map(Figure::name).toList()));
    }

    /** Every figure draws in both formats: PNG bytes with their signature, an SVG document. */
    private static void render(List<Figure> figures) {
        System.setProperty("java.awt.headless", "true");
        for (Figure f : figures) {
            byte[] png = FigureRenderer.render(f, FigureRenderer.Format.PNG);
            assertEquals((byte) 0x89, png[0], f.name());
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII), f.name());
            String svg = new String(FigureRenderer.render(f, FigureRenderer.Format.SVG), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg"), f.name());
        }
    }
}
