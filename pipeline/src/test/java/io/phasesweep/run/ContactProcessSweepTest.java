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
 * The {@code contact_process} model through the pipeline (issue 20): a 1D ring below, at and above
 * lambda_c = 3.2978 named absorbing, critical and active in phases/ from the density's late-time
 * decay slope, and the same bits on one partition as on five.
 */
class ContactProcessSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    static final String THREE_PHASES = """
            sweep {
              model = contact_process, seed = 1974, replicas = 3
              grid { lambda = [2.8, 3.2978, 4.0] }
              params { dim = 1, L = 2048, t_max = 200, transient = 100, output_interval = 10, series_points = 25 }
            }
            """;

    @BeforeAll
    static void start() {
        sweeps = new ModelSweeps(dir, THREE_PHASES);
    }

    @AfterAll
    static void stop() {
        sweeps.close();
    }

    @Test
    void belowAtAndAboveLambdaCAreNamedAndTheTablesDoNotDependOnPartitioning() {
        SweepRunner.Result one = sweeps.assertSameTablesForAnyPartitioning("contact", THREE_PHASES,
                List.of("replicas", "points", "phases"), 1, 5);
        assertEquals(9, one.tasks());
        Map<String, Double> points = sweeps.means("contact-1", "lambda");
        Map<Double, String> phase = sweeps.phases("contact-1", "lambda");
        String all = phase + " " + points;
        assertEquals(Map.of(2.8, "absorbing", 3.2978, "critical", 4.0, "active"), phase, all);
        // Above lambda_c the ring stays active: its density is the stationary one, alive throughout.
        assertTrue(points.get("4.0/density") > 0.4, all);
        assertEquals(points.get("4.0/density"), points.get("4.0/density_surviving"), 1e-12, all);
        // Below, the quasi-stationary density is that of the surviving replicas only.
        assertTrue(points.get("2.8/density_surviving") >= points.get("2.8/density"), all);
        assertEquals(-0.1595, points.get("3.2978/density_slope"), 0.06, all);
    }
}
