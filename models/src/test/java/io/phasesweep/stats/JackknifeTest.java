package io.phasesweep.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JackknifeTest {

    @Test
    void linearFunctionGivesTheStandardErrorOfTheMean() {
        double[][] x = {{1.0}, {2.0}, {4.0}, {7.0}};
        Estimate e = Jackknife.of(x, v -> v[0]);
        double mean = 3.5;
        double ss = 6.25 + 2.25 + 0.25 + 12.25;
        assertEquals(mean, e.mean(), 1e-15);
        assertEquals(Math.sqrt(ss / 3 / 4), e.stderr(), 1e-12);
    }

    @Test
    void squareOfMeanFollowsTheDeltaMethod() {
        // f = mu^2 with mu = 3, sigma = 1: err(f) = 2 |mu| sigma / sqrt(R) for large R.
        SplittableRandom rng = new SplittableRandom(9);
        int r = 20_000;
        double[][] x = new double[r][1];
        for (int i = 0; i < r; i++) {
            x[i][0] = 3.0 + rng.nextGaussian();
        }
        Estimate e = Jackknife.of(x, v -> v[0] * v[0]);
        assertEquals(6.0 / Math.sqrt(r), e.stderr(), 0.05 * 6.0 / Math.sqrt(r));
        assertTrue(Math.abs(e.mean() - 9.0) < 4 * e.stderr());
    }

    @Test
    void oneSampleHasNoError() {
        Estimate e = Jackknife.of(new double[][]{{2.0, 3.0}}, v -> v[0] * v[1]);
        assertEquals(6.0, e.mean());
        assertTrue(Double.isNaN(e.stderr()));
    }
}
