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
 * The {@code kuramoto2d} lattice through the pipeline (issue 25): the same bits for any
 * partitioning, the continuum coefficients in points/, and the two-dimensional Edwards-Wilkinson
 * interface's logarithmic growth as {@code log_growth} beside its exact slope {@code log_growth_ew}.
 */
class KuramotoLatticeSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    static final String SMALL = """
            sweep {
              model = kuramoto2d, seed = 25, replicas = 2
              grid { L = [8, 16], alpha = [0.0, 1.2] }
              params { D = 0.1, sigma = 0.02, t_max = 20.0, transient = 10.0, dt = 0.05, series_points = 12 }
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

    /**
     * One, three and automatic partitions: the same replicas, points and series (Row equality
     * compares doubles with ==), and the same raw bits of every value and error; the parameter-only
     * quantities are exact, with error 0.
     */
    @Test
    void kuramoto2dTablesAreBitIdenticalForAnyPartitioning() {
        SweepRunner.Result one = sweeps.assertSameTablesForAnyPartitioning("p", SMALL,
                List.of("replicas", "points", "timeseries"), 1, 3, 0);
        assertEquals(8, one.tasks());
        Map<String, Double> points = new HashMap<>();
        for (Row r : sweeps.rows("p-1", "points")) {
            points.put(r.getAs("L") + "/" + r.getAs("alpha") + "/" + r.getAs("observable"), r.getAs("mean"));
            if (List.of("nu_eff", "lambda_eff", "kpz_coupling", "t_cross", "log_growth_ew").contains(r.<String>getAs("observable"))) {
                assertEquals(0.0, (double) r.getAs("stderr"), r.toString());
            }
        }
        assertEquals(Math.cos(1.2), points.get("16/1.2/nu_eff"), 1e-15);
        assertEquals(2 * Math.sin(1.2), points.get("16/1.2/lambda_eff"), 1e-15);
        assertEquals(0.1 / (4 * Math.PI), points.get("16/0.0/log_growth_ew"), 1e-15);
        assertTrue(Double.isNaN(points.get("16/0.0/t_cross")), "odd coupling: no crossover");
        assertTrue(points.containsKey("8/1.2/vortex_density") && points.containsKey("8/1.2/log_growth"), points.keySet().toString());
    }

    /**
     * Odd coupling under noise on L = 64 up to t = 20 (before the slowest modes saturate): the fitted
     * slope of W^2 against ln t over its last 1.5 decades is D / (4 pi nu) (the exact lattice sum
     * over those times gives 0.993 of it), within 15 % with four replicas; no vortex appears.
     */
    @Test
    void oddCouplingGrowsLogarithmicallyWithTheEdwardsWilkinsonSlope() {
        sweeps.run("ew", """
                sweep {
                  model = kuramoto2d, seed = 4, replicas = 4
                  grid { L = 64 }
                  params { K = 1.0, D = 0.05, t_max = 20.0, transient = 5.0, dt = 0.05, series_points = 20 }
                }
                """);
        Map<String, Double> points = sweeps.means("ew", "L");
        double exact = points.get("64/log_growth_ew");
        assertEquals(0.05 / (4 * Math.PI), exact, 1e-15);
        assertEquals(exact, points.get("64/log_growth"), 0.15 * exact, points.toString());
        assertEquals(0.0, points.get("64/vortex_density"));
        assertEquals(0.0, points.get("64/slip_rate"));
    }
}
