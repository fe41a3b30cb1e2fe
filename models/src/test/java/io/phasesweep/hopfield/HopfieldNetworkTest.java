package io.phasesweep.hopfield;

import io.phasesweep.model.Params;
import io.phasesweep.model.TestParams;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stats.Estimate;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact small cases and mean-field results of {@link HopfieldNetwork}: a stored pattern as a fixed
 * point, the single-pattern energy, the overlap bookkeeping, the flip energies, retrieval below and
 * above the Hopfield capacity, and the Curie-Weiss equation of state. Seeds are fixed.
 */
class HopfieldNetworkTest {
    private static final HopfieldNetworkType TYPE = HopfieldNetworkType.INSTANCE;
    /** Agreement within this many standard errors. */
    private static final double K_SIGMA = 4;

    private static Params params(Object... keyValues) {
        return TestParams.of(TYPE, keyValues);
    }

    private static HopfieldNetwork network(Params p, long seed) {
        return (HopfieldNetwork) TYPE.create(p, ReplicaRunner.rng(seed), ReplicaRunner.rng(seed + 1000));
    }

    private static Map<String, Estimate> run(Params p, long seed) {
        return ReplicaRunner.run(TYPE, List.of(p), seed, seed * 31 + 7).members().get(0).scalars();
    }

    @Test
    void patternCountIsRoundedLoadTimesScaleAndAtLeastOne() {
        assertEquals(139, HopfieldNetworkType.patterns(params("N", 1000, "alpha", 0.1385)), "138.5 rounds up");
        assertEquals(138, HopfieldNetworkType.patterns(params("N", 1000, "alpha", 0.138)));
        assertEquals(1, HopfieldNetworkType.patterns(params("N", 1000, "alpha", 1e-6)), "at least one pattern");
        assertEquals(333, HopfieldNetworkType.patterns(params("N", 100, "alpha", 0.2, "p_body", 3)), "0.2 * 100^2 / 3!");
        assertEquals(5208, HopfieldNetworkType.patterns(params("N", 50, "alpha", 1.0, "p_body", 4)), "50^3 / 4!");
        assertEquals(139, run(params("N", 1000, "alpha", 0.1385, "max_sweeps", 3L), 1).get(HopfieldNetworkType.PATTERNS).mean());
    }

    @Test
    void singleStoredPatternIsAFixedPointAtZeroTemperature() {
        Params p = params("N", 200, "alpha", 1e-3);
        HopfieldNetwork net = network(p, 1);
        assertEquals(1, net.patternCount());
        byte[] pattern = net.spins(0);
        assertFalse(net.done());
        net.advance();
        assertTrue(net.done(), "one sweep without a flip");
        assertArrayEquals(pattern, net.spins(0));
        assertEquals(0, net.activeSweeps(0));
        Map<String, Estimate> r = run(p, 2);
        assertEquals(1.0, r.get(HopfieldNetworkType.OVERLAP).mean());
        assertEquals(1.0, r.get(HopfieldNetworkType.RETRIEVED).mean());
        assertEquals(0.0, r.get(HopfieldNetworkType.SWEEPS_TO_FIXED_POINT).mean());
        assertEquals(1, r.get(HopfieldNetworkType.OVERLAP).n(), "one measurement: the fixed point");
    }

    /** The until-done schedule's cap: a descent cut short is measured once where it stopped, with no fixed-point time. */
    @Test
    void sweepCapEndsADescentThatHasNotReachedAFixedPoint() {
        Map<String, Estimate> capped = run(params("N", 400, "alpha", 0.1, "start", "random", "max_sweeps", 1L), 8);
        assertTrue(Double.isNaN(capped.get(HopfieldNetworkType.SWEEPS_TO_FIXED_POINT).mean()));
        assertEquals(1, capped.get(HopfieldNetworkType.OVERLAP).n());
        Map<String, Estimate> free = run(params("N", 400, "alpha", 0.1, "start", "random"), 8);
        double sweeps = free.get(HopfieldNetworkType.SWEEPS_TO_FIXED_POINT).mean();
        assertTrue(sweeps >= 2 && sweeps < 100, "a random start needs a few sweeps: " + sweeps);
        assertEquals(1, free.get(HopfieldNetworkType.OVERLAP).n());
    }

    @Test
    void singlePatternIsRetrievedFromTwentyPercentFlipped() {
        Params p = params("N", 200, "alpha", 1e-3, "flip", 0.2);
        HopfieldNetwork net = network(p, 3);
        assertEquals(200 - 2 * 40, Math.abs(net.overlaps(0)[0]), "exactly round(0.2 N) bits flipped");
        Map<String, Estimate> r = run(p, 4);
        assertEquals(1.0, r.get(HopfieldNetworkType.OVERLAP).mean());
        assertEquals(1.0, r.get(HopfieldNetworkType.Q).mean(), "both replicas reach the pattern");
        // One sweep aligns every neuron with m_1 > 0; the second finds nothing to flip.
        assertEquals(1.0, r.get(HopfieldNetworkType.SWEEPS_TO_FIXED_POINT).mean());
    }

    @Test
    void energyOfOnePatternIsMinusHalfNTimesOverlapSquared() {
        int n = 100;
        HopfieldNetwork net = network(params("N", n, "alpha", 1e-3, "start", "random"), 5);
        UniformRandomProvider rng = ReplicaRunner.rng(6);
        for (int k = 0; k < 500; k++) {
            net.flip(0, rng.nextInt(n));
            double m = (double) net.overlaps(0)[0] / n;
            assertEquals(-n * m * m / 2, n * net.energyPerNeuron(0), 1e-12);
            assertEquals(-n * m * m / 2, net.energyFromScratch(0), 1e-12);
        }
    }

    @Test
    void overlapBookkeepingEqualsRecomputationAfterManyRandomFlips() {
        for (int body : new int[]{2, 3, 4}) {
            int n = 40;
            HopfieldNetwork net = network(params("N", n, "alpha", 0.5, "p_body", body, "start", "random"), 7 + body);
            assertTrue(net.patternCount() > 10, "p = " + body + ": P = " + net.patternCount());
            UniformRandomProvider rng = ReplicaRunner.rng(body);
            for (int k = 0; k < 20_000; k++) {
                net.flip(k & 1, rng.nextInt(n));
            }
            for (int r = 0; r < 2; r++) {
                assertArrayEquals(net.overlapsFromScratch(r), net.overlaps(r), "p = " + body + ", replica " + r);
            }
            // The sweeps too: heat-bath flips go through the same bookkeeping.
            HopfieldNetwork hot = network(params("N", n, "alpha", 0.5, "p_body", body, "T", 0.7), 11 + body);
            for (int k = 0; k < 200; k++) {
                hot.advance();
            }
            assertArrayEquals(hot.overlapsFromScratch(1), hot.overlaps(1), "p = " + body + " after sweeps");
        }
    }

    @Test
    void energyChangeFromOverlapsEqualsDifferenceOfFullEnergies() {
        for (int body : new int[]{2, 3, 4}) {
            int n = 30;
            HopfieldNetwork net = network(params("N", n, "alpha", 0.8, "p_body", body, "start", "random"), 20 + body);
            UniformRandomProvider rng = ReplicaRunner.rng(30 + body);
            int downhill = 0;
            for (int k = 0; k < 2000; k++) {
                int i = rng.nextInt(n);
                double predicted = net.flipEnergyChange(0, i);
                double before = net.energyFromScratch(0);
                net.flip(0, i);
                double after = net.energyFromScratch(0);
                assertEquals(after - before, predicted, 1e-9 * Math.max(1, Math.abs(before)), "p = " + body + ", flip " + k);
                downhill += predicted < 0 ? 1 : 0;
            }
            assertTrue(downhill > 100 && downhill < 1900, "both signs tested: " + downhill);
        }
    }

    /** p = 2: the diagonal of J is the constant -P/2 in H, so every flip costs what it costs with J_ii = 0. */
    @Test
    void pairwiseFlipEnergiesAreThoseOfTheHebbMatrixWithoutDiagonal() {
        int n = 30;
        HopfieldNetwork net = network(params("N", n, "alpha", 0.2, "start", "random"), 50);
        int patterns = net.patternCount();
        byte[] xi = net.patternBits();
        double[][] j = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int mu = 0; mu < patterns && a != b; mu++) {
                    j[a][b] += (double) xi[a * patterns + mu] * xi[b * patterns + mu] / n;
                }
            }
        }
        UniformRandomProvider rng = ReplicaRunner.rng(51);
        for (int k = 0; k < 500; k++) {
            byte[] s = net.spins(0);
            int i = rng.nextInt(n);
            double field = 0;
            for (int b = 0; b < n; b++) {
                field += j[i][b] * s[b];
            }
            assertEquals(2 * s[i] * field, net.flipEnergyChange(0, i), 1e-12, "flip " + k);
            net.flip(0, i);
        }
    }

    @Test
    void patternsDependOnTheDisorderSeedAloneNotOnTemperatureOrStart() {
        byte[] cold = network(params("N", 50, "alpha", 0.2), 1).patternBits();
        assertArrayEquals(cold, network(params("N", 50, "alpha", 0.2, "T", 0.9, "start", "random"), 1).patternBits());
        HopfieldNetwork otherHistory = (HopfieldNetwork) TYPE.create(params("N", 50, "alpha", 0.2),
                ReplicaRunner.rng(99), ReplicaRunner.rng(1001));
        assertArrayEquals(cold, otherHistory.patternBits());
    }

    /** Mean overlap over a few tasks (each with its own patterns) at p = 2, T = 0, N = 1000, from the pattern. */
    private static double zeroTemperatureOverlap(double alpha) {
        double sum = 0;
        int tasks = 4;
        for (int seed = 1; seed <= tasks; seed++) {
            sum += run(params("N", 1000, "alpha", alpha), seed).get(HopfieldNetworkType.OVERLAP).mean();
        }
        return sum / tasks;
    }

    @Test
    void storedPatternsAreRetrievedBelowCapacityAndLostAbove() {
        double low = zeroTemperatureOverlap(0.05);
        double high = zeroTemperatureOverlap(0.25);
        assertTrue(low > 0.95, "alpha = 0.05: overlap " + low);
        assertTrue(high < 0.6, "alpha = 0.25: overlap " + high);
    }

    /** Root of m = tanh(m / T) in (0, 1], T < 1. */
    private static double curieWeiss(double t) {
        return new BrentSolver(1e-12).solve(200, m -> m - Math.tanh(m / t), 1e-3, 1.0);
    }

    /**
     * One pattern is a Curie-Weiss magnet in the gauge s_i -> xi_i s_i. At N = 2000 the finite-size
     * shift of the mean |m| is O(1/N) ~ 1e-3, and the statistical error is checked to be below
     * 0.01 / K_SIGMA, so a 0.01 tolerance tests the equation of state and can still fail.
     */
    @Test
    void retrievalOverlapSolvesTheCurieWeissEquation() {
        for (double t : new double[]{0.5, 0.8}) {
            Map<String, Estimate> r = run(params("N", 2000, "alpha", 1e-4, "T", t, "thermalization", 200L,
                    "sweeps", 2000L), 40);
            Estimate m = r.get(HopfieldNetworkType.OVERLAP);
            double exact = curieWeiss(t);
            assertTrue(m.stderr() < 0.01 / K_SIGMA, "T = " + t + ": error " + m.stderr());
            assertEquals(exact, m.mean(), 0.01, "T = " + t + ": " + m + " vs m* = " + exact);
        }
    }

    /**
     * Close to T = 1 the finite-size shift dominates (the issue allows 0.03 at T = 0.95): with this
     * seed the mean |m| sits 0.023 below m* = 0.3795 at N = 2000 and 0.013 below at N = 4000 (about
     * N^(-1/2)), with a statistical error of 0.002; N = 4000 keeps the check clear of its tolerance.
     */
    @Test
    void retrievalOverlapNearTheCurieWeissTemperature() {
        double t = 0.95;
        Map<String, Estimate> r = run(params("N", 4000, "alpha", 1e-4, "T", t, "thermalization", 500L,
                "sweeps", 4000L), 42);
        Estimate m = r.get(HopfieldNetworkType.OVERLAP);
        double exact = curieWeiss(t);
        assertTrue(m.stderr() < 0.03 / K_SIGMA, "error " + m.stderr());
        assertEquals(exact, m.mean(), 0.03, m + " vs m* = " + exact);
    }

    /**
     * Above T = 1 the overlap is Gaussian with variance T / (N (T - 1)) (Curie-Weiss susceptibility),
     * so the mean |m| is sqrt(2 T / (pi N (T - 1))) = 0.037 at N = 2000, T = 1.3.
     */
    @Test
    void overlapVanishesAboveTheCurieWeissTemperature() {
        double t = 1.3;
        int n = 2000;
        Map<String, Estimate> r = run(params("N", n, "alpha", 1e-4, "T", t, "thermalization", 200L,
                "sweeps", 3000L), 41);
        Estimate m = r.get(HopfieldNetworkType.OVERLAP);
        double gaussian = Math.sqrt(2 * t / (Math.PI * n * (t - 1)));
        assertEquals(gaussian, m.mean(), Math.max(K_SIGMA * m.stderr(), 0.1 * gaussian), m + " vs " + gaussian);
        assertTrue(m.mean() < 0.06, "near zero on the 1/sqrt(N) scale: " + m);
    }
}
