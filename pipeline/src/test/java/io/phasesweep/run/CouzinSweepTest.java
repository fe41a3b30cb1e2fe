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
 * The {@code couzin} model through the pipeline (issue 19): the paper's four states at four points
 * of the dr_o axis, named in phases/, and the same bits on one partition as on five.
 */
class CouzinSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    /** dr_a = 15 throughout; dr_o = 0, 1, 3, 10: swarm, torus, dynamic and highly parallel. */
    static final String FOUR_STATES = """
            sweep {
              model = couzin, seed = 2002, replicas = 2
              grid { dr_o = [0, 1, 3, 10], dr_a = [15] }
              params { transient = 200, t_max = 320 }
            }
            """;

    @BeforeAll
    static void start() {
        sweeps = new ModelSweeps(dir, FOUR_STATES);
    }

    @AfterAll
    static void stop() {
        sweeps.close();
    }

    @Test
    void theFourStatesOfThePaperAreNamedAndTheTablesDoNotDependOnPartitioning() {
        SweepRunner.Result one = sweeps.assertSameTablesForAnyPartitioning("couzin", FOUR_STATES,
                List.of("replicas", "points", "phases"), 1, 5);
        assertEquals(8, one.tasks());
        Map<String, Double> points = sweeps.means("couzin-1", "dr_o");
        Map<Double, String> phase = sweeps.phases("couzin-1", "dr_o");
        String all = phase + " " + points;
        assertEquals(Map.of(0.0, "swarm", 1.0, "torus", 3.0, "dynamic_parallel", 10.0, "highly_parallel"), phase, all);
        // The figures: torus m > 0.5 with P < 0.3, highly parallel P > 0.95; the swarm is
        // cohesive with P and m low (its P lies above the 0.1: see SchoolPhases).
        assertTrue(points.get("1.0/milling") > 0.5 && points.get("1.0/polarization") < 0.3, all);
        assertTrue(points.get("10.0/polarization") > 0.95, all);
        assertTrue(points.get("3.0/polarization") > 0.5 && points.get("3.0/polarization") <= 0.95, all);
        assertTrue(points.get("0.0/polarization") < 0.3 && points.get("0.0/milling") < 0.5, all);
        for (double dro : new double[] {0, 1, 3, 10}) {
            assertEquals(1.0, points.get(dro + "/group_size"), all);
        }
    }
}
