package io.phasesweep.fss;

import io.phasesweep.model.Scaling;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.phasesweep.fss.SyntheticScaling.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every estimator recovers known x_c and exponents from data that scale exactly, within its errors. */
class FssAnalysisTest {
    /** Recovered values must lie within K_SIGMA bootstrap errors of the truth. */
    static final double K_SIGMA = 3.0;
    static final FssAnalysis.Settings SETTINGS = new FssAnalysis.Settings(1.8, 2.2, 60, 1);

    static void assertRecovered(double truth, FssAnalysis.Result r) {
        assertTrue(r.stderr() > 0, r + ": an error bar of zero cannot be tested");
        assertTrue(Math.abs(r.estimate() - truth) < K_SIGMA * r.stderr(),
                String.format("%s by %s: %.5f +- %.5f vs %.5f", r.quantity(), r.method(), r.estimate(), r.stderr(), truth));
    }

    @Test
    void binderCrossingsExtrapolateToTheCriticalPoint() {
        var q = SyntheticScaling.quantity("binder", Scaling.invariant(), 0, SyntheticScaling.INVARIANT, 0.002, 11);
        List<FssAnalysis.Result> rs = FssAnalysis.run(List.of(q), SETTINGS);
        assertEquals(3, rs.stream().filter(r -> r.quantity().equals("crossing")).count());
        FssAnalysis.Result xc = find(rs, "critical_point", "crossing_extrapolation");
        assertRecovered(SyntheticScaling.XC, xc);
        assertTrue(xc.stderr() < 0.01, "a precise estimate: " + xc.stderr());
        assertEquals("8,16,32,64", xc.sizes());
    }

    @Test
    void collapseOfAnInvariantQuantityGivesCriticalPointAndNu() {
        var q = SyntheticScaling.quantity("binder", Scaling.invariant(), 0, SyntheticScaling.INVARIANT, 0.003, 12);
        List<FssAnalysis.Result> rs = FssAnalysis.run(List.of(q), SETTINGS);
        assertRecovered(SyntheticScaling.XC, find(rs, "critical_point", "collapse"));
        assertRecovered(SyntheticScaling.NU, find(rs, "nu", "collapse"));
        double quality = find(rs, "nu", "collapse").chi2PerDof();
        assertTrue(quality > 0.3 && quality < 3, "a collapse within errors has S ~ 1: " + quality);
    }

    @Test
    void collapseOfAGrowingQuantityGivesItsExponent() {
        var q = SyntheticScaling.quantity("susceptibility", Scaling.growing("gamma_over_nu"), 1.75,
                SyntheticScaling.PEAKED, 0.003, 13);
        List<FssAnalysis.Result> rs = FssAnalysis.run(List.of(q), SETTINGS);
        assertRecovered(1.75, find(rs, "gamma_over_nu", "collapse"));
        assertRecovered(SyntheticScaling.NU, find(rs, "nu", "collapse"));
        assertRecovered(SyntheticScaling.XC, find(rs, "critical_point", "collapse"));
    }

    @Test
    void collapseOfAShrinkingQuantityGivesItsExponent() {
        var q = SyntheticScaling.quantity("abs_magnetization", Scaling.shrinking("beta_over_nu"), 0.125,
                SyntheticScaling.STEP, 0.002, 14);
        List<FssAnalysis.Result> rs = FssAnalysis.run(List.of(q), SETTINGS);
        assertRecovered(0.125, find(rs, "beta_over_nu", "collapse"));
        assertRecovered(SyntheticScaling.XC, find(rs, "critical_point", "collapse"));
    }

    @Test
    void peakHeightsAndPositionsScale() {
        var q = SyntheticScaling.quantity("susceptibility", Scaling.growing("gamma_over_nu"), 1.75,
                SyntheticScaling.PEAKED, 0.003, 15);
        List<FssAnalysis.Result> rs = FssAnalysis.run(List.of(q), SETTINGS);
        assertRecovered(1.75, find(rs, "gamma_over_nu", "peak_height"));
        assertRecovered(SyntheticScaling.XC, find(rs, "critical_point", "peak_position"));
        assertRecovered(SyntheticScaling.NU, find(rs, "nu", "peak_position"));
    }

    /** Sizes such as sqrt(N / rho) are not integers: the estimators take them as they are. */
    @Test
    void nonIntegerSizesGiveTheCriticalPointAndNu() {
        var q = SyntheticScaling.quantity("binder", Scaling.invariant(), 0, SyntheticScaling.INVARIANT, 0.003, 17,
                new double[]{12.5, 25, 50, 100});
        List<FssAnalysis.Result> rs = FssAnalysis.run(List.of(q), SETTINGS);
        FssAnalysis.Result crossing = find(rs, "critical_point", "crossing_extrapolation");
        assertRecovered(SyntheticScaling.XC, crossing);
        assertEquals("12.5,25,50,100", crossing.sizes());
        assertRecovered(SyntheticScaling.XC, find(rs, "critical_point", "collapse"));
        assertRecovered(SyntheticScaling.NU, find(rs, "nu", "collapse"));
        assertEquals("12.5,25", rs.stream().filter(r -> r.quantity().equals("crossing")).findFirst().orElseThrow().sizes());
    }

    @Test
    void resultsAreReproducible() {
        var q = SyntheticScaling.quantity("binder", Scaling.invariant(), 0, SyntheticScaling.INVARIANT, 0.003, 16);
        FssAnalysis.Settings s = new FssAnalysis.Settings(1.8, 2.2, 10, 5);
        assertEquals(FssAnalysis.run(List.of(q), s), FssAnalysis.run(List.of(q), s));
    }

    /**
     * Calibration: over many independent synthetic data sets, the true x_c lies within one
     * bootstrap error of the crossing estimate about 68% of the time. With 120 sets the binomial
     * spread is 4.3%, so 55%..81% is a +-3 sigma band.
     */
    @Test
    void bootstrapErrorsOfTheCrossingAreCalibrated() {
        assertCoverage("critical_point", "crossing_extrapolation", SyntheticScaling.XC, 120, 40, 0.55, 0.81, true);
    }

    /** The same calibration for the collapse exponents (slower: many Nelder-Mead fits). */
    @Test
    @Tag("long")
    void bootstrapErrorsOfTheCollapseAreCalibrated() {
        assertCoverage("nu", "collapse", SyntheticScaling.NU, 120, 40, 0.55, 0.81, false);
    }

    private static void assertCoverage(String quantity, String method, double truth, int sets, int bootstrap,
                                       double lo, double hi, boolean crossingsOnly) {
        int covered = 0;
        for (int s = 0; s < sets; s++) {
            var q = SyntheticScaling.quantity("binder", Scaling.invariant(), 0, SyntheticScaling.INVARIANT, 0.004, 100 + s);
            FssAnalysis.Settings settings = new FssAnalysis.Settings(1.8, 2.2, bootstrap, s);
            FssAnalysis.Result r = find(crossingsOnly ? FssAnalysis.crossings(q, settings)
                    : FssAnalysis.run(List.of(q), settings), quantity, method);
            if (Math.abs(r.estimate() - truth) < r.stderr()) {
                covered++;
            }
        }
        double rate = covered / (double) sets;
        assertTrue(rate > lo && rate < hi, quantity + " one-sigma coverage " + rate);
    }
}
