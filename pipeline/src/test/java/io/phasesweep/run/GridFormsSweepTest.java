package io.phasesweep.run;

import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Grid;
import io.phasesweep.testing.DiskPhasesType;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid language of issue 23 through the whole pipeline: resolved expressions and linked axes
 * in the tables and the FSS analysis, a sampled design and boundary refinement giving the same
 * bits for any partitioning, and refinement converging on a boundary known exactly.
 */
class GridFormsSweepTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    /** A unit circle (test-disk) on a 7 x 7 grid of step 0.5, bisected twice: to 0.125. */
    static final String DISK = """
            sweep {
              model = test-disk, seed = 5
              grid { x = { from = -1.5, to = 1.5, steps = 7 }, y = { from = -1.5, to = 1.5, steps = 7 } }
              refine { along = phases, passes = 2 }
            }
            """;

    @BeforeAll
    static void start() {
        sweeps = new ModelSweeps(dir, DISK);
    }

    @AfterAll
    static void stop() {
        sweeps.close();
    }

    @Test
    void boundaryRefinementConvergesOnAKnownCircleWithTheSameBitsForAnyPartitioning() throws Exception {
        SweepRunner.Result r = sweeps.assertSameTablesForAnyPartitioning("disk", DISK,
                List.of("replicas", "points", "phases"), 1, 3);
        Map<List<Double>, String> phase = new HashMap<>();
        Map<Integer, Integer> perPass = new TreeMap<>();
        for (Row row : sweeps.rows("disk-1", "phases")) {
            double x = row.getAs("x");
            double y = row.getAs("y");
            String name = row.getAs("phase");
            assertEquals(Math.hypot(x - DiskPhasesType.X0, y - DiskPhasesType.Y0) < 1 ? "inside" : "outside", name);
            phase.put(List.of(x, y), name);
            perPass.merge(row.<Integer>getAs("pass"), 1, Integer::sum);
        }
        assertEquals(Set.of(1, 2, 3), perPass.keySet(), "two refinement passes after the grid: " + perPass);
        assertEquals(49, perPass.get(1));
        assertEquals(r.tasks(), phase.size(), "one task per point, every point once");
        // Every crossing of a grid line with the circle is bracketed by neighbours 0.5 / 4 apart.
        int crossings = 0;
        for (List<Double> p : phase.keySet()) {
            if (p.stream().anyMatch(v -> Math.abs(v * 2 - Math.rint(v * 2)) > 1e-12)) {
                continue; // not a point of the configured grid
            }
            for (int axis = 0; axis < 2; axis++) {
                List<Double> q = new ArrayList<>(p);
                q.set(axis, p.get(axis) + 0.5);
                if (phase.containsKey(q) && !phase.get(q).equals(phase.get(p))) {
                    crossings++;
                    assertTrue(bracketed(phase, p, axis, 0.125), "the crossing from " + p + " along " + axis);
                }
            }
        }
        assertTrue(crossings >= 16, crossings + " crossings");
        // Far fewer points than a dense grid of that step (25 x 25).
        assertTrue(phase.size() < 25 * 25 / 4, phase.size() + " points");
        String manifest = Files.readString(dir.resolve("disk-1/manifest.json"));
        assertTrue(manifest.contains("\"refine_pass_3_points\""), manifest);
    }

    /** Neighbours {@code step} apart on the segment from p along the axis, in different phases. */
    private static boolean bracketed(Map<List<Double>, String> phase, List<Double> p, int axis, double step) {
        for (double t = 0; t < 0.5; t += step) {
            List<Double> a = new ArrayList<>(p);
            a.set(axis, p.get(axis) + t);
            List<Double> b = new ArrayList<>(p);
            b.set(axis, p.get(axis) + t + step);
            if (phase.containsKey(a) && phase.containsKey(b) && !phase.get(a).equals(phase.get(b))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSampledDesignBesideASizeAxisHasTheSameBitsForAnyPartitioning() {
        String conf = """
                sweep {
                  model = ising2d, seed = 8, replicas = 2
                  grid { L = [4, 6], design = sobol, points = 8, ranges { T = [1.5, 3.5], h = [0, 0.5] } }
                  params { algorithm = metropolis, sweeps = 40, thermalization = 10 }
                }
                """;
        sweeps.assertSameTablesForAnyPartitioning("design", conf, List.of("replicas", "points"), 1, 3);
        Grid grid = sweeps.config(conf).plan().grid();
        Set<List<Object>> expected = new HashSet<>();
        for (long i = 0; i < grid.size(); i++) {
            expected.add(Arrays.asList(grid.point(i)));
        }
        Set<List<Object>> found = new HashSet<>();
        for (Row row : sweeps.rows("design-1", "points")) {
            found.add(List.of(row.getAs("L"), row.getAs("T"), row.getAs("h")));
        }
        assertEquals(expected, found, "the design's points, as drawn from the sweep seed");
    }

    @Test
    void linkedSizesWithScaledRunLengthsKeepTheirResolvedValuesAndStillGiveFss() {
        String conf = """
                sweep {
                  model = ising2d, seed = 23, replicas = 4
                  grid {
                    link { L = [6, 12], sweeps = [200, 400] }
                    T = [2.0, 2.15, 2.3, 2.45, 2.6]
                  }
                  params { algorithm = wolff, thermalization = "2 * L^2" }
                }
                fss { control = T, size = L, observables = [binder], bootstrap = 10 }
                """;
        SweepConfig config = sweeps.config(conf);
        sweeps.run("linked", conf);
        for (Row row : sweeps.rows("linked", "replicas")) {
            int l = row.getAs("L");
            assertEquals(l == 6 ? 200L : 400L, (long) row.<Long>getAs("sweeps"));
            assertEquals(2L * l * l, (long) row.<Long>getAs("thermalization"));
            Object[] point = {l, row.getAs("sweeps"), row.getAs("T"), row.getAs("thermalization")};
            assertEquals(config.plan().seed(point, row.getAs("replica")), (long) row.<Long>getAs("seed"),
                    "the seed of the resolved values");
        }
        List<Row> fss = sweeps.rows("linked", "fss");
        assertFalse(fss.isEmpty());
        List<String> columns = Arrays.asList(fss.get(0).schema().fieldNames());
        assertFalse(columns.contains("sweeps") || columns.contains("thermalization"),
                "the run lengths follow the size: no group of their own " + columns);
        assertTrue(fss.stream().anyMatch(row -> "6,12".equals(row.getAs("sizes"))
                && "crossing".equals(row.getAs("quantity"))), fss.toString());
    }

    @Test
    void theIsingBinderJumpIsBisectedAroundTc() {
        String conf = """
                sweep {
                  model = ising2d, seed = 1944, replicas = 2
                  grid { L = [32], T = { from = 1.5, to = 3.5, steps = 5 } }
                  params { algorithm = wolff, sweeps = 400, thermalization = 100 }
                  refine { along = binder, threshold = 0.08, passes = 3 }
                }
                """;
        sweeps.run("binder", conf);
        TreeMap<Double, Double> binder = new TreeMap<>();
        TreeMap<Double, Integer> pass = new TreeMap<>();
        for (Row row : sweeps.rows("binder", "points")) {
            if ("binder".equals(row.getAs("observable"))) {
                binder.put(row.getAs("T"), row.getAs("mean"));
                pass.put(row.getAs("T"), row.getAs("pass"));
            }
        }
        // Refined points lie where the cumulant falls from 2/3 to 0, not on the ordered plateau
        // below T = 2 nor in the disordered tail beyond 3 (at L = 32 the fall reaches past 2.7).
        double tc = 2.0 / Math.log(1 + Math.sqrt(2));
        for (Map.Entry<Double, Integer> e : pass.entrySet()) {
            if (e.getValue() > 1) {
                assertTrue(e.getKey() > 2.0 && e.getKey() < 3.0, "refined at " + e.getKey() + ": " + binder);
            }
        }
        assertTrue(pass.values().stream().anyMatch(p -> p == 4), "three refinement passes: " + pass);
        // The steepest fall is now resolved to 0.5 / 8 and lies within one such step of Tc.
        double steepestAt = Double.NaN;
        double steepest = 0;
        Double previous = null;
        for (double t : binder.keySet()) {
            if (previous != null) {
                double slope = (binder.get(previous) - binder.get(t)) / (t - previous);
                if (slope > steepest) {
                    steepest = slope;
                    steepestAt = (previous + t) / 2;
                }
            }
            previous = t;
        }
        assertTrue(Math.abs(steepestAt - tc) < 0.1, "steepest fall at " + steepestAt + ": " + binder);
        assertTrue(binder.keySet().stream().anyMatch(t -> Math.abs(t - 2.3125) < 1e-12 || Math.abs(t - 2.25) < 1e-12),
                "bisected to 0.0625 near Tc: " + binder.keySet());
    }
}
