package io.phasesweep.plot;

import java.util.List;

/**
 * Curves with error bars against one axis.
 *
 * @param curves  data, each drawn in the colour of its {@link Curve#colour()} with error bars
 * @param fits    fitted lines drawn dashed over the data (a growth law over its window)
 * @param markers vertical lines or bands (a critical point with its error, a reference value)
 */
public record XYPanel(String title, PlotAxis x, PlotAxis y, List<Curve> curves, List<Curve> fits, List<Marker> markers)
        implements Panel {
    public XYPanel {
        curves = List.copyOf(curves);
        fits = List.copyOf(fits);
        markers = List.copyOf(markers);
    }

    /**
     * One curve: NaN in y leaves a gap (a failed or undefined grid point). An error of NaN draws no bar.
     *
     * @param colour index into the palette, the same for the same legend value in every panel
     */
    public record Curve(String label, double[] x, double[] y, double[] err, int colour) {
        public Curve {
            if (x.length != y.length || x.length != err.length) {
                throw new IllegalArgumentException(label + ": x, y and err differ in length");
            }
        }
    }

    /**
     * A vertical line at {@code x}, shaded from {@code low} to {@code high} when they differ.
     *
     * @param dashed a reference value (exact or published) rather than a measured one
     */
    public record Marker(String label, double x, double low, double high, boolean dashed) {
    }
}
