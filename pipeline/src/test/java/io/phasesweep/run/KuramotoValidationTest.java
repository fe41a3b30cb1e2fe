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
 * non-odd one, within 0.04), the growth exponents per grid point on a ring four times longer than
 * the default suite's ({@link RingGrowthCheck}), and the noisy ring's roughness exponent up to N = 128.
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

    /** The default suite's growth check (RingGrowthCheck) on a ring four times longer. */
    @Test
    void growthExponentsAndPhasesOfTheRingPerGridPointOnALongRing() {
        RingGrowthCheck.check(spark, dir, KuramotoValidationTest::run, 2048, 0.25, 0.75);
    }

    /**
     * Roughness exponent from the saturated width across an N axis: 1/2 for the noisy
     * Edwards-Wilkinson ring (exact widths in KuramotoChainTest; 3/2 with columnar disorder is in
     * the default suite, SweepRunnerTest).
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
    }

    private static void run(String out, String text) {
        SweepConfig c = ConfigLoader.load(io.phasesweep.testing.Configs.write(dir, out + ".conf", text), List.of(),
                dir.resolve(out));
        SweepRunner.run(spark, c, false, new PrintStream(PrintStream.nullOutputStream()));
    }

    private static List<Row> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList();
    }
}
