package io.phasesweep.model;

import io.phasesweep.stats.Bins;
import io.phasesweep.stats.Histogram;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histogram observables, on independent spins whose magnetisation is exactly binomial: the
 * framework's counts follow the distribution, values recorded in finish count too, and what has
 * no bin fails the task.
 */
class HistogramObservableTest {
    private static final ModelType SPINS = IndependentSpinsType.INSTANCE;
    /** A correct histogram fails the chi-square test with this probability (the seed is fixed). */
    private static final double P_VALUE_THRESHOLD = 1e-3;
    /** Standard errors a proportion may miss its exact value by. */
    private static final double K_SIGMA = 4;

    private static Histogram run(Params p, long seed, String histogram) {
        return ReplicaRunner.run(SPINS, List.of(p), seed).members().get(0).histograms().get(histogram);
    }

    @Test
    void magnetisationHistogramFollowsTheBinomialDistribution() {
        double h = 0.5;
        double t = 2.0;
        Params p = Params.resolve(SPINS, Map.of("T", t, "h", h, "sweeps", 5_000L));
        int n = IndependentSpinsType.SPINS;
        long[] observed = new long[n + 1];
        for (long seed = 1; seed <= 4; seed++) {
            Histogram hist = run(p, seed, IndependentSpinsType.DISTRIBUTION);
            assertEquals(5_000, hist.total());
            assertEquals(0, hist.underflow() + hist.overflow(), "every m lies within the bins");
            for (int i = 0; i <= n; i++) {
                observed[i] += hist.count(i);
            }
        }
        // Bin i holds m = (2i - N) / N, i.e. i up spins.
        BinomialDistribution exact = new BinomialDistribution(n, IndependentSpinsType.upProbability(h, t));
        double[] expected = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            expected[i] = 20_000 * exact.probability(i);
            assertTrue(expected[i] >= 5, "the chi-square approximation needs >= 5 expected per bin: " + expected[i]);
        }
        double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(pValue > P_VALUE_THRESHOLD, "chi-square p-value " + pValue + " for " + java.util.Arrays.toString(observed));
    }

    @Test
    void valuesRecordedInFinishAreCountedOncePerReplica() {
        Params p = Params.resolve(SPINS, Map.of("T", 1.0, "h", 0.3, "sweeps", 1L));
        int replicas = 500;
        long up = 0;
        for (long seed = 0; seed < replicas; seed++) {
            Histogram spins = run(p, seed, IndependentSpinsType.FINAL_SPINS);
            assertEquals(IndependentSpinsType.SPINS, spins.total());
            assertEquals(0, spins.underflow() + spins.overflow());
            up += spins.count(1);
        }
        double n = (double) replicas * IndependentSpinsType.SPINS;
        double exact = IndependentSpinsType.upProbability(0.3, 1.0);
        double sigma = Math.sqrt(exact * (1 - exact) / n);
        assertEquals(exact, up / n, K_SIGMA * sigma);
    }

    @Test
    void nanFailsTheTaskNamingTheHistogram() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReplicaRunner.run(new Recording(Double.NaN, 1), Params.resolve(new Recording(0, 1), Map.of()), 1));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void aHistogramWithoutValuesFailsTheTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReplicaRunner.run(new Recording(0.5, 0), Params.resolve(new Recording(0, 0), Map.of()), 1));
        assertTrue(e.getMessage().contains("never recorded a value of histogram 'x'"), e.getMessage());
    }

    @Test
    void outOfRangeAndEdgeValuesAreCountedWhereTheBinsSay() {
        // Bins [0, 1), [1, 2): 2.0 is overflow, -0.0 is in bin 0 (it equals 0), infinity overflow.
        double[] values = {-0.0, 1.0, 2.0, -1e-300, Double.POSITIVE_INFINITY};
        ModelType type = new Recording(values);
        Histogram h = ReplicaRunner.run(type, List.of(Params.resolve(type, Map.of())), 1).members().get(0)
                .histograms().get("x");
        assertEquals(1, h.underflow());
        assertEquals(1, h.count(0));
        assertEquals(1, h.count(1));
        assertEquals(2, h.overflow());
    }

    /** Records the given values into histogram x (bins [0, 1), [1, 2)) in one measured unit, beside a scalar. */
    private static final class Recording implements ModelType {
        private final double[] values;

        Recording(double value, int times) {
            this(java.util.stream.DoubleStream.generate(() -> value).limit(times).toArray());
        }

        Recording(double... values) {
            this.values = values;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "records given values";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public List<ObservableSpec> observables() {
            return List.of(ObservableSpec.of("y", "a scalar"), ObservableSpec.histogram("x", "values", Bins.edges(0, 1, 2)));
        }

        @Override
        public Map<String, Object> example() {
            return Map.of();
        }

        @Override
        public Schedule schedule(Params params) {
            return new Schedule(0, 1);
        }

        @Override
        public Model create(Params params, UniformRandomProvider rng) {
            return new Model() {
                @Override
                public void advance() {
                }

                @Override
                public void measure(Recorder out) {
                    out.record("y", 1);
                    for (double v : values) {
                        out.record("x", v);
                    }
                }
            };
        }

        @Override
        public long memoryBytes(Params params) {
            return 0;
        }
    }
}
