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
