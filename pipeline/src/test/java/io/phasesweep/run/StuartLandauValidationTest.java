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
 * The shipped conf/stuart-landau.conf end to end (long: minutes on 2 cores; {@code mvn -B verify
 * -Plong}): the phases of a noisy Stuart-Landau ring of 4096 oscillators grow as Edwards-Wilkinson
 * (beta = 1/4) where c1 = c2, with and without dispersion, and as KPZ (beta = 1/3, Kardar, Parisi
 * and Zhang 1986) at c1 - c2 = -3, each within 0.04 (the growth classes' tolerance); no phase
 * slips and the amplitude near its limit cycle, so the phase reduction holds.
 */
@Tag("long")
class StuartLandauValidationTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[*]").appName("stuart-landau-validation")
                .config("spark.ui.enabled", false).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void equalDispersionsGrowAsEdwardsWilkinsonAndUnequalAsKpz() {
        SweepConfig c = ConfigLoader.load(Path.of("..", "conf", "stuart-landau.conf"), List.of(), dir.resolve("sl"));
        SweepRunner.run(spark, c, false, new PrintStream(PrintStream.nullOutputStream()));
        Map<String, Double> mean = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("sl/points").toString()).collectAsList()) {
            mean.put(r.getAs("c1") + "/" + r.getAs("c2") + "/" + r.getAs("observable"), r.getAs("mean"));
        }
        assertEquals(0.25, mean.get("0.0/0.0/beta"), 0.04, "EW");
        assertEquals(0.25, mean.get("1.0/1.0/beta"), 0.04, "EW with c1 = c2 = 1");
        assertEquals(1.0 / 3, mean.get("-3.0/0.0/beta"), 0.04, "KPZ");
        assertTrue(mean.get("-1.5/0.0/beta") > mean.get("0.0/0.0/beta"), "lambda = 3 grows faster than EW");
        for (String point : List.of("0.0/0.0", "1.0/1.0", "-1.5/0.0", "-3.0/0.0")) {
            assertEquals(0.0, mean.get(point + "/slip_rate"), 1e-4, point + ": a synchronised ring");
            assertTrue(mean.get(point + "/amplitude") > 0.9, point + ": near the limit cycle");
        }
        Map<String, String> phase = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("sl/phases").toString()).collectAsList()) {
            phase.put(r.getAs("c1") + "/" + r.getAs("c2"), r.getAs("phase"));
        }
        assertEquals("ew", phase.get("0.0/0.0"));
        assertEquals("ew", phase.get("1.0/1.0"));
        assertEquals("kpz", phase.get("-3.0/0.0"));
    }
}
