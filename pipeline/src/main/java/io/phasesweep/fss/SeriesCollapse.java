package io.phasesweep.fss;

import java.util.ArrayList;
import java.util.List;

/**
 * How well the series of several grid points fall on one curve when time is read in each point's
 * own unit (e.g. a local growth exponent against t / t_cross): the Houdayer-Hartmann quality S of
 * {@link DataCollapse#quality} with no free parameter, each curve's time divided by its scale. S is
 * the mean squared distance of a curve's points from the other curves at the same scaled time, in
 * units of the combined errors: about 1 where the curves agree within their errors, much larger
 * where they do not. {@link #unscaled} is the same measure with every scale 1, the reference that
 * says whether the scaling did anything.
 */
public final class SeriesCollapse {

    /** One point's series: times ascending, values and errors, its time unit and where the form starts. */
    public record Series(double[] t, double[] y, double[] dy, double scale, double validFrom) {
    }

    /** The quality S and how many points entered it (those with another curve on both sides). */
    public record Quality(double s, int curves, int samples) {
    }

    private SeriesCollapse() {
    }

    public static Quality scaled(List<Series> series) {
        return quality(series, true);
    }

    public static Quality unscaled(List<Series> series) {
        return quality(series, false);
    }

    private static Quality quality(List<Series> series, boolean scaled) {
        List<Curve> curves = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        int samples = 0;
        for (Series s : series) {
            if (!(s.scale() > 0) || !Double.isFinite(s.scale())) {
                continue;
            }
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < s.t().length; i++) {
                if (s.t()[i] >= s.validFrom() && Double.isFinite(s.y()[i]) && s.dy()[i] > 0 && Double.isFinite(s.dy()[i])) {
                    kept.add(new double[]{s.t()[i], s.y()[i], s.dy()[i]});
                }
            }
            if (kept.size() < 2) {
                continue;
            }
            curves.add(new Curve(kept.stream().mapToDouble(k -> k[0]).toArray(), kept.stream().mapToDouble(k -> k[1]).toArray(),
                    kept.stream().mapToDouble(k -> k[2]).toArray()));
            sizes.add(scaled ? 1 / s.scale() : 1.0);
            samples += kept.size();
        }
        if (curves.size() < 2) {
            return new Quality(Double.NaN, curves.size(), samples);
        }
        // x = (t - 0) * size^1: the time in units of the scale.
        double s = DataCollapse.quality(sizes.stream().mapToDouble(Double::doubleValue).toArray(), curves, 0, new double[]{0, 1});
        return new Quality(Double.isInfinite(s) ? Double.NaN : s, curves.size(), samples);
    }
}
