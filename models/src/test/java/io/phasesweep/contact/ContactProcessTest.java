package io.phasesweep.contact;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.model.TaskResult;
import io.phasesweep.series.TimeGrid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contact process against exact results, its bookkeeping, and the DP decay at lambda_c. */
class ContactProcessTest {
    private static final ContactProcessType TYPE = ContactProcessType.INSTANCE;
    /** Standard errors allowed: a correct model fails one check with probability 6e-5 (seeds are fixed). */
    private static final double K = 4;

    private static ContactProcess model(int dim, int side, double lambda, double h, boolean seed, long rngSeed) {
        return new ContactProcess(dim, side, lambda, h, seed, 1.0, 10.0, 10, TimeGrid.of(1.0, 10.0),
                ReplicaRunner.rng(rngSeed));
    }

    private static List<TaskResult.Member> replicas(Map<String, Object> values, int count) {
        Params p = Params.resolve(TYPE, values);
        return LongStream.range(0, count)
                .mapToObj(seed -> ReplicaRunner.run(TYPE, List.of(p), 7000 + seed).members().get(0)).toList();
    }

    /** Replica mean and standard error of a series at each of its times: {t, mean, stderr}. */
    private static double[][] pooled(List<TaskResult.Member> rs, String observable) {
        Map<Double, double[]> sums = new java.util.TreeMap<>();
        for (TaskResult.Member r : rs) {
            for (TaskResult.SeriesPoint s : r.series()) {
                if (s.observable().equals(observable)) {
                    double[] a = sums.computeIfAbsent(s.t(), t -> new double[3]);
                    a[0]++;
                    a[1] += s.value();
                    a[2] += s.value() * s.value();
                }
            }
        }
        double[][] out = new double[3][sums.size()];
        int k = 0;
        for (Map.Entry<Double, double[]> e : sums.entrySet()) {
            double[] a = e.getValue();
            double mean = a[1] / a[0];
            double var = Math.max(0, (a[2] - a[0] * mean * mean) / (a[0] - 1));
            out[0][k] = e.getKey();
            out[1][k] = mean;
            out[2][k] = Math.sqrt(var / a[0]);
            k++;
        }
        return out;
    }

    @Test
    void eventLoopKeepsCountListAndLatticeInAgreement() {
        for (int dim = 1; dim <= 2; dim++) {
            for (double h : new double[] {0, 0.01}) {
                ContactProcess m = model(dim, dim == 1 ? 200 : 16, dim == 1 ? 3.3 : 1.65, h, false, 11 + dim);
                for (int chunk = 0; chunk < 200 && (m.infectedCount() > 0 || h > 0); chunk++) {
                    m.runEvents(97);
                    assertTrue(m.consistent(), "dim " + dim + ", h " + h + ", after chunk " + chunk);
                }
            }
        }
        ContactProcess seeded = model(2, 16, 3.0, 0, true, 5);
        assertEquals(1, seeded.infectedCount());
        assertTrue(seeded.consistent());
    }

    @Test
    void pureRecoveryDecaysAsExpMinusT() {
        // lambda = 0: every site recovers independently at rate 1, so the density at t is a binomial
        // fraction with mean exp(-t) and variance exp(-t)(1 - exp(-t)) / L.
        int side = 20_000;
        List<TaskResult.Member> rs = replicas(Map.of("L", side, "lambda", 0.0, "t_max", 4.0, "transient", 0.0,
                "series_from", 0.05, "series_points", 12), 4);
        double[][] d = pooled(rs, ContactProcessType.DENSITY_SERIES);
        assertEquals(12, d[0].length);
        for (int k = 0; k < d[0].length; k++) {
            double p = Math.exp(-d[0][k]);
            double stderr = Math.sqrt(p * (1 - p) / side / rs.size());
            assertEquals(p, d[1][k], K * stderr, "t = " + d[0][k]);
        }
        // The time average over [0, 4] of exp(-t) is (1 - exp(-4)) / 4.
        double mean = rs.stream().mapToDouble(r -> r.scalars().get(ContactProcessType.DENSITY).mean()).average().orElseThrow();
        assertEquals((1 - Math.exp(-4)) / 4, mean, 2e-3);
    }

    @Test
    void spontaneousInfectionWithoutContactsRelaxesToHOverOnePlusH() {
        // lambda = 0, h > 0: every site flips on its own, infected -> healthy at rate 1 and back at
        // rate h, so from a full lattice the density is h/(1 + h) + exp(-(1 + h) t)/(1 + h), a
        // binomial fraction of L independent sites.
        int side = 20_000;
        double h = 0.5;
        List<TaskResult.Member> rs = replicas(Map.of("L", side, "lambda", 0.0, "h", h, "t_max", 4.0,
                "transient", 2.0, "series_from", 0.05, "series_points", 12), 4);
        double[][] d = pooled(rs, ContactProcessType.DENSITY_SERIES);
        for (int k = 0; k < d[0].length; k++) {
            double p = h / (1 + h) + Math.exp(-(1 + h) * d[0][k]) / (1 + h);
            double stderr = Math.sqrt(p * (1 - p) / side / rs.size());
            assertEquals(p, d[1][k], K * stderr, "t = " + d[0][k]);
        }
        double[][] alive = pooled(rs, ContactProcessType.SURVIVAL);
        assertEquals(1.0, alive[1][alive[1].length - 1]);
    }

    @Test
    void twoSiteRingIsAbsorbedAfterTheMarkovChainsMeanTime() {
        // Ring of 2: from two infected the first recovery comes at rate 2; from one infected it
        // recovers at rate 1 or reinfects the other (its both neighbours) at rate lambda. Hence
        // T1 = 1/(1 + lambda) + lambda/(1 + lambda) T2 and T2 = 1/2 + T1: T2 = (3 + lambda) / 2.
        double lambda = 2.0;
        List<TaskResult.Member> rs = replicas(Map.of("L", 2, "lambda", lambda, "t_max", 200.0, "transient", 0.0,
                "output_interval", 20.0, "series_points", 2), 4000);
        double sum = 0;
        double sumSq = 0;
        for (TaskResult.Member r : rs) {
            double t = r.scalars().get(ContactProcessType.SURVIVAL_TIME).mean();
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / rs.size();
        double stderr = Math.sqrt((sumSq / rs.size() - mean * mean) / rs.size());
        assertEquals((3 + lambda) / 2, mean, K * stderr);
    }

    @Test
    void aSeedDiesWellBelowLambdaCAndSurvivesWellAbove() {
        Map<Boolean, Double> survival = new HashMap<>();
        for (double lambda : new double[] {2.0, 5.0}) {
            List<TaskResult.Member> rs = replicas(Map.of("L", 1024, "lambda", lambda, "start", "seed", "t_max", 100.0,
                    "transient", 0.0, "output_interval", 10.0, "series_points", 10), 200);
            double[][] s = pooled(rs, ContactProcessType.SURVIVAL);
            survival.put(lambda > 3, s[1][s[1].length - 1]);
            double[][] n = pooled(rs, ContactProcessType.INFECTED);
            assertEquals(s[0].length, n[0].length);
        }
        assertEquals(0.0, survival.get(false), "lambda = 2: " + survival);
        assertTrue(survival.get(true) > 0.4, "lambda = 5: " + survival);
    }

    @Test
    void decaySlopeRecoversAPowerLawAndIgnoresTheAbsorbedTail() {
        int n = 41;
        double[] t = new double[n];
        double[] y = new double[n];
        double[] dy = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = Math.pow(10, k / 10.0);
            // A power law t^-0.3 up to t = 10^3, then absorbed: the fit ends at the last positive value.
            y[k] = k <= 30 ? Math.pow(t[k], -0.3) : 0;
            dy[k] = 0.01 * y[k];
        }
        SeriesQuantity.Value v = DecayAnalysis.slope("density_slope", t, y, dy, 1.0);
        assertEquals(-0.3, v.value(), 1e-12);
        // Two ends a decade apart with 1 % errors each: sqrt(2) 0.01 / ln 10.
        assertEquals(Math.sqrt(2) * 0.01 / Math.log(10), v.stderr(), 1e-12);
        assertTrue(Double.isNaN(DecayAnalysis.slope("x", t, new double[n], dy, 1.0).value()));
    }

    @Test
    void phasesAreNamedFromTheSlopeAgainstMinusDelta() {
        double delta = ContactProcessType.DELTA_1D;
        assertEquals("critical", ContactPhases.name(-0.17, 0.01, delta));
        assertEquals("active", ContactPhases.name(-0.10, 0.01, delta));
        assertEquals("absorbing", ContactPhases.name(-0.30, 0.01, delta));
        assertEquals("undetermined", ContactPhases.name(Double.NaN, 0.01, delta));
    }

    @Test
    void neighboursWrapAroundTheRingAndTheSquare() {
        ContactProcess ring = model(1, 5, 1, 0, true, 1);
        assertEquals(1, ring.neighbour(0, 0));
        assertEquals(4, ring.neighbour(0, 1));
        assertEquals(0, ring.neighbour(4, 0));
        ContactProcess square = model(2, 4, 1, 0, true, 1);
        // Site y * 4 + x; neighbours x + 1, x - 1, y + 1, y - 1.
        assertEquals(List.of(1, 3, 4, 12), List.of(square.neighbour(0, 0), square.neighbour(0, 1),
                square.neighbour(0, 2), square.neighbour(0, 3)));
        assertEquals(List.of(12, 14, 3, 11), List.of(square.neighbour(15, 0), square.neighbour(15, 1),
                square.neighbour(15, 2), square.neighbour(15, 3)));
        assertEquals(List.of(6, 4, 9, 1), List.of(square.neighbour(5, 0), square.neighbour(5, 1),
                square.neighbour(5, 2), square.neighbour(5, 3)));
    }

    @Test
    void invalidParametersAreRefusedNamingTheKey() {
        Map<String, Object> base = Map.of("L", 16, "lambda", 3.0);
        Map<String, String> cases = Map.of(
                "transient", "transient must be < t_max",
                "series_from", "series_from must be < t_max",
                "dim", "dim must be <= 2",
                "lambda", "lambda must be >= 0",
                "L", "dim = 2 needs L <= 46340");
        Map<String, Map<String, Object>> bad = Map.of(
                "transient", Map.of("t_max", 10.0, "transient", 10.0),
                "series_from", Map.of("t_max", 10.0, "transient", 0.0, "series_from", 20.0),
                "dim", Map.of("dim", 3),
                "lambda", Map.of("lambda", -1.0),
                "L", Map.of("dim", 2, "L", 50_000));
        for (Map.Entry<String, Map<String, Object>> e : bad.entrySet()) {
            Map<String, Object> values = new HashMap<>(base);
            values.putAll(e.getValue());
            InvalidParameterException x = assertThrows(InvalidParameterException.class, () -> Params.resolve(TYPE, values));
            assertEquals(e.getKey(), x.parameter());
            assertTrue(x.getMessage().contains(cases.get(e.getKey())), x.getMessage());
        }
        Map<String, Object> noUnit = new HashMap<>(base);
        noUnit.putAll(Map.of("t_max", 10.0, "transient", 9.5, "output_interval", 2.0));
        assertEquals("output_interval", assertThrows(InvalidParameterException.class,
                () -> Params.resolve(TYPE, noUnit)).parameter());
    }

    @Test
    void scheduleCoversTransientAndTMaxInUnitsOfTheOutputInterval() {
        Params p = Params.resolve(TYPE, Map.of("L", 8, "lambda", 1.0, "t_max", 0.3, "transient", 0.1, "output_interval", 0.1,
                "series_from", 0.01));
        assertEquals(1, TYPE.schedule(p).discard());
        assertEquals(2, TYPE.schedule(p).measure());
        Params q = Params.resolve(TYPE, Map.of("L", 8, "lambda", 1.0, "t_max", 10.0, "transient", 2.5));
        assertEquals(3, TYPE.schedule(q).discard());
        assertEquals(7, TYPE.schedule(q).measure());
    }

    /** Local slope of ln rho against ln t over the last decade, from the pooled replicas. */
    private static SeriesQuantity.Value decaySlope(int dim, int side, double lambda, double tMax, int replicas) {
        List<TaskResult.Member> rs = replicas(Map.of("dim", dim, "L", side, "lambda", lambda, "t_max", tMax,
                "transient", tMax / 2, "output_interval", tMax / 2, "series_points", 31), replicas);
        double[][] d = pooled(rs, ContactProcessType.DENSITY_SERIES);
        return DecayAnalysis.slope("density_slope", d[0], d[1], d[2], 1.0);
    }

    @Test
    void densityDecaysWithTheDirectedPercolationExponentAtLambdaC() {
        SeriesQuantity.Value critical = decaySlope(1, 1 << 12, 3.2978, 300, 4);
        SeriesQuantity.Value below = decaySlope(1, 1 << 12, 3.20, 300, 4);
        SeriesQuantity.Value above = decaySlope(1, 1 << 12, 3.40, 300, 4);
        String all = "below " + below + ", critical " + critical + ", above " + above;
        // At L = 4096, t in [30, 300], 4 replicas: about -0.163 +- 0.026 (-0.308 below, -0.060 above).
        assertEquals(-ContactProcessType.DELTA_1D, critical.value(), K * critical.stderr(), all);
        assertTrue(below.value() < -ContactProcessType.DELTA_1D - 0.03, all);
        assertTrue(above.value() > -ContactProcessType.DELTA_1D + 0.03, all);
    }

    /**
     * L = 32768, t in [300, 3000], 8 replicas (about 80 s): -0.165 +- 0.009 at lambda_c, -1.68 at
     * 3.20, -0.003 at 3.40; 2D (L = 256, t in [100, 1000]) -0.472 +- 0.034 against -0.4505.
     */
    @Test
    @Tag("long")
    void densityDecaysWithTheDirectedPercolationExponentAtLambdaCOverThreeDecades() {
        SeriesQuantity.Value critical = decaySlope(1, 1 << 15, 3.2978, 3000, 8);
        SeriesQuantity.Value below = decaySlope(1, 1 << 15, 3.20, 3000, 8);
        SeriesQuantity.Value above = decaySlope(1, 1 << 15, 3.40, 3000, 8);
        String all = "below " + below + ", critical " + critical + ", above " + above;
        assertEquals(-ContactProcessType.DELTA_1D, critical.value(), K * critical.stderr(), all);
        assertTrue(below.value() < -ContactProcessType.DELTA_1D - K * below.stderr(), all);
        assertTrue(above.value() > -ContactProcessType.DELTA_1D + K * above.stderr(), all);
        SeriesQuantity.Value square = decaySlope(2, 256, 1.6488, 1000, 8);
        assertEquals(-ContactProcessType.DELTA_2D, square.value(), K * square.stderr() + 0.02, "2D " + square);
    }
}
