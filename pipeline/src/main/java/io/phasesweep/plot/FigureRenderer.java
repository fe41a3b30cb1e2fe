package io.phasesweep.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Draws a figure: its title, its panels in a grid (one large panel, or up to three small ones a
 * row; estimate panels stacked full width) and its caption, sized to be read on a laptop screen at 100 % (a lone panel is 1000 pixels
 * wide, text 13 to 20 points). PNG or SVG, from the same drawing code.
 */
public final class FigureRenderer {
    /** The output formats of {@code plot --format}. */
    public enum Format {
        PNG("png"), SVG("svg");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private static final int SINGLE_WIDTH = 1000;
    private static final int SINGLE_HEIGHT = 620;
    private static final int SMALL_WIDTH = 520;
    private static final int SMALL_HEIGHT = 400;
    private static final int MAX_COLUMNS = 3;
    /** Height of an estimates panel: its title and value axis, plus one row per estimate. */
    private static final int ESTIMATE_PANEL_BASE = 110;
    private static final int ESTIMATE_ROW = 30;
    private static final int MARGIN = 16;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Longest caption shown on a figure; the report prints captions in full beside it. */
    private static final int MAX_LINES = 12;

    private FigureRenderer() {
    }

    public static byte[] render(Figure figure, Format format) {
        Layout layout = layout(figure);
        if (format == Format.SVG) {
            SVGGraphics2D g = new SVGGraphics2D(layout.width(), layout.height());
            draw(g, figure, layout);
            return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        }
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, figure, layout);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + figure.name() + " as PNG", e);
        }
        return out.toByteArray();
    }

    /** Where everything goes: panel grid, title and caption heights, total size. */
    /**
     * Where everything goes: each panel's box (below the title), the title and caption heights,
     * the panels' total width and height.
     */
    private record Layout(List<Rectangle2D> boxes, int panelsWidth, int panelsHeight, int titleHeight, int captionHeight) {
        int width() {
            return panelsWidth + 2 * MARGIN;
        }

        int height() {
            return titleHeight + panelsHeight + captionHeight + 2 * MARGIN;
        }
    }

    private static Layout layout(Figure f) {
        int n = f.panels().size();
        List<Rectangle2D> boxes = new java.util.ArrayList<>();
        int width;
        int height;
        if (f.panels().stream().allMatch(p -> p instanceof EstimatePanel)) {
            // Rows of estimates with their labels read best full width, stacked, each as tall as its rows.
            width = SINGLE_WIDTH;
            height = 0;
            for (Panel p : f.panels()) {
                int h = ESTIMATE_PANEL_BASE + ESTIMATE_ROW * ((EstimatePanel) p).rows().size();
                boxes.add(new Rectangle2D.Double(0, height, width, h));
                height += h;
            }
        } else {
            int columns = n == 1 ? 1 : n == 2 || n == 4 ? 2 : MAX_COLUMNS;
            int rows = (n + columns - 1) / columns;
            int panelWidth = n == 1 ? SINGLE_WIDTH : SMALL_WIDTH;
            int panelHeight = n == 1 ? SINGLE_HEIGHT : SMALL_HEIGHT;
            for (int i = 0; i < n; i++) {
                boxes.add(new Rectangle2D.Double((i % columns) * panelWidth, (i / columns) * panelHeight, panelWidth, panelHeight));
            }
            width = columns * panelWidth;
            height = rows * panelHeight;
        }
        return new Layout(boxes, width, height, (int) Math.ceil(textHeight(title(f, width))) + 12,
                f.caption().isEmpty() ? 0 : (int) Math.ceil(textHeight(caption(f, width - 16))) + 12);
    }

    /** The same text hints for measuring and drawing, so wrapped lines are as wide as measured. */
    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private static void draw(Graphics2D g, Figure f, Layout l) {
        hints(g);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, l.width(), l.height());
        int inner = l.width() - 2 * MARGIN;
        title(f, inner).draw(g, MARGIN + inner / 2f, MARGIN + 4, TextBlockAnchor.TOP_CENTER);
        List<Panel> panels = f.panels();
        boolean small = panels.size() > 1;
        for (int i = 0; i < panels.size(); i++) {
            Rectangle2D box = l.boxes().get(i);
            JFreeChart chart = PanelCharts.chart(panels.get(i), small, box.getWidth() * 0.8);
            chart.draw(g, new Rectangle2D.Double(MARGIN + box.getX(), MARGIN + l.titleHeight() + box.getY(),
                    box.getWidth(), box.getHeight()));
        }
        if (!f.caption().isEmpty()) {
            caption(f, inner - 16).draw(g, MARGIN + 8, MARGIN + l.titleHeight() + l.panelsHeight() + 8, TextBlockAnchor.TOP_LEFT);
        }
    }

    private static TextBlock title(Figure f, double width) {
        return block(f.title(), TITLE, width, HorizontalAlignment.CENTER);
    }

    private static TextBlock caption(Figure f, double width) {
        return block(f.caption(), CAPTION, width, HorizontalAlignment.LEFT);
    }

    private static TextBlock block(String text, Font font, double width, HorizontalAlignment alignment) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        hints(g);
        // G2TextMeasurer measures in the graphics' current font, not the block's.
        g.setFont(font);
        try {
            TextBlock b = TextUtils.createTextBlock(text, font, Color.BLACK, (float) width, MAX_LINES, new G2TextMeasurer(g));
            b.setLineAlignment(alignment);
            return b;
        } finally {
            g.dispose();
        }
    }

    /** Height of a wrapped text block, measured with a throw-away image's font metrics. */
    private static double textHeight(TextBlock b) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        hints(g);
        try {
            return b.calculateDimensions(g).height;
        } finally {
            g.dispose();
        }
    }
}
