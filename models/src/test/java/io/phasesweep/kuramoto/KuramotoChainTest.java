package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.stats.Estimate;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Growth laws of the phase interface and synchronisation limits of the oscillator ring. */
class KuramotoChainTest {
    static final KuramotoChainType TYPE = KuramotoChainType.INSTANCE;

    static Params params(Map<String, Object> given) {
        return Params.resolve(TYPE, given);
    }

    /** Mean of W^2 over replicas at each recorded time. */
    static TreeMap<Double, Double> meanSquaredWidth(Params p, int replicas) {
        TreeMap<Double, Double> sum = new TreeMap<>();
        for (int r = 0; r < replicas; r++) {
            TaskResult result = ReplicaRunner.run(TYPE, List.of(p), 1000 + r);
            for (TaskResult.SeriesPoint s : result.members().get(0).series()) {
                sum.merge(s.t(), s.value() * s.value() / replicas, Double::sum);
            }
        }
        return sum;
    }

    /** Growth exponent: slope of ln sqrt(<W^2>) against ln t over [from, to]. */
    static double beta(TreeMap<Double, Double> w2, double from, double to) {
        SimpleRegression fit = new SimpleRegression();
        w2.subMap(from, true, to, true).forEach((t, v) -> fit.addData(Math.log(t), 0.5 * Math.log(v)));
        assertTrue(fit.getN() >= 8, "enough times in the growth window");
        return fit.getSlope();
    }

    @Test
    void randomDepositionWithoutCouplingHasBetaOneHalfAndExactWidth() {
        int n = 256;
        double d = 0.5;
        Params p = params(Map.of("N", n, "K", 0.0, "D", d, "t_max", 100.0, "dt", 0.05));
        TreeMap<Double, Double> w2 = meanSquaredWidth(p, 8);
        assertEquals(0.5, beta(w2, 1, 100), 0.05);
        // Independent random walks: <W^2> = 2 D t (1 - 1/N); 8 x 256 walkers give ~2% scatter.
        double exact = 2 * d * 100 * (1 - 1.0 / n);
        assertEquals(exact, w2.lastEntry().getValue(), 0.08 * exact);
    }

    @Test
    void columnarDisorderWithoutCouplingGrowsExactlyLinearly() {
        Params p = params(Map.of("N", 200, "K", 0.0, "sigma", 0.7, "t_max", 50.0));
        TaskResult result = ReplicaRunner.run(TYPE, List.of(p), 5);
        // theta_i = omega_i t: W(t) = sd(omega) t at every time.
        KuramotoChain chain = (KuramotoChain) TYPE.create(p, ReplicaRunner.rng(5));
        double[] omega = chain.frequencies();
        double mean = java.util.Arrays.stream(omega).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(omega).map(w -> (w - mean) * (w - mean)).sum() / omega.length);
        TreeMap<Double, Double> w2 = new TreeMap<>();
        for (TaskResult.SeriesPoint s : result.members().get(0).series()) {
            assertEquals(sd * s.t(), s.value(), 1e-9 * s.t());
            w2.put(s.t(), s.value() * s.value());
        }
        assertEquals(1.0, beta(w2, 1, 50), 0.05);
    }

    /**
     * Strong coupling, weak noise, odd coupling: Edwards-Wilkinson, beta = 1/4. The fit window
     * ends well before the slowest mode saturates, at t ~ N^2 / (4 pi^2 K) = 6600 for N = 512.
     */
    @Test
    void edwardsWilkinsonGrowthForWeakNoiseHasBetaOneQuarter() {
        Params p = params(Map.of("N", 512, "K", 1.0, "D", 0.05, "t_max", 300.0, "dt", 0.05));
        assertEquals(0.25, beta(meanSquaredWidth(p, 8), 10, 300), 0.04);
    }

    /** Strong coupling, weak columnar disorder, odd coupling: the linear equation with columnar noise, beta = 3/4. */
    @Test
    void columnarEdwardsWilkinsonGrowthHasBetaThreeQuarters() {
        Params p = params(Map.of("N", 512, "K", 1.0, "sigma", 0.05, "t_max", 300.0, "dt", 0.05));
        assertEquals(0.75, beta(meanSquaredWidth(p, 6), 10, 300), 0.05);
    }

    /**
     * Per replica, the mean of W^2 over the recorded times from {@code from} on; returns the mean
     * over replicas and its standard error.
     */
    static double[] saturatedSquaredWidth(Params p, int replicas, double from) {
        double[] perReplica = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            List<TaskResult.SeriesPoint> late = ReplicaRunner.run(TYPE, List.of(p), 2000 + r).members().get(0).series()
                    .stream().filter(s -> s.t() >= from).toList();
            perReplica[r] = late.stream().mapToDouble(s -> s.value() * s.value()).average().orElseThrow();
        }
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        java.util.Arrays.stream(perReplica).forEach(stats::addValue);
        return new double[]{stats.getMean(), stats.getStandardDeviation() / Math.sqrt(replicas)};
    }

    /**
     * Saturated Edwards-Wilkinson ring (linear regime: weak noise): each Fourier mode k of the
     * discrete Laplacian relaxes to variance D / (4 K sin^2(pi k / N)), and sum_k 1/sin^2(pi k/N) =
     * (N^2 - 1)/3 gives <W^2> = D (N - 1/N) / (12 K) exactly: W_sat ~ N^(1/2), the EW roughness exponent.
     */
    @Test
    void saturatedNoisyRingHasTheExactEdwardsWilkinsonWidth() {
        int n = 32;
        double d = 0.01;
        // Slowest mode relaxes in N^2 / (4 pi^2 K) = 26; average from 6 of those on.
        Params p = params(Map.of("N", n, "K", 1.0, "D", d, "t_max", 1000.0, "dt", 0.02, "series_points", 60));
        double[] w2 = saturatedSquaredWidth(p, 48, 150);
        double exact = d * (n - 1.0 / n) / 12;
        assertTrue(w2[1] < 0.05 * exact, "the test resolves 5%: " + w2[1] / exact);
        assertEquals(exact, w2[0], 4 * w2[1]);
    }

    /**
     * Saturated ring with weak columnar disorder: the locked profile solves K Laplacian theta = -(omega
     * - mean omega), so mode k has variance sigma^2 / (16 K^2 sin^4(pi k/N)) and, with sum_k
     * 1/sin^4(pi k/N) = (N^2 - 1)(N^2 + 11)/45, <W^2> = sigma^2 (N^2 - 1)(N^2 + 11) / (720 K^2 N):
     * W_sat ~ N^(3/2), the roughness exponent of EW with columnar noise.
     */
    @Test
    void saturatedDisorderedRingHasTheExactColumnarWidth() {
        int n = 16;
        double sigma = 0.02;
        Params p = params(Map.of("N", n, "K", 1.0, "sigma", sigma, "t_max", 100.0, "dt", 0.05, "series_points", 40));
        double[] w2 = saturatedSquaredWidth(p, 400, 50);
        double exact = sigma * sigma * (n * n - 1.0) * (n * n + 11.0) / (720 * n);
        // The lowest mode dominates and is one Gaussian pair per replica: ~ 90% scatter, 400 replicas.
        assertTrue(w2[1] < 0.06 * exact, "the test resolves 6%: " + w2[1] / exact);
        assertEquals(exact, w2[0], 4 * w2[1]);
    }

    @Test
    void strongCouplingLocksEveryPairAndNoCouplingLocksAlmostNone() {
        Params locked = params(Map.of("N", 64, "K", 2.0, "sigma", 0.1, "D", 0.01, "t_max", 200.0, "transient", 50.0));
        assertEquals(1.0, ReplicaRunner.run(TYPE, locked, 6).get("locked_fraction").mean());
        // K = 0: neighbours' frequencies differ by ~ sigma sqrt 2 and wind ~ 20 times in 90 time units;
        // only pairs closer than ~ 2 pi / 90 in frequency (about 3%) stay on their sheet.
        Params free = params(Map.of("N", 400, "K", 0.0, "sigma", 1.0, "t_max", 100.0, "transient", 10.0));
        double fraction = ReplicaRunner.run(TYPE, free, 7).get("locked_fraction").mean();
        assertTrue(fraction < 0.08, "locked fraction " + fraction);
    }

    @Test
    void strongCouplingWithoutRandomnessSynchronises() {
        Params p = params(Map.of("N", 64, "K", 1.0, "start", "perturbed", "t_max", 300.0, "transient", 200.0));
        Map<String, Estimate> r = ReplicaRunner.run(TYPE, p, 3);
        assertTrue(r.get("order_parameter").mean() > 0.999, "r = " + r.get("order_parameter"));
        assertEquals(0.0, r.get("slip_rate").mean());
    }

    /** Incoherent phases: r is the length of a 2D random walk of N unit steps over N, mean sqrt(pi / 4N). */
    @Test
    void withoutCouplingTheOrderParameterIsOfOrderOneOverRootN() {
        int n = 400;
        Params p = params(Map.of("N", n, "K", 0.0, "D", 1.0, "start", "random", "t_max", 400.0));
        Estimate r = ReplicaRunner.run(TYPE, p, 4).get("order_parameter");
        double rayleigh = Math.sqrt(Math.PI / (4 * n));
        assertTrue(Math.abs(r.mean() - rayleigh) < 4 * r.stderr(), r + " vs " + rayleigh);
    }

    @Test
    void refusesRk4WithNoiseAndATransientBeyondTheRun() {
        Map<String, Object> bad = new HashMap<>(Map.of("N", 8, "D", 0.1, "integrator", "rk4"));
        assertEquals("integrator", org.junit.jupiter.api.Assertions.assertThrows(
                io.phasesweep.model.InvalidParameterException.class, () -> params(bad)).parameter());
        assertEquals("transient", org.junit.jupiter.api.Assertions.assertThrows(
                io.phasesweep.model.InvalidParameterException.class,
                () -> params(Map.of("N", 8, "transient", 200.0))).parameter());
    }
}
