package io.phasesweep.run;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code sir_network} model through the pipeline (issue 20): a 1D front on an exponential and a
 * power-law kernel with exponential expected degrees, the front quantities in points/ from the
 * front_advance series that only major outbreaks record (NaN where the radius jumps across the ring
 * at once), and the same bits on one partition as on five.
 */
class SirNetworkSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    static final String FRONTS = """
            sweep {
              model = sir_network, seed = 2020, replicas = 8
              grid { kernel = [exponential, power_law] }
              params { N = 3000, dim = 1, k_mean = 10, degrees = exponential, ell = 0.005, a = 2, beta = 1,
                       t_max = 12, output_interval = 0.5 }
            }
            """;

    @BeforeAll
    static void start() {
        sweeps = new ModelSweeps(dir, FRONTS);
    }

    @AfterAll
    static void stop() {
        sweeps.close();
    }

    @Test
    void frontQuantitiesComeFromMajorOutbreaksAndTheTablesDoNotDependOnPartitioning() {
        SweepRunner.Result one = sweeps.assertSameTablesForAnyPartitioning("sir", FRONTS,
                List.of("replicas", "points", "timeseries"), 1, 5);
        assertEquals(16, one.tasks());
        Map<String, Double> points = sweeps.means("sir-1", "kernel");
        String all = points.toString();
        // Major outbreaks, their count and the front_advance rows agree: only they record the series.
        for (String kernel : List.of("exponential", "power_law")) {
            double majors = 8 * points.get(kernel + "/major_outbreak");
            long recorded = sweeps.rows("sir-1", "timeseries").stream()
                    .filter(r -> r.getAs("kernel").equals(kernel) && r.getAs("observable").equals("front_advance")
                            && (double) r.getAs("time") == 0.0)
                    .mapToLong(r -> ((Number) r.getAs("n_replicas")).longValue()).sum();
            assertEquals(majors, recorded, 1e-9, kernel + ": " + all);
            assertTrue(majors >= 4, kernel + ": too few major outbreaks for the front: " + all);
        }
        // The exponential kernel's front crosses the ring at a finite speed; on the power law (a = 2,
        // ell = 0.004) a jump reaches across the ring within the first output interval: no front to fit.
        assertTrue(points.get("exponential/front_speed") > 0, all);
        assertTrue(points.get("exponential/front_growth_exponent") < 1.3, all);
        assertTrue(Double.isNaN(points.get("power_law/front_speed")), all);
        assertTrue(Double.isNaN(points.get("power_law/front_growth_exponent")), all);
    }
}
