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
 * The square lattice's growth on L = 256 end to end, the shipped {@code conf/kuramoto2d.conf}
 * (long: about 9 minutes of two free cores; {@code mvn -B verify -Plong}). Odd coupling grows as
 * the 2D Edwards-Wilkinson interface, W^2 = (D / (4 pi nu)) ln t; a strongly non-odd coupling that
 * stays synchronised (alpha = 0.9, g = 0.51) grows far short of the 2D KPZ exponent beta = 0.2415(15)
 * (Kelling and Odor, Phys. Rev. E 84, 061150 (2011)), whose crossover time exp(16 pi / g) / nu no
 * run reaches; a stronger one (alpha = 1.2, g = 3.6) desynchronises explosively (Lauter, Mitra and
 * Marquardt, Phys. Rev. E 96, 012220 (2017)) and its interface grows like uncoupled oscillators'.
 */
@Tag("long")
class KuramotoLatticeValidationTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[*]").appName("kuramoto2d-validation")
                .config("spark.ui.enabled", false).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void oddCouplingGrowsLogarithmicallyAndNonOddCouplingFallsShortOfKpzOrDesynchronisesOnL256() {
        SweepConfig c = ConfigLoader.load(Path.of("..", "conf", "kuramoto2d.conf"), List.of(), dir.resolve("k2d"));
        SweepRunner.run(spark, c, false, new PrintStream(PrintStream.nullOutputStream()));
        Map<String, double[]> at256 = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("k2d/points").toString()).collectAsList()) {
            if ((int) r.getAs("L") == 256) {
                at256.put(r.getAs("alpha") + "/" + r.getAs("observable"), new double[]{r.getAs("mean"), r.getAs("stderr")});
            }
        }
        String all = describe(at256);
        // Odd coupling: the exact lattice sum over the fit window (6.3 to 200) gives 0.983 of D / (4 pi nu).
        double ew = at256.get("0.0/log_growth_ew")[0];
        assertEquals(0.05 / (4 * Math.PI), ew, 1e-15);
        double[] b = at256.get("0.0/log_growth");
        assertTrue(b[1] < 0.1 * ew, "log growth resolved to 10 %: " + all);
        assertEquals(0.983 * ew, b[0], 3 * b[1], all);
        assertEquals(0.0, at256.get("0.0/slip_rate")[0], all);
        assertEquals(0.0, at256.get("0.0/vortex_density")[0], all);
        // alpha = 0.9: synchronised, and short of 2D KPZ's beta.
        assertTrue(at256.get("0.9/order_parameter")[0] > 0.9, all);
        assertEquals(0.0, at256.get("0.9/vortex_density")[0], all);
        assertTrue(at256.get("0.9/slip_rate")[0] < 1e-6, all);
        double[] beta = at256.get("0.9/beta");
        assertTrue(beta[0] > 0 && beta[0] + 3 * beta[1] < 0.2415 - 0.03, "beta at alpha = 0.9: " + all);
        // alpha = 1.2: explosive desynchronisation, then growth like uncoupled oscillators' (W ~ t^1/2).
        assertTrue(at256.get("1.2/slip_rate")[0] > 0.01, all);
        assertTrue(at256.get("1.2/vortex_density")[0] > 0.01, all);
        assertTrue(at256.get("1.2/order_parameter")[0] < 0.2, all);
        assertEquals(0.5, at256.get("1.2/beta")[0], 0.06, all);
    }

    private static String describe(Map<String, double[]> points) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(points).forEach((k, v) -> s.append(k).append('=').append(v[0]).append("+-").append(v[1]).append("; "));
        return s.toString();
    }
}
