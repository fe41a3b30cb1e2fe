package io.phasesweep.run;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring's growth and roughness end to end against the 1D interface classes (long: about 8
 * minutes on 2 cores; {@code mvn -B verify -Plong}): the shipped KPZ sweep (Edwards-Wilkinson
 * beta = 1/4 for odd coupling, KPZ beta = 1/3 (Kardar, Parisi and Zhang 1986) for a strongly
 * non-odd one, within 0.04), and the growth and roughness exponents per grid point on rings four
 * times longer and twice larger than the default suite's versions in {@code SweepRunnerTest}.
 */
@Tag("long")
class KuramotoValidationTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[*]").appName("kuramoto-validation")
                .config("spark.ui.enabled", false).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void oddCouplingGrowsAsEdwardsWilkinsonAndNonOddAsKpz() {
        SweepConfig c = ConfigLoader.load(Path.of("..", "conf", "kuramoto-kpz.conf"), List.of(), dir.resolve("kpz"));
        SweepRunner.run(spark, c, false, new PrintStream(PrintStream.nullOutputStream()));
        Map<Double, Double> beta = new HashMap<>();
        Map<Double, Double> slips = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("kpz/points").toString()).collectAsList()) {
            double even = r.getAs("c");
            switch (r.<String>getAs("observable")) {
                case "beta" -> beta.put(even, r.getAs("mean"));
                case "slip_rate" -> slips.put(even, r.getAs("mean"));
                default -> { }
            }
        }
        assertEquals(0.25, beta.get(0.0), 0.04, "EW");
        assertEquals(1.0 / 3, beta.get(3.0), 0.04, "KPZ");
        assertEquals(0.0, slips.get(3.0), 1e-4, "a synchronised ring: no slips");
        Map<Double, String> phase = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("kpz/phases").toString()).collectAsList()) {
            phase.put(r.getAs("c"), r.getAs("phase"));
        }
        assertEquals(Map.of(0.0, "ew", 3.0, "kpz"), phase);
    }

    /**
     * The ring's growth exponent per point, against the interface classes: random deposition (K = 0,
     * noise), linear growth (K = 0, columnar disorder), Edwards-Wilkinson with noise and with
     * columnar disorder (K = 1, odd coupling). Even the linear equation's exact W(t) has effective
     * exponents 0.248 and 0.745 in this window on N = 2048 (0.240 and 0.735 on N = 512, where the
     * slowest modes start to saturate).
     */
    @Test
    void growthExponentsAndPhasesOfTheRingPerGridPointOnALongRing() {
        run("growth", """
                sweep {
                  model = kuramoto1d, seed = 2, replicas = 4
                  grid { K = [0.0, 1.0], D = [0.0, 0.05], sigma = [0.0, 0.05] }
                  params { N = 2048, t_max = 300.0, dt = 0.05, transient = 50.0, series_points = 36 }
                }
                """);
        Map<String, Double> beta = byAxes("growth/points", "beta", "K", "D", "sigma");
        assertEquals(0.5, beta.get("0.0/0.05/0.0"), 0.05, "random deposition");
        assertEquals(1.0, beta.get("0.0/0.0/0.05"), 0.05, "linear growth");
        assertEquals(0.25, beta.get("1.0/0.05/0.0"), 0.04, "Edwards-Wilkinson");
        assertEquals(0.75, beta.get("1.0/0.0/0.05"), 0.05, "Edwards-Wilkinson, columnar noise");
        for (Row r : rows(dir.resolve("growth/points"))) {
            if (r.getAs("observable").equals("beta") && Double.isFinite(r.getAs("mean"))) {
                // Zero for the exactly linear growth at K = 0 with columnar disorder.
                assertTrue((double) r.getAs("stderr") >= 0 && (int) r.getAs("n_replicas") == 4, r.toString());
            }
        }
        assertTrue(rows(dir.resolve("growth/points")).stream().anyMatch(r -> r.getAs("observable").equals("beta_t_from")));
        Map<String, Double> locked = byAxes("growth/points", "locked_fraction", "K", "D", "sigma");
        assertEquals(1.0, locked.get("1.0/0.05/0.0"), "coupled ring with weak noise: every pair locked");
        Map<String, String> phase = new HashMap<>();
        for (Row r : rows(dir.resolve("growth/phases"))) {
            phase.put(r.getAs("K") + "/" + r.getAs("D") + "/" + r.getAs("sigma"), r.getAs("phase"));
            assertTrue(r.<String>getAs("evidence").contains("beta = "), r.toString());
        }
        assertEquals("random_deposition", phase.get("0.0/0.05/0.0"));
        assertEquals("linear_growth", phase.get("0.0/0.0/0.05"));
        assertEquals("ew", phase.get("1.0/0.05/0.0"));
        assertEquals("ew", phase.get("1.0/0.0/0.05"));
        assertEquals("flat", phase.get("1.0/0.0/0.0"), "no noise, no disorder: nothing grows");
        assertTrue(Files.notExists(dir.resolve("growth/exponents")), "no size axis, no exponents table");
    }

    /**
     * Roughness exponent from the saturated width across an N axis: 1/2 for the noisy
     * Edwards-Wilkinson ring, 3/2 with weak columnar disorder (exact widths in KuramotoChainTest).
     * Saturation needs t >> N^2 / (4 pi^2 K) = 415 at N = 128. The small rings reach half their
     * plateau by t = 1 (W = sqrt(2 D t) before the coupling acts), so W is sampled from t = 0.1:
     * the growth before the plateau must be seen for w_sat and t_sat to be stated.
     */
    @Test
    void roughnessExponentFromTheSaturatedWidthUpToN128() {
        run("roughness", """
                sweep {
                  model = kuramoto1d, seed = 5, replicas = 16
                  grid { N = [16, 32, 64, 128], K = 1.0 }
                  params { D = 0.02, t_max = 4000.0, dt = 0.1, transient = 2000.0, series_points = 40, series_from = 0.1 }
                }
                """);
        List<Row> noise = rows(dir.resolve("roughness/exponents")).stream()
                .filter(r -> r.getAs("quantity").equals("roughness_exponent")).toList();
        assertEquals(1, noise.size(), "one per K");
        for (Row r : noise) {
            assertEquals("16,32,64,128", r.getAs("sizes"), "saturated at every size");
            assertEquals("w_sat", r.getAs("observable"));
            assertEquals("power_law", r.getAs("method"));
            // The w_sat errors are upper bounds (tail samples taken as fully correlated), so is this one.
            assertTrue((double) r.getAs("stderr") < 0.06, r.toString());
            assertEquals(0.5, r.getAs("estimate"), 3 * (double) r.getAs("stderr"), r.toString());
        }
        // Columnar disorder: alpha = 3/2 (1.49 with the exact finite-N widths at these sizes) and z = 2.
        run("columnar", """
                sweep {
                  model = kuramoto1d, seed = 6, replicas = 64
                  grid { N = [16, 32, 64] }
                  params { K = 1.0, sigma = 0.02, t_max = 1000.0, dt = 0.1, transient = 500.0, series_points = 40 }
                }
                """);
        Map<String, Row> columnar = new HashMap<>();
        rows(dir.resolve("columnar/exponents")).forEach(r -> columnar.put(r.getAs("quantity"), r));
        Row alpha = columnar.get("roughness_exponent");
        assertTrue((double) alpha.getAs("stderr") < 0.08, alpha.toString());
        assertEquals(1.49, alpha.getAs("estimate"), 3 * (double) alpha.getAs("stderr"), alpha.toString());
        assertEquals(2.0, columnar.get("dynamic_exponent").getAs("estimate"), 0.15, columnar.toString());
    }

    private static void run(String out, String text) {
        SweepConfig c = ConfigLoader.load(io.phasesweep.testing.Configs.write(dir, out + ".conf", text), List.of(),
                dir.resolve(out));
        SweepRunner.run(spark, c, false, new PrintStream(PrintStream.nullOutputStream()));
    }

    private static List<Row> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList();
    }

    private static Map<String, Double> byAxes(String table, String observable, String... axes) {
        Map<String, Double> out = new HashMap<>();
        for (Row r : rows(dir.resolve(table))) {
            if (r.getAs("observable").equals(observable)) {
                List<String> key = new java.util.ArrayList<>();
                for (String a : axes) {
                    key.add(String.valueOf((Object) r.getAs(a)));
                }
                out.put(String.join("/", key), r.getAs("mean"));
            }
        }
        return out;
    }
}
