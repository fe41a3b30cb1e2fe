package io.phasesweep.run;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring's growth exponent and phase per grid point, against the interface classes: random
 * deposition (K = 0, noise), linear growth (K = 0, columnar disorder), Edwards-Wilkinson with
 * noise and with columnar disorder (K = 1, odd coupling). One check for both tiers: the default
 * suite runs it on N = 512, the long tier on N = 2048. Even the linear equation's exact W(t) has
 * effective exponents below 1/4 and 3/4 in this time window, where the slowest modes start to
 * saturate: 0.240 and 0.735 on N = 512, 0.248 and 0.745 on N = 2048.
 */
final class RingGrowthCheck {
    private RingGrowthCheck() {
    }

    /**
     * Runs the growth sweep on rings of {@code n} oscillators into {@code dir/growth} with
     * {@code run} (output name, config text) and checks its points and phases.
     *
     * @param ewBeta         the Edwards-Wilkinson growth exponent expected with noise at this N
     * @param columnarEwBeta the one with columnar disorder
     */
    static void check(SparkSession spark, Path dir, BiConsumer<String, String> run, int n, double ewBeta,
                      double columnarEwBeta) {
        run.accept("growth", String.format(Locale.ROOT, """
                sweep {
                  model = kuramoto1d, seed = 2, replicas = 4
                  grid { K = [0.0, 1.0], D = [0.0, 0.05], sigma = [0.0, 0.05] }
                  params { N = %d, t_max = 300.0, dt = 0.05, transient = 50.0, series_points = 36 }
                }
                """, n));
        List<Row> points = spark.read().parquet(dir.resolve("growth/points").toString()).collectAsList();
        Map<String, Double> beta = byAxes(points, "beta");
        assertEquals(0.5, beta.get("0.0/0.05/0.0"), 0.05, "random deposition");
        assertEquals(1.0, beta.get("0.0/0.0/0.05"), 0.05, "linear growth");
        assertEquals(ewBeta, beta.get("1.0/0.05/0.0"), 0.04, "Edwards-Wilkinson");
        assertEquals(columnarEwBeta, beta.get("1.0/0.0/0.05"), 0.05, "Edwards-Wilkinson, columnar noise");
        for (Row r : points) {
            if (r.getAs("observable").equals("beta") && Double.isFinite(r.getAs("mean"))) {
                // Zero for the exactly linear growth at K = 0 with columnar disorder.
                assertTrue((double) r.getAs("stderr") >= 0 && (int) r.getAs("n_replicas") == 4, r.toString());
            }
        }
        assertTrue(points.stream().anyMatch(r -> r.getAs("observable").equals("beta_t_from")));
        // The continuum coefficients: exact functions of the parameters, error 0, on every point.
        assertEquals(1.0, byAxes(points, "nu_eff").get("1.0/0.05/0.0"), 0, "nu = K cos(alpha) at alpha = 0");
        assertEquals(0.0, byAxes(points, "kpz_coupling").get("1.0/0.05/0.0"), 0, "odd coupling: lambda = 0");
        assertTrue(Double.isNaN(byAxes(points, "t_cross").get("1.0/0.05/0.0")), "no crossover without lambda");
        assertTrue(points.stream().filter(r -> r.getAs("observable").equals("nu_eff"))
                .allMatch(r -> (double) r.getAs("stderr") == 0 && (int) r.getAs("n_replicas") == 4), "exact, all replicas");
        assertEquals(1.0, byAxes(points, "locked_fraction").get("1.0/0.05/0.0"),
                "coupled ring with weak noise: every pair locked");
        Map<String, String> phase = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("growth/phases").toString()).collectAsList()) {
            phase.put(key(r), r.getAs("phase"));
            assertTrue(r.<String>getAs("evidence").contains("beta = "), r.toString());
        }
        assertEquals("random_deposition", phase.get("0.0/0.05/0.0"));
        assertEquals("linear_growth", phase.get("0.0/0.0/0.05"));
        assertEquals("ew", phase.get("1.0/0.05/0.0"));
        assertEquals("ew", phase.get("1.0/0.0/0.05"));
        assertEquals("flat", phase.get("1.0/0.0/0.0"), "no noise, no disorder: nothing grows");
        assertTrue(Files.notExists(dir.resolve("growth/exponents")), "no size axis, no exponents table");
    }

    /** Points' means of one observable by K/D/sigma, e.g. "0.0/0.05/0.0". */
    private static Map<String, Double> byAxes(List<Row> points, String observable) {
        Map<String, Double> out = new HashMap<>();
        for (Row r : points) {
            if (r.getAs("observable").equals(observable)) {
                out.put(key(r), r.getAs("mean"));
            }
        }
        return out;
    }

    private static String key(Row r) {
        List<String> key = new ArrayList<>();
        for (String a : List.of("K", "D", "sigma")) {
            key.add(String.valueOf((Object) r.getAs(a)));
        }
        return String.join("/", key);
    }
}
