package io.phasesweep.stuartlandau;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.model.TestParams;
import io.phasesweep.stats.Estimate;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring's limit cycle, its phases as an interface without coupling, and how windings and slips are followed. */
class StuartLandauChainTest {
    static final StuartLandauChainType TYPE = StuartLandauChainType.INSTANCE;
    /** Statistical checks pass within this many standard errors. */
    static final double K_SIGMA = 4;

    static Params params(Object... keyValues) {
        return TestParams.of(TYPE, keyValues);
    }

    static StuartLandauChain chain(Params p, long seed) {
        return (StuartLandauChain) TYPE.create(p, ReplicaRunner.rng(seed));
    }

    static double[] phases(StuartLandauChain c, int n) {
        double[] phi = new double[n];
        c.phases(phi);
        return phi;
    }

    /**
     * No noise, no disorder, a flat start: every oscillator computes the same numbers, so the ring
     * stays synchronised exactly (W = 0, r = 1, no slips) on the limit cycle |A| = 1, turning at
     * omega - c2 = -c2, to RK4's error: (c2 dt)^5 / 120 per step in the phase, 2e-8 over the run;
     * of order dt^4 in the amplitude, 1e-9 here.
     */
    @Test
    void aFlatStartStaysSynchronisedOnTheLimitCycleTurningAtMinusC2() {
        int n = 32;
        double c2 = 1.3;
        Params p = params("N", n, "K", 1.0, "c1", 0.7, "c2", c2, "dt", 0.01, "t_max", 50.0, "transient", 10.0);
        StuartLandauChain c = chain(p, 1);
        c.steps(5000);
        assertEquals(50.0, c.time(), 1e-9);
        double[] amplitude = new double[n];
        c.amplitudes(amplitude);
        for (double a : amplitude) {
            assertEquals(1.0, a, 1e-8);
        }
        double[] phi = phases(c, n);
        for (double h : phi) {
            assertEquals(phi[0], h, 0, "the same bits everywhere");
        }
        assertEquals(-c2 * c.time(), phi[0], 1e-7, "unwrapped over ten turns");
        assertTrue(c.width() < 1e-12, "W = " + c.width() + ": the mean's rounding alone");
        assertEquals(0, c.slips());
        Map<String, Estimate> r = ReplicaRunner.run(TYPE, p, 2);
        assertEquals(1.0, r.get("order_parameter").mean(), 1e-14);
        assertEquals(1.0, r.get("amplitude").mean(), 1e-8);
        assertEquals(1.0, r.get("min_amplitude").mean(), 1e-8);
        assertEquals(0.0, r.get("slip_rate").mean());
        assertEquals(1.0, r.get("locked_fraction").mean());
    }

    /**
     * Without coupling each oscillator stays on its limit cycle and turns at omega_j - c2: the
     * phases are h_j = (omega_j - c2) t and W = sd(omega) t at every time (to RK4's error), the
     * linear growth of columnar disorder (beta = 1). RK4's phase error, at most (3.6 dt)^5 / 120
     * per step here, stays below 3e-6 by t = 50.
     */
    @Test
    void withoutCouplingDisorderedPhasesGrowExactlyLinearly() {
        Params p = params("N", 200, "K", 0.0, "sigma", 0.7, "c1", 2.0, "c2", -1.5, "dt", 0.01, "t_max", 50.0);
        TaskResult result = ReplicaRunner.run(TYPE, List.of(p), 5);
        double[] omega = chain(p, 5).frequencies();
        double mean = Arrays.stream(omega).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(omega).map(w -> (w - mean) * (w - mean)).sum() / omega.length);
        List<TaskResult.SeriesPoint> series = result.members().get(0).series();
        assertTrue(series.size() >= 30);
        for (TaskResult.SeriesPoint s : series) {
            assertEquals(sd * s.t(), s.value(), 1e-6 * s.t(), "t = " + s.t());
        }
    }

    /**
     * Uncoupled noisy oscillators: the phase noise is D (1 + c2^2), not D. To first order in D,
     * phases started on the limit cycle spread as 2 D [t + c2^2 (t - (1 - e^-2t) + (1 - e^-4t)/4)]
     * (package documentation); W^2 has the factor 1 - 1/N of the sample variance. At c2 = 2 that is
     * five times 2 D t, at c2 = 0 it is 2 D t; the error bar from four replicas of 1000 oscillators
     * is about 2 % and the terms of order D about 1 %.
     */
    @Test
    void uncoupledPhasesDiffuseWithTheNonIsochronousNoiseStrength() {
        int n = 1000;
        double d = 0.01;
        double t = 100;
        for (double c2 : new double[]{0.0, 2.0}) {
            Params p = params("N", n, "K", 0.0, "D", d, "c2", c2, "dt", 0.02, "t_max", t, "series_points", 10);
            SummaryStatistics w2 = new SummaryStatistics();
            for (int r = 0; r < 4; r++) {
                List<TaskResult.SeriesPoint> s = ReplicaRunner.run(TYPE, List.of(p), 40 + r).members().get(0).series();
                double w = s.get(s.size() - 1).value();
                w2.addValue(w * w);
            }
            double expected = 2 * d * (t + c2 * c2 * (t - (1 - Math.exp(-2 * t)) + (1 - Math.exp(-4 * t)) / 4)) * (1 - 1.0 / n);
            double stderr = w2.getStandardDeviation() / Math.sqrt(w2.getN());
            assertTrue(stderr < 0.04 * expected, "resolves 4 %: " + stderr / expected);
            assertEquals(expected, w2.getMean(), K_SIGMA * stderr, "c2 = " + c2);
            assertEquals(1 + c2 * c2, PhaseReduction.noise(p) / d, 0);
        }
    }

    /**
     * Uncoupled oscillators with quenched frequencies: a pair's phase difference is
     * (omega_{j+1} - omega_j) t, so by time t it has passed +-pi exactly |floor(d omega t / 2 pi + 1/2)|
     * times, and the slips counted step by step add up to that.
     */
    @Test
    void slipsCountedStepByStepAreThePassesOfEachPairThroughPi() {
        int n = 100;
        Params p = params("N", n, "K", 0.0, "sigma", 1.0, "c2", 0.8, "dt", 0.02, "t_max", 60.0);
        StuartLandauChain c = chain(p, 9);
        c.steps(3000);
        double[] omega = c.frequencies();
        long expected = 0;
        long[] bonds = c.bondWindings();
        for (int j = 0; j < n; j++) {
            double dw = omega[(j + 1) % n] - omega[j];
            long passes = (long) Math.floor(dw * c.time() / (2 * Math.PI) + 0.5);
            assertEquals(passes, bonds[j], "pair " + j);
            expected += Math.abs(passes);
        }
        assertTrue(expected > 200, "enough slips to count: " + expected);
        assertEquals(expected, c.slips());
    }

    @Test
    void strongCouplingLocksEveryPairAndNoCouplingLocksAlmostNone() {
        Params locked = params("N", 64, "K", 2.0, "sigma", 0.1, "D", 0.01, "c1", 0.5, "c2", 0.5, "t_max", 200.0,
                "transient", 50.0);
        Map<String, Estimate> r = ReplicaRunner.run(TYPE, locked, 6);
        assertEquals(1.0, r.get("locked_fraction").mean());
        assertEquals(0.0, r.get("slip_rate").mean());
        assertTrue(r.get("order_parameter").mean() > 0.9, r.toString());
        // K = 0: neighbours' frequencies differ by ~ sigma sqrt 2 and wind ~ 20 times in 90 time units;
        // only pairs closer than ~ 2 pi / 90 in frequency (about 3%) stay on their sheet.
        Params free = params("N", 400, "K", 0.0, "sigma", 1.0, "t_max", 100.0, "transient", 10.0);
        double fraction = ReplicaRunner.run(TYPE, free, 7).get("locked_fraction").mean();
        assertTrue(fraction < 0.08, "locked fraction " + fraction);
    }

    /** The crossing rule on the four ways across the real axis, and on points that stay in a half plane. */
    @Test
    void windingChangesOnlyAcrossTheNegativeRealAxis() {
        assertEquals(1, StuartLandauChain.crossing(-1, 0.1, -1, -0.1), "counterclockwise past pi");
        assertEquals(-1, StuartLandauChain.crossing(-1, -0.1, -1, 0.1), "clockwise past -pi");
        assertEquals(0, StuartLandauChain.crossing(1, 0.1, 1, -0.1), "clockwise past 0");
        assertEquals(0, StuartLandauChain.crossing(1, -0.1, 1, 0.1), "counterclockwise past 0");
        assertEquals(0, StuartLandauChain.crossing(-1, 0.1, -0.5, 0.9), "same half plane");
        // On the axis: y = +0 and -0 both count as the upper half plane, atan2 of +0.0 gives pi there.
        assertEquals(0, StuartLandauChain.crossing(-1, 0.0, -1, -0.0));
        assertEquals(1, StuartLandauChain.crossing(-1, -0.0, -1, -1e-300));
    }

    @Test
    void refusesRk4WithNoiseAndATransientBeyondTheRun() {
        assertEquals("integrator", assertThrows(InvalidParameterException.class,
                () -> params("N", 8, "D", 0.1, "integrator", "rk4")).parameter());
        assertEquals("transient", assertThrows(InvalidParameterException.class,
                () -> params("N", 8, "transient", 200.0)).parameter());
    }
}
