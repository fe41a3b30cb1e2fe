package io.phasesweep.grid;

import io.phasesweep.model.ParamType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundaryRefinementTest {
    /** A disk of radius 1 centred at (0.1, 0.05): its phase is known exactly at every point. */
    private static String phase(List<Object> p) {
        double x = (Double) p.get(0) - 0.1;
        double y = (Double) p.get(1) - 0.05;
        return x * x + y * y < 1 ? "inside" : "outside";
    }

    private static Axis axis(String name, int steps) {
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            v.add(-2.0 + 4.0 * i / (steps - 1));
        }
        return new Axis(name, ParamType.DOUBLE, v);
    }

    @Test
    void passesBisectEveryCrossingOfTheGridsLinesDownToTheCircle() {
        Grid grid = new Grid(List.of(axis("x", 9), axis("y", 9)));
        Map<List<Object>, String> labels = new HashMap<>();
        for (long i = 0; i < grid.size(); i++) {
            List<Object> p = Arrays.asList(grid.point(i));
            labels.put(p, phase(p));
        }
        // The configured grid's crossings: neighbours 0.5 apart on a line, one inside and one outside.
        List<List<Object>[]> crossings = new ArrayList<>();
        for (List<Object> p : new ArrayList<>(labels.keySet())) {
            for (int axis = 0; axis < 2; axis++) {
                List<Object> q = shifted(p, axis, 0.5);
                if (labels.containsKey(q) && !labels.get(q).equals(labels.get(p))) {
                    crossings.add(List.of(p, q).toArray(List[]::new));
                }
            }
        }
        int passes = 5;
        for (int pass = 0; pass < passes; pass++) {
            List<Object[]> mids = BoundaryRefinement.midpoints(grid, List.of("x", "y"), labels, labels.keySet(),
                    BoundaryRefinement.phases());
            assertTrue(mids.size() >= crossings.size(), "every crossing is bisected again in pass " + pass);
            for (Object[] m : mids) {
                List<Object> point = Arrays.asList(m);
                assertTrue(Math.abs(radius(point) - 1) < 0.25, point + " lies halfway between neighbours across the circle");
                assertTrue(labels.put(point, phase(point)) == null, "a new point each time");
            }
        }
        // Each crossing is now bracketed by neighbours 0.5 / 2^5 apart on its line, the circle between them.
        double finest = 0.5 / (1 << passes);
        for (List<Object>[] c : crossings) {
            int axis = c[0].get(0).equals(c[1].get(0)) ? 1 : 0;
            boolean bracketed = false;
            for (List<Object> p : labels.keySet()) {
                List<Object> q = shifted(p, axis, finest);
                if (onSegment(p, c, axis) && labels.containsKey(q) && !labels.get(q).equals(labels.get(p))) {
                    bracketed = Math.min(radius(p), radius(q)) < 1 && Math.max(radius(p), radius(q)) >= 1;
                }
            }
            assertTrue(bracketed, "crossing " + c[0] + " - " + c[1]);
        }
        // At a fraction of the dense grid at that step (129 x 129 points).
        assertTrue(labels.size() < 129 * 129 / 20, labels.size() + " points");
    }

    private static List<Object> shifted(List<Object> p, int axis, double by) {
        List<Object> q = new ArrayList<>(p);
        q.set(axis, (Double) p.get(axis) + by);
        return q;
    }

    private static boolean onSegment(List<Object> p, List<Object>[] c, int axis) {
        int other = 1 - axis;
        double lo = Math.min((Double) c[0].get(axis), (Double) c[1].get(axis));
        double hi = Math.max((Double) c[0].get(axis), (Double) c[1].get(axis));
        return p.get(other).equals(c[0].get(other)) && (Double) p.get(axis) >= lo && (Double) p.get(axis) < hi;
    }

    private static double radius(List<Object> p) {
        return Math.hypot((Double) p.get(0) - 0.1, (Double) p.get(1) - 0.05);
    }

    @Test
    void midpointsOfDifferentLinesAreNotNeighbours() {
        // x is refined; a point halfway along x on the row y = 0 and one on the row y = 1 share x
        // but lie two grid steps apart in y: not neighbours, whatever their phases.
        Grid grid = new Grid(List.of(new Axis("x", ParamType.DOUBLE, List.of(0.0, 1.0)),
                new Axis("y", ParamType.DOUBLE, List.of(0.0, 1.0, 2.0))));
        Map<List<Object>, String> labels = new HashMap<>();
        labels.put(List.of(0.5, 0.0), "a");
        labels.put(List.of(0.5, 2.0), "b");
        Set<List<Object>> simulated = new HashSet<>(labels.keySet());
        assertEquals(List.of(), BoundaryRefinement.midpoints(grid, List.of("y"), labels, simulated, BoundaryRefinement.phases()));
        labels.put(List.of(0.5, 1.0), "b");
        simulated.add(List.of(0.5, 1.0));
        List<Object[]> mids = BoundaryRefinement.midpoints(grid, List.of("y"), labels, simulated, BoundaryRefinement.phases());
        assertEquals(1, mids.size());
        assertEquals(List.of(0.5, 0.5), Arrays.asList(mids.get(0)));
    }

    @Test
    void aJumpAboveTheThresholdIsABoundaryAndMidpointsAreDecimal() {
        Grid grid = new Grid(List.of(new Axis("L", ParamType.INT, List.of(16)),
                new Axis("T", ParamType.DOUBLE, List.of(2.0, 2.1, 2.2, 2.3))));
        Map<List<Object>, Double> labels = Map.of(List.of(16, 2.0), 0.66, List.of(16, 2.1), 0.65,
                List.of(16, 2.2), 0.3, List.of(16, 2.3), Double.NaN);
        List<Object[]> mids = BoundaryRefinement.midpoints(grid, List.of("T"), labels, labels.keySet(),
                BoundaryRefinement.jump(0.1));
        assertEquals(1, mids.size(), "one jump; NaN is no boundary");
        assertEquals(List.of(16, 2.15), Arrays.asList(mids.get(0)));
    }

    @Test
    void unlabelledPointsStillSeparateNeighboursButMarkNoBoundary() {
        Grid grid = new Grid(List.of(new Axis("T", ParamType.DOUBLE, List.of(1.0, 2.0))));
        Map<List<Object>, String> labels = Map.of(List.of(1.0), "a", List.of(2.0), "b");
        Set<List<Object>> simulated = new HashSet<>(Set.of(List.of(1.0), List.of(2.0), List.of(1.5)));
        // 1.5 ran but every replica failed: 1.0 and 2.0 are no longer neighbours, and 1.5 labels nothing.
        assertEquals(List.of(), BoundaryRefinement.midpoints(grid, List.of("T"), labels, simulated,
                BoundaryRefinement.phases()));
    }
}
