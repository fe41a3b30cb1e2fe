package io.phasesweep.plot;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * Colours: a qualitative palette for curves and phases (matplotlib's tab10, whose first
 * {@link CurveLayout#MAX_CURVES} colours stay distinct on screens and in print), and viridis
 * for heat maps (perceptually uniform, readable in grey and by colour-blind readers).
 */
final class Palette {
    private static final Color[] QUALITATIVE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    /** viridis at 0, 1/8, ..., 1 (matplotlib's table): linear in between is indistinguishable at this spacing. */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x46327e), new Color(0x365c8d), new Color(0x277f8e), new Color(0x1fa187),
        new Color(0x4ac16d), new Color(0xa0da39), new Color(0xd0e11c), new Color(0xfde725)};
    /** Cells without a value: a light grey distinct from every colour of both palettes. */
    static final Color GAP = new Color(0xe4e4e4);

    private Palette() {
    }

    static Color qualitative(int i) {
        return QUALITATIVE[Math.floorMod(i, QUALITATIVE.length)];
    }

    static int qualitativeSize() {
        return QUALITATIVE.length;
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 140 ? Color.BLACK : Color.WHITE;
    }

    /** viridis from {@code lower} to {@code upper}; values outside are clamped. */
    static PaintScale viridis(double lower, double upper) {
        return new ViridisScale(lower, upper);
    }

    private record ViridisScale(double lower, double upper) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double f = upper > lower ? (value - lower) / (upper - lower) : 0.5;
            f = Math.max(0, Math.min(1, Double.isFinite(f) ? f : 0));
            double pos = f * (VIRIDIS.length - 1);
            int i = Math.min((int) pos, VIRIDIS.length - 2);
            double t = pos - i;
            Color a = VIRIDIS[i];
            Color b = VIRIDIS[i + 1];
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }
}
