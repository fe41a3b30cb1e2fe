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

/**
 * The shipped growth sweep end to end against the 1D interface classes (long: about 6 minutes on
 * 2 cores; {@code mvn -B verify -Plong}): Edwards-Wilkinson beta = 1/4 for odd coupling, KPZ
 * beta = 1/3 (Kardar, Parisi and Zhang 1986) for a strongly non-odd one, within 0.04.
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
}
