package io.phasesweep.fss;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesCollapseTest {
    private static final double ERROR = 0.005;

    /** A crossover from 1/4 to 1/3 in x = t / t_x, as beta_eff makes it. */
    private static double master(double x) {
        return 0.25 + (1.0 / 12) * x / (1 + x);
    }

    private static List<SeriesCollapse.Series> curves(double[] scales, boolean shifted, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SeriesCollapse.Series> out = new ArrayList<>();
        for (double scale : scales) {
            int n = 30;
            double[] t = new double[n];
            double[] y = new double[n];
            double[] dy = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Math.pow(10, 4.0 * i / (n - 1));
                double x = shifted ? t[i] / scale : t[i] / 30;
                y[i] = master(x) + ERROR * rng.nextGaussian();
                dy[i] = ERROR;
            }
            out.add(new SeriesCollapse.Series(t, y, dy, scale, 2.0));
        }
        return out;
    }

    @Test
    void curvesOfOneScalingFormCollapseWithinTheirErrors() {
        double[] scales = {10, 30, 100, 300};
        List<SeriesCollapse.Series> series = curves(scales, true, 7);
        SeriesCollapse.Quality q = SeriesCollapse.scaled(series);
        assertEquals(4, q.curves());
        // Gaussian errors of the stated size: S is about 1 (1 + the interpolant's share), never 3.
        assertTrue(q.s() > 0.5 && q.s() < 2.0, "S = " + q.s());
        // Against t itself the same curves are far apart (S = 12 here: the curves differ by up to 16
        // errors mid-crossover and agree at both ends): the scaling is what collapses them.
        assertTrue(SeriesCollapse.unscaled(series).s() > 8, "unscaled S = " + SeriesCollapse.unscaled(series).s());
    }

    @Test
    void wrongScalesDoNotCollapse() {
        // Every curve made with t_x = 30 but declared with different scales: the scaled curves part.
        List<SeriesCollapse.Series> series = curves(new double[]{10, 30, 100, 300}, false, 8);
        assertTrue(SeriesCollapse.scaled(series).s() > 8, "S = " + SeriesCollapse.scaled(series).s());
        assertTrue(SeriesCollapse.unscaled(series).s() < 2.0, "unscaled S = " + SeriesCollapse.unscaled(series).s());
    }

    @Test
    void samplesBeforeTheValidTimeAndWithoutErrorsAreLeftOut() {
        double[] t = {1, 2, 4, 8};
        SeriesCollapse.Series a = new SeriesCollapse.Series(t, new double[]{9, 0.3, 0.3, 0.3}, new double[]{0.01, 0.01, Double.NaN, 0.01}, 1, 2);
        SeriesCollapse.Series b = new SeriesCollapse.Series(t, new double[]{9, 0.3, 0.3, 0.3}, new double[]{0.01, 0.01, 0.01, 0.01}, 1, 2);
        assertEquals(5, SeriesCollapse.scaled(List.of(a, b)).samples());
    }
}
