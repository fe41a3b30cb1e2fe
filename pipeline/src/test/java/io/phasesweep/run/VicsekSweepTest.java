package io.phasesweep.run;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vicsek model end to end on local Spark (issue 19): same bits for any partitioning, the 1995 limits, FSS on L. */
class VicsekSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    static final String SMALL = """
            sweep {
              model = vicsek, seed = 19, replicas = 3
              grid { N = [50, 120], eta = [1.0, 3.0, 5.5], noise = [angular, vectorial] }
              params { rho = 2.0, v0 = 0.1, transient = 50, steps = 200 }
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
     * One, four and automatic partitions: the same replicas and points (Row equality compares
     * doubles with ==), and the same raw bits of every value and error.
     */
    @Test
    void vicsekTablesAreBitIdenticalForAnyPartitioning() {
        SweepRunner.Result one = sweeps.assertSameTablesForAnyPartitioning("p", SMALL, List.of("replicas", "points"),
                1, 4, 0);
        assertEquals(2 * 3 * 2 * 3L, one.tasks());
        assertEquals(2 * 3 * 2 * 3 * 5L, sweeps.rows("p-1", "replicas").size(),
                "three observables and two derived quantities per replica");
    }

    /**
     * Vicsek et al.'s parameters (N = 400, rho = 4, v0 = 0.03) through the pipeline: phi > 0.9 at
     * eta = 0.1; at eta = 2 pi (every heading redrawn uniformly each step) phi within 30 % of
     * sqrt(pi / 4N), and within five of its standard errors, with the derived Binder cumulant and
     * susceptibility beside it in points/.
     */
    @Test
    void orderedAtLowNoiseAndRandomAtFullNoiseWithVicseksParameters() {
        sweeps.run("limits", """
                sweep {
                  model = vicsek, seed = 1995, replicas = 2
                  grid { eta = [0.1, 6.283185307179586] }
                  params { N = 400, rho = 4.0, v0 = 0.03, transient = 3000, steps = 1500 }
                }
                """);
        Map<String, double[]> points = new HashMap<>();
        for (Row r : sweeps.rows("limits", "points")) {
            points.put(r.getAs("observable") + "/" + r.getAs("eta"),
                    new double[] {r.getAs("mean"), r.getAs("stderr")});
        }
        double[] ordered = points.get("polarization/0.1");
        assertTrue(ordered[0] > 0.9, "phi at eta = 0.1: " + Arrays.toString(ordered));
        double[] random = points.get("polarization/" + 2 * Math.PI);
        double expected = Math.sqrt(Math.PI / (4 * 400));
        assertEquals(expected, random[0], 0.3 * expected, "phi at eta = 2 pi: " + Arrays.toString(random));
        assertEquals(expected, random[0], 5 * random[1], "phi at eta = 2 pi: " + Arrays.toString(random));
        assertEquals(1.0 / 3, points.get("polarization_binder/" + 2 * Math.PI)[0], 0.05);
        assertTrue(points.get("polarization_binder/0.1")[0] > 0.66, "Binder near 2/3 when ordered");
        assertEquals(1 - Math.PI / 4, points.get("polarization_susceptibility/" + 2 * Math.PI)[0], 0.05);
    }

    /** fss { size = L }: the analysis runs on the box sides sqrt(N / rho) = 4, 6, 8, one group for all N. */
    @Test
    void theFiniteSizeScalingAnalysisUsesTheDerivedBoxSide() {
        SweepRunner.Result r = sweeps.run("fss", """
                sweep {
                  model = vicsek, seed = 7, replicas = 4
                  grid { N = [64, 144, 256], eta = [2.0, 3.0, 3.5, 4.0, 4.5, 5.5] }
                  params { rho = 4.0, v0 = 0.1, transient = 200, steps = 400 }
                }
                fss { control = eta, size = L, observables = [polarization_binder], bootstrap = 10 }
                """);
        assertTrue(r.rows().get("fss") > 0);
        List<Row> fss = sweeps.rows("fss", "fss");
        assertFalse(fss.isEmpty());
        assertTrue(fss.stream().anyMatch(row -> row.<String>getAs("sizes").equals("4,6,8")),
                "sizes are the box sides: " + fss.stream().map(row -> row.<String>getAs("sizes")).distinct().toList());
    }
}
