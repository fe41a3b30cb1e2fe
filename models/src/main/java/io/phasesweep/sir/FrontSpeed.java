package io.phasesweep.sir;

import io.phasesweep.model.SeriesQuantity;

import java.util.List;

/**
 * The speed of the infection front: the least-squares slope of the replica-mean front radius
 * R(t) against t over its linear part, taken as the output times at which R lies between
 * {@value #FROM} and {@value #TO} of its largest value (after the seed's neighbourhood, before the
 * front reaches the far side of the box and saturates). Error: that of the two-point slope between
 * the window's ends, hypot(dR_a, dR_b) / (t_b - t_a), an upper bound since the radii at different
 * times come from the same replicas (as in the contact process's decay slopes). NaN with fewer than
 * {@value #MIN_POINTS} points in the window.
 *
 * <p>With long-range edges (power-law kernel, or ell comparable with the box) the front jumps and
 * R(t) need not have a linear part; the number is then only a descriptive slope.
 */
final class FrontSpeed {
    static final double FROM = 0.2;
    static final double TO = 0.8;
    static final int MIN_POINTS = 3;

    private FrontSpeed() {
    }

    static SeriesQuantity.Value of(String name, double[] t, double[] r, double[] dr) {
        double largest = 0;
        for (double v : r) {
            largest = Math.max(largest, v);
        }
        int a = -1;
        int b = -1;
        double sumT = 0;
        double sumR = 0;
        double sumTT = 0;
        double sumTR = 0;
        int n = 0;
        for (int k = 0; k < t.length; k++) {
            if (r[k] >= FROM * largest && r[k] <= TO * largest && largest > 0) {
                if (a < 0) {
                    a = k;
                }
                b = k;
                sumT += t[k];
                sumR += r[k];
                sumTT += t[k] * t[k];
                sumTR += t[k] * r[k];
                n++;
            }
        }
        if (n < MIN_POINTS) {
            return new SeriesQuantity.Value(name, Double.NaN, Double.NaN);
        }
        double slope = (n * sumTR - sumT * sumR) / (n * sumTT - sumT * sumT);
        double error = Math.hypot(dr[a], dr[b]) / (t[b] - t[a]);
        return new SeriesQuantity.Value(name, slope, Double.isFinite(error) ? error : Double.NaN);
    }

    /** {@code front_speed} from the {@code front_radius} series. */
    static SeriesQuantity quantity() {
        return new SeriesQuantity(SirNetworkType.FRONT_RADIUS,
                (t, mean, stderr, p) -> List.of(of(SirNetworkType.FRONT_SPEED, t, mean, stderr)));
    }
}
