package io.phasesweep.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinningAccumulatorTest {

    /** AR(1) with unit variance: x_t = rho x_{t-1} + sqrt(1 - rho^2) xi_t; tau_int = (1 + rho) / (2 (1 - rho)). */
    static BinningAccumulator ar1(double rho, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BinningAccumulator acc = new BinningAccumulator();
        double x = nextGaussian(rng);
        double noise = Math.sqrt(1 - rho * rho);
        for (int t = 0; t < n; t++) {
            acc.add(x);
            x = rho * x + noise * nextGaussian(rng);
        }
        return acc;
    }

    private static double nextGaussian(SplittableRandom rng) {
        return rng.nextGaussian();
    }

    @Test
    void errorAndTauMatchAr1AnalyticValues() {
        double rho = 0.9;
        int n = 1 << 22;
        double tau = (1 + rho) / (2 * (1 - rho));
        Estimate e = ar1(rho, n, 42).estimate();
        double exactError = Math.sqrt(2 * tau / n);
        // At the plateau level there are >= 64 bins: the error itself is uncertain by ~9%, so 30% is > 3 sigma.
        assertEquals(exactError, e.stderr(), 0.3 * exactError);
        assertEquals(tau, e.tauInt(), 0.3 * tau * 2);
        assertEquals(n, e.n());
    }

    @Test
    void errorBarsCoverTheTrueMeanAtTheNominalRate() {
        int sets = 400;
        int covered = 0;
        for (int s = 0; s < sets; s++) {
            Estimate e = ar1(0.8, 1 << 14, 1000 + s).estimate();
            if (Math.abs(e.mean()) < e.stderr()) {
                covered++;
            }
        }
        // Nominal 68.3% for one sigma; binomial sd over 400 sets is 2.3%. Binning underestimates
        // slightly (finite bins), so accept 58%..76%.
        double rate = covered / (double) sets;
        assertTrue(rate > 0.58 && rate < 0.76, "one-sigma coverage " + rate);
    }

    @Test
    void uncorrelatedDataHaveTauOneHalf() {
        Estimate e = ar1(0.0, 1 << 18, 3).estimate();
        assertEquals(0.5, e.tauInt(), 0.15);
        assertEquals(Math.sqrt(1.0 / (1 << 18)), e.stderr(), 0.2 * Math.sqrt(1.0 / (1 << 18)));
    }

    @Test
    void constantSeriesHasZeroErrorAndNoTau() {
        BinningAccumulator acc = new BinningAccumulator();
        for (int i = 0; i < 1000; i++) {
            acc.add(-1.75);
        }
        Estimate e = acc.estimate();
        assertEquals(-1.75, e.mean());
        assertEquals(0.0, e.stderr());
        assertTrue(Double.isNaN(e.tauInt()));
    }

    @Test
    void jackknifeBlocksAreMeansOfEqualConsecutiveRunsAndDoubleWhenFull() {
        BinningAccumulator acc = new BinningAccumulator();
        int n = 1000;
        for (int i = 0; i < n; i++) {
            acc.add(i * i);
        }
        double[] blocks = acc.blockMeans();
        // 1000 values: blocks of 16 (64 blocks of 16 would need 1024), 62 complete ones; 8 left over.
        assertEquals(62, blocks.length);
        for (int b = 0; b < blocks.length; b++) {
            double sum = 0;
            for (int i = 16 * b; i < 16 * (b + 1); i++) {
                sum += (double) i * i;
            }
            assertEquals(sum / 16, blocks[b], 0.0, "block " + b);
        }
        BinningAccumulator few = new BinningAccumulator();
        few.add(2.0);
        few.add(5.0);
        assertEquals(2, few.blockMeans().length);
        assertEquals(5.0, few.blockMeans()[1]);
    }

    @Test
    void jackknifeOverBlocksGivesTheAr1ErrorOfTheMean() {
        double rho = 0.9;
        int n = 1 << 20;
        double tau = (1 + rho) / (2 * (1 - rho));
        double[] blocks = ar1(rho, n, 7).blockMeans();
        assertTrue(blocks.length >= BinningAccumulator.JACKKNIFE_BLOCKS && blocks.length <= 2 * BinningAccumulator.JACKKNIFE_BLOCKS);
        double[][] samples = new double[blocks.length][];
        for (int i = 0; i < blocks.length; i++) {
            samples[i] = new double[]{blocks[i]};
        }
        Estimate e = Jackknife.of(samples, v -> v[0] * v[0] + 3 * v[0]);
        // d/dx (x^2 + 3x) = 3 at the true mean 0, so the error is 3 sqrt(2 tau / n). With B >= 32
        // blocks the error itself is uncertain by 1/sqrt(2(B-1)) <= 13%: 40% is over 3 sigma, while
        // unblocked data (blocks shorter than tau ~ 10) would be off by a factor sqrt(2 tau) = 4.4.
        double exact = 3 * Math.sqrt(2 * tau / n);
        assertEquals(exact, e.stderr(), 0.4 * exact);
    }
}
