package io.phasesweep.kuramoto;

import io.phasesweep.model.CollectingRecorder;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.stats.Estimate;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The square lattice of phase oscillators as a two-dimensional interface: exact limits (flat,
 * uncoupled), the linear lattice's exact width, its logarithmic growth D / (4 pi nu) ln t,
 * rotation invariance, vortex counting, and the desynchronisation of strongly non-odd coupling.
 */
class KuramotoSquareLatticeTest {
    static final KuramotoSquareLatticeType TYPE = KuramotoSquareLatticeType.INSTANCE;
    /** Statistical checks pass within this many standard errors. */
    static final double K_SIGMA = 4;

    static Params params(Map<String, Object> given) {
        return Params.resolve(TYPE, given);
    }

    /** W^2 per replica (rows) at each recorded time (the map's keys, ascending). */
    static TreeMap<Double, double[]> squaredWidths(Params p, int replicas, long seed) {
        TreeMap<Double, double[]> w2 = new TreeMap<>();
        for (int r = 0; r < replicas; r++) {
            TaskResult result = ReplicaRunner.run(TYPE, List.of(p), seed + r);
            for (TaskResult.SeriesPoint s : result.members().get(0).series()) {
                w2.computeIfAbsent(s.t(), x -> new double[replicas])[r] = s.value() * s.value();
            }
        }
        return w2;
    }

    static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        Arrays.stream(values).forEach(s::addValue);
        return s;
    }

    static double stderr(SummaryStatistics s) {
        return s.getStandardDeviation() / Math.sqrt(s.getN());
    }

    /**
     * The linear lattice (Gamma(phi) = nu phi), integrated by stochastic Heun exactly as the driver
     * steps it (steps of dt, the last one before each output time shortened to land on it): mode q
     * of the Laplacian has rate lambda_q = nu omega_q, omega_q = 4 sin^2(pi m / L) + 4 sin^2(pi n / L),
     * and a step of h multiplies it by R = 1 - z + z^2 / 2 (z = h lambda_q) and adds noise
     * sqrt(2 D h) (1 - z/2) xi, so its variance goes V -> R^2 V + 2 D h (1 - z/2)^2. W^2 is the
     * sum over q != 0 of V_q / N. Returns W^2 at each of {@code times} (ascending) from a flat start.
     */
    static double[] exactHeunSquaredWidth(int l, double nu, double d, double dt, double[] times) {
        double[] out = new double[times.length];
        for (int m = 0; m < l; m++) {
            for (int k = 0; k < l; k++) {
                if (m == 0 && k == 0) {
                    continue;
                }
                double sx = StrictMath.sin(Math.PI * m / l);
                double sy = StrictMath.sin(Math.PI * k / l);
                double rate = nu * 4 * (sx * sx + sy * sy);
                double v = 0;
                double t = 0;
                for (int j = 0; j < times.length; j++) {
                    while (t < times[j]) {
                        double h = Math.min(dt, times[j] - t);
                        double z = h * rate;
                        double r = 1 - z + z * z / 2;
                        v = r * r * v + 2 * d * h * (1 - z / 2) * (1 - z / 2);
                        t = h == times[j] - t ? times[j] : t + h;
                    }
                    out[j] += v / (l * l);
                }
            }
        }
        return out;
    }

    /**
     * The exact slope t dW^2/dt of the linear lattice in continuous time: dW^2/dt = (2D / N)
     * sum_{q != 0} exp(-2 nu omega_q t), and the sum over the square lattice factorises into
     * S(t)^2 with S = (1/L) sum_m exp(-8 nu t sin^2(pi m / L)).
     */
    static double exactLogGrowth(int l, double nu, double d, double t) {
        double s = 0;
        for (int m = 0; m < l; m++) {
            double sin = StrictMath.sin(Math.PI * m / l);
            s += Math.exp(-8 * nu * t * sin * sin) / l;
        }
        return 2 * d * t * (s * s - 1.0 / ((double) l * l));
    }

    /**
     * The factor D / (4 pi nu), checked on the exact lattice sum: on a lattice far larger than
     * sqrt(nu t), t dW^2/dt = 2 D t [exp(-4 nu t) I_0(4 nu t)]^2 = (D / (4 pi nu)) (1 + 1/(16 nu t) + O(t^-2)),
     * from I_0(x) e^-x = (2 pi x)^(-1/2) (1 + 1/(8x) + ...). The factorised sum is checked against
     * the plain double sum over the modes first.
     */
    @Test
    void exactLatticeSumGrowsAsDOverFourPiNuTimesLnT() {
        int small = 12;
        double plain = 0;
        for (int m = 0; m < small; m++) {
            for (int k = 0; k < small; k++) {
                if (m + k > 0) {
                    double omega = 4 * Math.pow(Math.sin(Math.PI * m / small), 2) + 4 * Math.pow(Math.sin(Math.PI * k / small), 2);
                    plain += 2 * 0.3 * 1.7 * Math.exp(-2 * 0.8 * omega * 1.7) / (small * small);
                }
            }
        }
        assertEquals(plain, exactLogGrowth(small, 0.8, 0.3, 1.7), 1e-14);
        double nu = 0.7;
        double d = 0.2;
        for (double t : new double[]{30, 100}) {
            double ratio = exactLogGrowth(8192, nu, d, t) / (d / (4 * Math.PI * nu));
            assertEquals(1 + 1 / (16 * nu * t), ratio, 1e-4, "t = " + t);
        }
    }

    /**
     * Odd coupling and weak noise: the lattice is linear (sin phi ~ phi; neighbour differences of
     * ~ 0.03 rad shift the stiffness by ~ 0.05 %), and W^2(t) from 24 replicas agrees with the
     * exact Heun recursion of every mode within K_SIGMA standard errors at every recorded time.
     */
    @Test
    void weakNoiseWidthEqualsTheExactLinearLattice() {
        int l = 32;
        double d = 0.002;
        double dt = 0.05;
        Params p = params(Map.of("L", l, "K", 1.0, "D", d, "dt", dt, "t_max", 20.0, "transient", 1.0, "series_points", 10));
        TreeMap<Double, double[]> w2 = squaredWidths(p, 24, 500);
        double[] times = w2.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] exact = exactHeunSquaredWidth(l, 1.0, d, dt, times);
        int i = 0;
        for (Map.Entry<Double, double[]> e : w2.entrySet()) {
            SummaryStatistics s = stats(e.getValue());
            assertTrue(stderr(s) < 0.05 * exact[i], "resolves 5% at t = " + e.getKey());
            assertEquals(exact[i], s.getMean(), K_SIGMA * stderr(s), "W^2 at t = " + e.getKey());
            i++;
        }
    }

    /**
     * Two-dimensional Edwards-Wilkinson growth is logarithmic: on L = 64 between t = 1 and 10
     * (past the lattice scale, before the slowest modes saturate) the slope of W^2 against ln t,
     * fitted per replica, agrees with the exact lattice slope over that window within K_SIGMA
     * standard errors, and that slope is D / (4 pi nu) to 1 %.
     */
    @Test
    void oddCouplingWithNoiseGrowsLogarithmicallyWithSlopeDOverFourPiNu() {
        int l = 64;
        double d = 0.02;
        double nu = 1.0;
        Params p = params(Map.of("L", l, "K", nu, "D", d, "dt", 0.05, "t_max", 10.0, "transient", 1.0,
                "series_points", 12, "series_from", 1.0));
        TreeMap<Double, double[]> w2 = squaredWidths(p, 12, 700);
        double[] times = w2.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        int replicas = w2.firstEntry().getValue().length;
        double[] slopes = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            SimpleRegression fit = new SimpleRegression();
            for (Map.Entry<Double, double[]> e : w2.entrySet()) {
                fit.addData(Math.log(e.getKey()), e.getValue()[r]);
            }
            slopes[r] = fit.getSlope();
        }
        SimpleRegression exactFit = new SimpleRegression();
        double[] exact = exactHeunSquaredWidth(l, nu, d, 0.05, times);
        for (int i = 0; i < times.length; i++) {
            exactFit.addData(Math.log(times[i]), exact[i]);
        }
        double continuum = d / (4 * Math.PI * nu);
        assertEquals(continuum, exactFit.getSlope(), 0.01 * continuum, "the lattice's slope over the window");
        SummaryStatistics s = stats(slopes);
        assertTrue(stderr(s) < 0.1 * continuum, "resolves 10%: " + stderr(s) / continuum);
        assertEquals(exactFit.getSlope(), s.getMean(), K_SIGMA * stderr(s));
        assertEquals(continuum, s.getMean(), K_SIGMA * stderr(s) + 0.01 * continuum);
    }

    /**
     * The drift, computed bond by bond from one half-angle tangent, equals omega_i + K sum over the
     * four neighbours of [cos(alpha) sin(phi) + sin(alpha) (1 - cos(phi))] written out with sines and
     * cosines, on a 5 x 5 lattice (odd side: the wrap is not a reflection) with phases
     * spread over [0, 400): differences of every size, near pi included.
     */
    @Test
    void driftEqualsTheSineCosineFormOnEveryBond() {
        int l = 5;
        double k = 1.3;
        double alpha = 1.1;
        Params p = params(Map.of("L", l, "K", k, "sigma", 0.4, "alpha", alpha));
        KuramotoSquareLattice lattice = (KuramotoSquareLattice) TYPE.create(p, ReplicaRunner.rng(9));
        org.apache.commons.rng.UniformRandomProvider rng = ReplicaRunner.rng(10);
        double[] th = new double[l * l];
        for (int i = 0; i < th.length; i++) {
            th[i] = 400 * rng.nextDouble();
        }
        th[1] = th[0] + Math.PI;
        double[] out = new double[l * l];
        lattice.derivatives(0, th, out);
        double[] omega = lattice.frequencies();
        for (int y = 0; y < l; y++) {
            for (int x = 0; x < l; x++) {
                int i = y * l + x;
                double expected = omega[i];
                for (int j : new int[]{y * l + (x + 1) % l, y * l + (x + l - 1) % l, ((y + 1) % l) * l + x,
                        ((y + l - 1) % l) * l + x}) {
                    double phi = th[j] - th[i];
                    expected += k * (Math.cos(alpha) * Math.sin(phi) + Math.sin(alpha) * (1 - Math.cos(phi)));
                }
                // Differences up to 400 rad carry ~1e-13 rad of rounding into sin and cos.
                assertEquals(expected, out[i], 1e-11, "site " + i);
            }
        }
    }

    /**
     * A strongly non-odd coupling that keeps the lattice synchronised (odd_even, c = 2, D = 0.05:
     * g = 0.8, the same nu = K as odd coupling) grows faster than the odd one driven by the same
     * noise (same seeds): the KPZ nonlinearity adds to the growth, the slope of W^2 against ln t over
     * t = 1..20 is larger in every replica (by 11 to 41 %, 25 +- 4 % on average with these seeds;
     * required: more than 5 % and K_SIGMA standard errors of the paired differences). Its apparent beta stays between 0 and 0.2, far below
     * 2D KPZ's 0.2415: the marginal coupling crosses over only at exp(16 pi / g) / nu ~ 10^27.
     */
    @Test
    void synchronisedNonOddCouplingGrowsFasterThanOddOnTheSameNoiseButFarFromKpz() {
        Map<String, Object> common = new HashMap<>(Map.of("L", 64, "K", 1.0, "D", 0.05, "coupling_function", "odd_even",
                "dt", 0.05, "t_max", 20.0, "transient", 10.0, "series_points", 10, "series_from", 1.0));
        TreeMap<Double, double[]> odd = squaredWidths(params(common), 8, 900);
        common.put("c", 2.0);
        Params nonOddParams = params(common);
        TreeMap<Double, double[]> nonOdd = squaredWidths(nonOddParams, 8, 900);
        double[] oddSlopes = slopesOfSquaredWidth(odd);
        double[] nonOddSlopes = slopesOfSquaredWidth(nonOdd);
        double[] excess = new double[oddSlopes.length];
        for (int r = 0; r < excess.length; r++) {
            excess[r] = nonOddSlopes[r] / oddSlopes[r] - 1;
            assertTrue(excess[r] > 0, "replica " + r + ": " + Arrays.toString(excess));
        }
        SummaryStatistics s = stats(excess);
        assertTrue(s.getMean() > 0.05 && s.getMean() > K_SIGMA * stderr(s), "excess growth " + s.getMean() + " +- " + stderr(s));
        for (TreeMap<Double, double[]> w2 : List.of(odd, nonOdd)) {
            SimpleRegression fit = new SimpleRegression();
            for (Map.Entry<Double, double[]> e : w2.entrySet()) {
                fit.addData(Math.log(e.getKey()), 0.5 * Math.log(stats(e.getValue()).getMean()));
            }
            assertTrue(fit.getSlope() > 0 && fit.getSlope() < 0.2, "apparent beta " + fit.getSlope());
        }
        assertEquals(0.0, ReplicaRunner.run(TYPE, nonOddParams, 900).get("slip_rate").mean(), "synchronised");
    }

    /** Per replica, the least-squares slope of W^2 against ln t over all recorded times. */
    static double[] slopesOfSquaredWidth(TreeMap<Double, double[]> w2) {
        int replicas = w2.firstEntry().getValue().length;
        double[] slopes = new double[replicas];
        for (int r = 0; r < replicas; r++) {
            SimpleRegression fit = new SimpleRegression();
            for (Map.Entry<Double, double[]> e : w2.entrySet()) {
                fit.addData(Math.log(e.getKey()), e.getValue()[r]);
            }
            slopes[r] = fit.getSlope();
        }
        return slopes;
    }

    @Test
    void flatStartWithoutNoiseOrDisorderStaysExactlyFlat() {
        for (String integrator : List.of("rk4", "heun", "euler")) {
            Params p = params(Map.of("L", 12, "alpha", 1.2, "t_max", 30.0, "integrator", integrator));
            TaskResult result = ReplicaRunner.run(TYPE, List.of(p), 3);
            for (TaskResult.SeriesPoint s : result.members().get(0).series()) {
                assertEquals(0.0, s.value(), integrator + " at t = " + s.t());
            }
            Map<String, Estimate> scalars = result.members().get(0).scalars();
            assertEquals(1.0, scalars.get("order_parameter").mean(), integrator);
            assertEquals(0.0, scalars.get("slip_rate").mean(), integrator);
            assertEquals(0.0, scalars.get("vortex_density").mean(), integrator);
            assertEquals(1.0, scalars.get("locked_fraction").mean(), integrator);
        }
    }

    /**
     * The coupling sees phase differences only: adding 2 pi 7 + 0.7 to every phase leaves the
     * width, the slips, the vortices and |r| as they were along the whole noisy, disordered,
     * non-odd, desynchronising run (to 10^-9: the shifted differences differ in their last bits,
     * and the slipping lattice is chaotic: that grows to ~10^-10 by t = 20).
     */
    @Test
    void addingAConstantToEveryPhaseChangesNothing() {
        Params p = params(Map.of("L", 16, "K", 1.0, "D", 0.3, "sigma", 0.3, "alpha", 0.9, "start", "perturbed",
                "t_max", 12.0, "transient", 4.0, "series_points", 10));
        KuramotoSquareLattice plain = (KuramotoSquareLattice) TYPE.create(p, ReplicaRunner.rng(11));
        KuramotoSquareLattice shifted = (KuramotoSquareLattice) TYPE.create(p, ReplicaRunner.rng(11));
        double[] phases = shifted.phases();
        for (int i = 0; i < phases.length; i++) {
            phases[i] += 14 * Math.PI + 0.7;
        }
        shifted.resetBranches();
        CollectingRecorder a = new CollectingRecorder();
        CollectingRecorder b = new CollectingRecorder();
        long units = TYPE.schedule(p).measure();
        for (long u = 0; u < units; u++) {
            plain.advance();
            shifted.advance();
            plain.measure(a);
            shifted.measure(b);
            assertEquals(plain.width(), shifted.width(), 1e-9 * plain.width(), "W at t = " + plain.time());
            assertEquals(plain.orderParameter(), shifted.orderParameter(), 1e-9, "r at t = " + plain.time());
            assertEquals(plain.slips(), shifted.slips(), "slips at t = " + plain.time());
            assertEquals(plain.vortexDensity(), shifted.vortexDensity(), "vortices at t = " + plain.time());
        }
        assertEquals(a.names, b.names);
        assertTrue(plain.slips() > 0, "the run slips, so the comparison counts something");
    }

    /** Independent random walks: <W^2> = 2 D t (1 - 1/N) at every time. */
    @Test
    void withoutCouplingNoiseGivesRandomDeposition() {
        int l = 24;
        double d = 0.5;
        Params p = params(Map.of("L", l, "K", 0.0, "D", d, "t_max", 50.0, "dt", 0.1, "series_points", 6));
        for (Map.Entry<Double, double[]> e : squaredWidths(p, 8, 40).entrySet()) {
            SummaryStatistics s = stats(e.getValue());
            double exact = 2 * d * e.getKey() * (1 - 1.0 / (l * l));
            assertEquals(exact, s.getMean(), K_SIGMA * stderr(s), "t = " + e.getKey());
        }
    }

    /** theta_i = omega_i t: W(t) = sd(omega) t at every time. */
    @Test
    void withoutCouplingColumnarDisorderGrowsExactlyLinearly() {
        Params p = params(Map.of("L", 10, "K", 0.0, "sigma", 0.7, "t_max", 50.0));
        TaskResult result = ReplicaRunner.run(TYPE, List.of(p), 5);
        double[] omega = ((KuramotoSquareLattice) TYPE.create(p, ReplicaRunner.rng(5))).frequencies();
        double mean = Arrays.stream(omega).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(omega).map(w -> (w - mean) * (w - mean)).sum() / omega.length);
        for (TaskResult.SeriesPoint s : result.members().get(0).series()) {
            assertEquals(sd * s.t(), s.value(), 1e-9 * s.t());
        }
    }

    /**
     * A vortex-antivortex pair, theta = atan2(y - 5.5, x - 4.5) - atan2(y - 5.5, x - 10.5) on a
     * 16 x 16 lattice: two plaquettes wind by +-2 pi, no other (the pair's field is small across
     * the periodic boundary). Slips are not counted by setting phases, only by stepping.
     */
    @Test
    void aVortexAntivortexPairCountsTwoVortices() {
        int l = 16;
        Params p = params(Map.of("L", l, "t_max", 2.0, "transient", 0.5, "output_interval", 0.5));
        KuramotoSquareLattice lattice = (KuramotoSquareLattice) TYPE.create(p, ReplicaRunner.rng(1));
        double[] phases = lattice.phases();
        for (int y = 0; y < l; y++) {
            for (int x = 0; x < l; x++) {
                phases[y * l + x] = Math.atan2(y - 5.5, x - 4.5) - Math.atan2(y - 5.5, x - 10.5);
            }
        }
        lattice.resetBranches();
        assertEquals(2.0 / (l * l), lattice.vortexDensity());
        // Without noise, a pair six spacings apart under K = 1 and odd coupling does not annihilate in t = 1.
        lattice.advance();
        assertEquals(2.0 / (l * l), lattice.vortexDensity());
    }

    /**
     * Strongly non-odd coupling with noise: the two-dimensional lattice desynchronises explosively
     * (Lauter, Mitra and Marquardt, Phys. Rev. E 96, 012220 (2017)): with c = 3, D = 0.1 (g = 3.6)
     * vortices appear and bonds slip by t ~ 2, and the order parameter collapses, while the odd
     * coupling's lattice under the same noise stays locked, vortex-free and with r near 1.
     */
    @Test
    void strongNonOddCouplingWithNoiseDesynchronisesAndOddCouplingDoesNot() {
        Map<String, Object> common = new HashMap<>(Map.of("L", 32, "K", 1.0, "D", 0.1, "coupling_function", "odd_even",
                "dt", 0.025, "t_max", 30.0, "transient", 10.0, "series_points", 10));
        Map<String, Estimate> odd = ReplicaRunner.run(TYPE, params(common), 8);
        common.put("c", 3.0);
        Map<String, Estimate> nonOdd = ReplicaRunner.run(TYPE, params(common), 8);
        assertEquals(0.0, odd.get("slip_rate").mean());
        assertEquals(0.0, odd.get("vortex_density").mean());
        assertTrue(odd.get("order_parameter").mean() > 0.9, "odd: r = " + odd.get("order_parameter"));
        assertTrue(nonOdd.get("slip_rate").mean() > 0.01, "non-odd: slips " + nonOdd.get("slip_rate"));
        assertTrue(nonOdd.get("vortex_density").mean() > 0.01, "non-odd: vortices " + nonOdd.get("vortex_density"));
        assertTrue(nonOdd.get("order_parameter").mean() < 0.5, "non-odd: r = " + nonOdd.get("order_parameter"));
    }

    @Test
    void continuumCoefficientsAndTheTwoDimensionalCrossoverTime() {
        Params noisy = params(Map.of("L", 8, "K", 2.0, "D", 0.5, "coupling_function", "odd_even", "c", 1.0));
        // nu = 2, lambda = 4, g = 16 * 0.5 / 8 = 1: t_x = exp(16 pi) / 2.
        assertEquals(1.0, ContinuumCoefficients.of(noisy).coupling(), 1e-15);
        assertEquals(Math.exp(16 * Math.PI) / 2, KuramotoSquareLatticeType.crossoverTime(noisy), 1e-9 * Math.exp(16 * Math.PI));
        assertEquals(0.5 / (4 * Math.PI * 2), KuramotoSquareLatticeType.edwardsWilkinsonLogGrowth(noisy), 1e-15);
        Params columnar = params(Map.of("L", 8, "K", 2.0, "sigma", 0.1, "coupling_function", "odd_even", "c", 1.0));
        assertEquals(8 / (0.01 * 16), KuramotoSquareLatticeType.crossoverTime(columnar), 1e-12);
        assertTrue(Double.isNaN(KuramotoSquareLatticeType.edwardsWilkinsonLogGrowth(columnar)), "no noise");
        Params odd = params(Map.of("L", 8, "D", 0.5));
        assertTrue(Double.isNaN(KuramotoSquareLatticeType.crossoverTime(odd)), "lambda = 0: no crossover");
        Params weak = params(Map.of("L", 8, "D", 1e-6, "alpha", 0.1));
        assertEquals(Double.POSITIVE_INFINITY, KuramotoSquareLatticeType.crossoverTime(weak), "a marginal coupling this weak never crosses over");
        List<String> names = new ArrayList<>();
        TYPE.derived().forEach(q -> names.add(q.name()));
        assertEquals(List.of("nu_eff", "lambda_eff", "kpz_coupling", "t_cross", "log_growth_ew"), names);
    }

    @Test
    void warnsBeyondTheSquareLatticesStabilityRangeAndRefusesBadTimes() {
        assertEquals(List.of(), TYPE.warnings(params(Map.of("L", 8, "K", 1.0, "dt", 0.25, "D", 0.1))));
        List<String> w = TYPE.warnings(params(Map.of("L", 8, "K", 1.0, "dt", 0.3, "D", 0.1)));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("dt * 8 K max|Gamma'| = 2.40 > 2.0"), w.get(0));
        assertEquals("integrator", assertThrows(InvalidParameterException.class,
                () -> params(Map.of("L", 8, "D", 0.1, "integrator", "rk4"))).parameter());
        assertEquals("transient", assertThrows(InvalidParameterException.class,
                () -> params(Map.of("L", 8, "transient", 200.0))).parameter());
        assertEquals("L", assertThrows(InvalidParameterException.class, () -> params(Map.of("L", 2))).parameter());
    }
}
