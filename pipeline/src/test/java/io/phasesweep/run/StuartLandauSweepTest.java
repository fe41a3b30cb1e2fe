package io.phasesweep.run;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stuart_landau1d ring end to end on local Spark (issue 25): the same bits for any
 * partitioning, and its growth classes per grid point through the points and phases tables.
 */
class StuartLandauSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    static final String SMALL = """
            sweep {
              model = stuart_landau1d, seed = 25, replicas = 2
              grid { K = [0.0, 1.0], D = [0.0, 0.05], sigma = [0.0, 0.3] }
              params { N = 48, c1 = 0.5, c2 = 1.5, t_max = 30.0, dt = 0.05, transient = 5.0, series_points = 20 }
            }
            """;

    @BeforeAll
    static void start() {
        sweeps = new ModelSweeps(dir, SMALL);
    }

    @AfterAll
    static void stop() {
        sweeps.close();
    }

    /** One, three and automatic partitions: the same replicas, series, points and phases, to the bit. */
    @Test
    void stuartLandauTablesAreBitIdenticalForAnyPartitioning() {
        SweepRunner.Result one = sweeps.assertSameTablesForAnyPartitioning("p", SMALL,
                List.of("replicas", "timeseries", "points", "phases"), 1, 3, 0);
        assertEquals(8 * 2L, one.tasks());
    }

    /**
     * The growth classes on N = 512 up to t = 300 with c1 = c2 = 0.5 (nu = 1.25, lambda = 0): random
     * deposition (beta 1/2) without coupling under noise, linear growth (1) without coupling under
     * disorder, Edwards-Wilkinson with noise (1/4) and with columnar disorder (3/4), a flat ring
     * without either; the phase reduction's coefficients on every point.
     */
    @Test
    void growthClassesPerGridPoint() {
        sweeps.run("growth", """
                sweep {
                  model = stuart_landau1d, seed = 2, replicas = 4
                  grid { K = [0.0, 1.0], D = [0.0, 0.05], sigma = [0.0, 0.05] }
                  params { N = 512, c1 = 0.5, c2 = 0.5, t_max = 300.0, dt = 0.05, transient = 50.0, series_points = 36 }
                }
                """);
        Map<String, Double> beta = new HashMap<>();
        Map<String, Double> values = new HashMap<>();
        for (Row r : sweeps.rows("growth", "points")) {
            String key = r.getAs("K") + "/" + r.getAs("D") + "/" + r.getAs("sigma");
            values.put(key + "/" + r.getAs("observable"), r.getAs("mean"));
            if (r.getAs("observable").equals("beta")) {
                beta.put(key, r.getAs("mean"));
            }
        }
        assertEquals(0.5, beta.get("0.0/0.05/0.0"), 0.05, "random deposition");
        assertEquals(1.0, beta.get("0.0/0.0/0.05"), 0.05, "linear growth");
        assertEquals(0.25, beta.get("1.0/0.05/0.0"), 0.04, "Edwards-Wilkinson");
        assertEquals(0.75, beta.get("1.0/0.0/0.05"), 0.05, "Edwards-Wilkinson, columnar noise");
        assertEquals(1.25, values.get("1.0/0.05/0.0/nu_eff"), 1e-15);
        assertEquals(0.0, values.get("1.0/0.05/0.0/lambda_eff"), 0);
        assertEquals(0.0625, values.get("1.0/0.05/0.0/noise_eff"), 1e-15);
        assertEquals(0.0, values.get("1.0/0.05/0.0/slip_rate"), 0);
        assertTrue(values.get("1.0/0.05/0.0/amplitude") > 0.95, "on the limit cycle");
        Map<String, String> phase = new HashMap<>();
        for (Row r : sweeps.rows("growth", "phases")) {
            phase.put(r.getAs("K") + "/" + r.getAs("D") + "/" + r.getAs("sigma"), r.getAs("phase"));
        }
        assertEquals("random_deposition", phase.get("0.0/0.05/0.0"));
        assertEquals("linear_growth", phase.get("0.0/0.0/0.05"));
        assertEquals("ew", phase.get("1.0/0.05/0.0"));
        assertEquals("ew", phase.get("1.0/0.0/0.05"));
        assertEquals("flat", phase.get("1.0/0.0/0.0"));
    }
}
