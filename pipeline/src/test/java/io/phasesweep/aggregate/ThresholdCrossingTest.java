package io.phasesweep.aggregate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdCrossingTest {

    /** y = 10^-(x - 1): crosses 10^-3 at x = 4 exactly, which ln-interpolation recovers from any bracket. */
    @Test
    void anExponentialFallIsLocatedExactly() {
        double[] x = {1, 2, 3.5, 5, 6};
        double[] y = new double[x.length];
        double[] dy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.pow(10, -(x[i] - 1));
            dy[i] = 0.1 * y[i];
        }
        ThresholdCrossing.Result r = ThresholdCrossing.find(x, y, dy, 1e-3);
        assertEquals(4, r.estimate(), 1e-12);
        assertEquals(3.5, r.low());
        assertEquals(5, r.high());
        assertEquals(1, r.crossings());
        // 10 % errors are 0.1 in ln y, and ln y falls by ln 10 per unit x: the crossing at 1/3 of the
        // bracket moves by 2/3 and 1/3 of the two ends' shifts, 0.1 / ln 10 each.
        assertEquals(Math.hypot(2.0 / 3, 1.0 / 3) * 0.1 / Math.log(10), r.stderr(), 1e-12);
    }

    @Test
    void aZeroOnOneSideGivesTheBracketMidpointWithItsResolution() {
        ThresholdCrossing.Result r = ThresholdCrossing.find(new double[]{0.5, 1.0, 1.5}, new double[]{0.2, 0.01, 0},
                new double[]{0.01, 0.001, 0}, 1e-3);
        assertEquals(1.25, r.estimate(), 1e-12);
        assertEquals(0.5 / Math.sqrt(12), r.stderr(), 1e-12);
    }

    @Test
    void noCrossingIsNaNAndSeveralAreCounted() {
        assertTrue(Double.isNaN(ThresholdCrossing.find(new double[]{1, 2, 3}, new double[]{1, 1, 1}, new double[]{0, 0, 0}, 0.5)
                .estimate()));
        ThresholdCrossing.Result r = ThresholdCrossing.find(new double[]{1, 2, 3, 4}, new double[]{1, 0.1, 1, 0.1},
                new double[]{0, 0, 0, 0}, 0.5);
        assertEquals(3, r.crossings());
        assertEquals(3, r.low(), "the last crossing along the axis");
    }
}
