package io.phasesweep.aggregate;

import io.phasesweep.ising.Ising2DType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointStatisticsTest {
    private final Params params = Params.resolve(Ising2DType.INSTANCE, Map.of("L", 4, "T", 2.0));

    private static List<ReplicaValue> replicas(double[][] m2m4) {
        List<ReplicaValue> out = new ArrayList<>();
        for (int r = 0; r < m2m4.length; r++) {
            out.add(new ReplicaValue(r, "m2", m2m4[r][0], 0.01));
            out.add(new ReplicaValue(r, "m4", m2m4[r][1], 0.01));
        }
        return out;
    }

    @Test
    void binderIsFormedFromPooledMomentsNotAveragedPerReplica() {
        double[][] v = {{0.5, 0.3}, {0.7, 0.6}, {0.6, 0.4}};
        PointValue binder = find(PointStatistics.of(Ising2DType.INSTANCE, params, replicas(v)), "binder");
        double m2 = 0.6;
        double m4 = 13.0 / 30.0;
        assertEquals(1 - m4 / (3 * m2 * m2), binder.mean(), 1e-14);
        assertEquals(3, binder.n());
    }

    @Test
    void oneReplicaTakesTheDerivedErrorOfItsOwnBlocks() {
        List<ReplicaValue> rs = new ArrayList<>(replicas(new double[][]{{0.6, 0.4}}));
        rs.add(new ReplicaValue(0, "binder", 1 - 0.4 / (3 * 0.36), 0.0125));
        PointValue binder = find(PointStatistics.of(Ising2DType.INSTANCE, params, rs), "binder");
        assertEquals(1 - 0.4 / (3 * 0.36), binder.mean(), 1e-15);
        assertEquals(0.0125, binder.stderr());
        assertEquals(1, binder.n());
        // With two replicas the spread between them rules, whatever their own errors say.
        List<ReplicaValue> two = new ArrayList<>(replicas(new double[][]{{0.6, 0.4}, {0.5, 0.3}}));
        two.add(new ReplicaValue(0, "binder", 0.5, 0.0125));
        two.add(new ReplicaValue(1, "binder", 0.6, 0.0125));
        assertTrue(find(PointStatistics.of(Ising2DType.INSTANCE, params, two), "binder").stderr() != 0.0125);
    }

    @Test
    void consistentReplicasPropagateBinningErrors() {
        List<ReplicaValue> rs = List.of(new ReplicaValue(0, "energy", -1.500, 0.010),
                new ReplicaValue(1, "energy", -1.502, 0.010), new ReplicaValue(2, "energy", -1.501, 0.010),
                new ReplicaValue(3, "energy", -1.499, 0.010));
        PointValue e = PointStatistics.observable(ObservableSpec.of("energy", "e"), rs);
        assertEquals(-1.5005, e.mean(), 1e-12);
        assertEquals(0.005, e.stderr(), 1e-12);
    }

    @Test
    void scatteredReplicasScaleTheErrorByChiSquared() {
        // Replicas trapped at +m and -m: tiny binning errors, large spread.
        List<ReplicaValue> rs = List.of(new ReplicaValue(0, "magnetization", 0.9, 0.001),
                new ReplicaValue(1, "magnetization", -0.9, 0.001));
        PointValue m = PointStatistics.observable(ObservableSpec.of("magnetization", "m"), rs);
        assertEquals(0.0, m.mean(), 1e-15);
        // chi^2/dof = 2 * 0.81 / 1e-6 > 1: the error is the spread / sqrt(R) = 0.9.
        assertEquals(0.9, m.stderr(), 1e-9);
    }

    /**
     * Disorder samples with very unequal within-replica errors: the error of the plain mean is the
     * spread over samples / sqrt(R), not the largest error times the chi^2 the smallest one sets
     * (that gave sqrt(1e-6 + 1e-12 + 1e-12) / 3 * sqrt(chi^2 / 2) ~ 10^3 here).
     */
    @Test
    void disorderSamplesWithUnequalErrorsGetTheSpreadOfTheMean() {
        List<ReplicaValue> rs = List.of(new ReplicaValue(0, "lyapunov", -0.50, 1e-3),
                new ReplicaValue(1, "lyapunov", -0.49, 1e-6), new ReplicaValue(2, "lyapunov", -0.51, 1e-6));
        PointValue l = PointStatistics.observable(ObservableSpec.of("lyapunov", "l"), rs);
        assertEquals(-0.50, l.mean(), 1e-12);
        assertEquals(0.01 / Math.sqrt(3), l.stderr(), 1e-12);
    }

    private static final ObservableSpec FINAL_SIZE = ObservableSpec.once("final_size", "f");

    private static List<ReplicaValue> once(double stderr, double... values) {
        List<ReplicaValue> out = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            out.add(new ReplicaValue(r, "final_size", values[r], stderr));
        }
        return out;
    }

    @Test
    void onceObservableErrorIsTheSampleStandardErrorOverReplicas() {
        // Rows as the runner writes them: no within-replica error.
        PointValue f = PointStatistics.observable(FINAL_SIZE, once(Double.NaN, 3, 5, 10));
        // mean 6; squared deviations 9 + 1 + 16 = 26; variance 26 / 2 = 13; error sqrt(13 / 3).
        assertEquals(6.0, f.mean(), 1e-15);
        assertEquals(Math.sqrt(13.0 / 3.0), f.stderr(), 1e-15);
        assertEquals(3, f.n());
    }

    @Test
    void onceObservableErrorIsTheSpreadByKindWhateverTheRowsSay() {
        // With errors of 10 the replicas look consistent, and a scalar would propagate them:
        // sqrt(3 * 100) / 3 = 5.77. A once observable has no within-replica error to propagate.
        assertEquals(Math.sqrt(300) / 3, PointStatistics.observable(ObservableSpec.of("final_size", "f"),
                once(10, 3, 5, 10)).stderr(), 1e-12);
        assertEquals(Math.sqrt(13.0 / 3.0), PointStatistics.observable(FINAL_SIZE, once(10, 3, 5, 10)).stderr(), 1e-15);
    }

    @Test
    void onceObservableHasAnErrorFromTwoReplicasAndNoneFromOne() {
        // mean 1.5, variance 0.5, error sqrt(0.5 / 2) = 0.5.
        assertEquals(0.5, PointStatistics.observable(FINAL_SIZE, once(Double.NaN, 1, 2)).stderr(), 1e-15);
        PointValue single = PointStatistics.observable(FINAL_SIZE, once(Double.NaN, 4));
        assertEquals(4.0, single.mean());
        assertTrue(Double.isNaN(single.stderr()));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Random rnd = new Random(1);
        double[][] v = new double[16][2];
        for (double[] row : v) {
            row[0] = 0.5 + 0.1 * rnd.nextDouble();
            row[1] = 0.3 + 0.1 * rnd.nextDouble();
        }
        List<ReplicaValue> in = replicas(v);
        List<PointValue> expected = PointStatistics.of(Ising2DType.INSTANCE, params, in);
        for (int i = 0; i < 10; i++) {
            List<ReplicaValue> shuffled = new ArrayList<>(in);
            Collections.shuffle(shuffled, rnd);
            assertEquals(expected, PointStatistics.of(Ising2DType.INSTANCE, params, shuffled));
        }
    }

    private static PointValue find(List<PointValue> values, String name) {
        return values.stream().filter(p -> p.observable().equals(name)).findFirst().orElseThrow();
    }
}
