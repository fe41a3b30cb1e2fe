package io.phasesweep.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;

/** A panel as a JFreeChart chart, in the fonts and colours every figure shares. */
final class PanelCharts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xd0d0d0);
    /** Approximate width of a cell label's character, to decide whether phase names fit in their cells. */
    private static final double CHAR_WIDTH = 7.5;

    private PanelCharts() {
    }

    /** @param legendBelow put the legend under the plot (small multiples) rather than beside it */
    static JFreeChart chart(Panel panel, boolean legendBelow, double plotWidth) {
        JFreeChart chart = panel instanceof XYPanel xy ? xy(xy)
                : panel instanceof EstimatePanel e ? estimates(e) : map((MapPanel) panel, plotWidth);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (!panel.title().isEmpty()) {
            chart.setTitle(new TextTitle(panel.title(), TITLE));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(legendBelow ? RectangleEdge.BOTTOM : RectangleEdge.RIGHT);
            legend.setVerticalAlignment(org.jfree.chart.ui.VerticalAlignment.CENTER);
        }
        return chart;
    }

    private static JFreeChart xy(XYPanel p) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(5);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int s = 0; s < p.curves().size(); s++) {
            XYPanel.Curve c = p.curves().get(s);
            YIntervalSeries series = new YIntervalSeries(c.label(), false, true);
            for (int i = 0; i < c.x().length; i++) {
                double y = c.y()[i];
                // A log axis cannot show y <= 0: such a point is a gap, like a missing one.
                if (p.y().log() && !(y > 0)) {
                    y = Double.NaN;
                }
                double e = Double.isFinite(c.err()[i]) ? c.err()[i] : 0;
                double lo = p.y().log() ? Math.max(y - e, y * 1e-3) : y - e;
                series.add(c.x()[i], y, Double.isFinite(y) ? lo : Double.NaN, Double.isFinite(y) ? y + e : Double.NaN);
            }
            data.addSeries(series);
            Color colour = Palette.qualitative(c.colour());
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        XYPlot plot = new XYPlot(data, axis(p.x(), p.curves(), true), axis(p.y(), p.curves(), false), renderer);
        style(plot);
        if (!p.fits().isEmpty()) {
            XYSeriesCollection fits = new XYSeriesCollection();
            XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
            dashed.setDefaultSeriesVisibleInLegend(false);
            for (int s = 0; s < p.fits().size(); s++) {
                XYPanel.Curve f = p.fits().get(s);
                XYSeries line = new XYSeries(f.label() + " (fit " + s + ")", false, true);
                for (int i = 0; i < f.x().length; i++) {
                    line.add(f.x()[i], f.y()[i]);
                }
                fits.addSeries(line);
                dashed.setSeriesPaint(s, Palette.qualitative(f.colour()).darker());
                dashed.setSeriesStroke(s, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[]{9f, 5f}, 0f));
            }
            plot.setDataset(1, fits);
            plot.setRenderer(1, dashed);
        }
        for (XYPanel.Marker m : p.markers()) {
            if (m.high() > m.low()) {
                IntervalMarker band = new IntervalMarker(m.low(), m.high(), new Color(0, 0, 0, 28));
                plot.addDomainMarker(band, Layer.BACKGROUND);
            }
            ValueMarker line = new ValueMarker(m.x(), m.dashed() ? new Color(0x444444) : Color.BLACK,
                    m.dashed() ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f)
                            : new BasicStroke(1.6f));
            line.setLabel(m.label());
            line.setLabelFont(LEGEND);
            line.setLabelAnchor(m.dashed() ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(m.dashed() ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            line.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
            plot.addDomainMarker(line);
        }
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, p.curves().size() > 1 || !p.curves().get(0).label().isEmpty());
    }

    /** Rows of estimates with horizontal error bars, first row on top, the reference dashed. */
    private static JFreeChart estimates(EstimatePanel p) {
        org.jfree.data.xy.XYIntervalSeriesCollection data = new org.jfree.data.xy.XYIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setCapLength(6);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        int n = p.rows().size();
        for (int i = 0; i < n; i++) {
            EstimatePanel.Row r = p.rows().get(i);
            org.jfree.data.xy.XYIntervalSeries s = new org.jfree.data.xy.XYIntervalSeries(r.label() + " #" + i);
            double e = Double.isFinite(r.error()) ? r.error() : 0;
            double y = n - 1 - i;
            if (Double.isFinite(r.value())) {
                s.add(r.value(), r.value() - e, r.value() + e, y, y, y);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, Palette.qualitative(r.colour()));
            renderer.setSeriesShape(i, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis x = new NumberAxis(p.valueLabel());
        x.setAutoRangeIncludesZero(false);
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            labels.add(p.rows().get(i).label());
        }
        SymbolAxis y = symbolAxis("", labels);
        y.setTickLabelFont(LEGEND);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        p.reference().ifPresent(ref -> {
            ValueMarker line = new ValueMarker(ref.value(), new Color(0x444444),
                    new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            line.setLabel(ref.label());
            line.setLabelFont(LEGEND);
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            line.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
            plot.addDomainMarker(line);
            // Keep the reference in view even when every estimate misses it.
            double lo = ref.value();
            double hi = ref.value();
            for (EstimatePanel.Row r : p.rows()) {
                if (Double.isFinite(r.value())) {
                    double e = Double.isFinite(r.error()) ? r.error() : 0;
                    lo = Math.min(lo, r.value() - e);
                    hi = Math.max(hi, r.value() + e);
                }
            }
            double pad = 0.08 * Math.max(hi - lo, 1e-12);
            x.setRange(lo - pad, hi + pad);
        });
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    private static JFreeChart map(MapPanel p, double plotWidth) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        int cells = 0;
        for (double[] row : p.values()) {
            for (double v : row) {
                cells += Double.isFinite(v) ? 1 : 0;
            }
        }
        double[][] xyz = new double[3][cells];
        int k = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < p.values().length; y++) {
            for (int x = 0; x < p.values()[y].length; x++) {
                double v = p.values()[y][x];
                if (Double.isFinite(v)) {
                    xyz[0][k] = x;
                    xyz[1][k] = y;
                    xyz[2][k] = v;
                    k++;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        data.addSeries(p.valueLabel(), xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        PaintScale scale;
        if (p.isCategorical()) {
            LookupPaintScale lookup = new LookupPaintScale(-0.5, p.categories().size() - 0.5, Palette.GAP);
            for (int c = 0; c < p.categories().size(); c++) {
                lookup.add(c - 0.5, Palette.qualitative(c));
            }
            scale = lookup;
        } else {
            if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                lo = p.low();
                hi = p.high();
            }
            scale = Palette.viridis(cells == 0 ? 0 : lo, cells == 0 ? 1 : hi);
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, symbolAxis(p.xLabel(), p.xTicks()), symbolAxis(p.yLabel(), p.yTicks()), renderer);
        style(plot);
        plot.setBackgroundPaint(Palette.GAP);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, p.isCategorical());
        if (p.isCategorical()) {
            LegendItemCollection items = new LegendItemCollection();
            for (int c = 0; c < p.categories().size(); c++) {
                LegendItem item = new LegendItem(p.categories().get(c), Palette.qualitative(c));
                item.setLabelFont(LEGEND);
                items.add(item);
            }
            plot.setFixedLegendItems(items);
            labelCells(plot, p, plotWidth);
        } else {
            NumberAxis colourAxis = new NumberAxis(p.valueLabel());
            colourAxis.setLabelFont(LABEL);
            colourAxis.setTickLabelFont(TICK);
            if (cells > 0 && hi > lo) {
                colourAxis.setRange(lo, hi);
            }
            PaintScaleLegend bar = new PaintScaleLegend(scale, colourAxis);
            bar.setPosition(RectangleEdge.RIGHT);
            bar.setMargin(new RectangleInsets(8, 8, 8, 8));
            bar.setStripWidth(16);
            bar.setAxisOffset(4);
            chart.addSubtitle(bar);
        }
        return chart;
    }

    /** Writes each cell's phase in it, when the names fit: the map then reads without the legend or colour vision. */
    private static void labelCells(XYPlot plot, MapPanel p, double plotWidth) {
        int longest = p.categories().stream().mapToInt(String::length).max().orElse(0);
        if (longest * CHAR_WIDTH > 0.85 * plotWidth / Math.max(1, p.xTicks().size())) {
            return;
        }
        for (int y = 0; y < p.values().length; y++) {
            for (int x = 0; x < p.values()[y].length; x++) {
                double v = p.values()[y][x];
                if (Double.isFinite(v)) {
                    int c = (int) v;
                    XYTextAnnotation label = new XYTextAnnotation(p.categories().get(c), x, y);
                    label.setFont(CELL);
                    label.setPaint(Palette.textOn(Palette.qualitative(c)));
                    plot.addAnnotation(label);
                }
            }
        }
    }

    /** @param x whether the axis is the x axis (its data range comes from the curves' x) */
    private static ValueAxis axis(PlotAxis a, java.util.List<XYPanel.Curve> curves, boolean x) {
        ValueAxis axis;
        if (a.isCategorical()) {
            return symbolAxis(a.label(), a.categories());
        } else if (a.log()) {
            LogAxis log = new LogAxis(a.label());
            log.setSmallestValue(1e-300);
            // Decades only, written as numbers (0.1, 1, 10) while they are short, else as 1E-5:
            // JFreeChart's default puts ticks at fractional powers of ten (10^0.4).
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (XYPanel.Curve c : curves) {
                for (double v : x ? c.x() : c.y()) {
                    if (v > 0) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(hi / lo < 30 ? 0.25 : 1));
            log.setNumberFormatOverride(lo >= 1e-3 && hi <= 1e5 ? new java.text.DecimalFormat("0.###")
                    : new java.text.DecimalFormat("0E0"));
            axis = log;
        } else {
            NumberAxis n = new NumberAxis(a.label());
            n.setAutoRangeIncludesZero(false);
            axis = n;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        return axis;
    }

    private static SymbolAxis symbolAxis(String label, java.util.List<String> ticks) {
        SymbolAxis axis = new SymbolAxis(label, ticks.toArray(String[]::new));
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.5, ticks.size() - 0.5);
        return axis;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }
}
