package io.phasesweep.vicsek;

import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cell list finds exactly the pairs within distance 1 that a check of every pair finds. */
class CellListTest {

    /** Every pair, each at its nearest periodic image (an independent rounding: x - L rint(x / L)). */
    private static int[] bruteForce(int i, double[] x, double[] y, double box) {
        List<Integer> found = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            double dx = x[j] - x[i];
            double dy = y[j] - y[i];
            dx -= box * Math.rint(dx / box);
            dy -= box * Math.rint(dy / box);
            if (dx * dx + dy * dy <= 1.0) {
                found.add(j);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * n particles uniform in the box, the first few pinned to its edges and corners (0, just below
     * box) so that many pairs are neighbours only across the boundary.
     */
    private static double[][] configuration(int n, double box, long seed) {
        UniformRandomProvider rng = ReplicaRunner.rng(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double below = Math.nextDown(box);
        double[][] edges = {{0, 0}, {below, below}, {0, below}, {below, 0}, {0.5 * box, 0}, {0.5 * box, below},
            {0, 0.3 * box}, {below, 0.3 * box}, {0.2, 0.1}, {box - 0.3, box - 0.2}};
        for (int i = 0; i < n; i++) {
            if (i < edges.length) {
                x[i] = edges[i][0];
                y[i] = edges[i][1];
            } else {
                x[i] = VicsekModel.wrap(box * rng.nextDouble(), box);
                y[i] = VicsekModel.wrap(box * rng.nextDouble(), box);
            }
        }
        return new double[][] {x, y};
    }

    private static int[] sorted(int[] values, int count) {
        int[] a = Arrays.copyOf(values, count);
        Arrays.sort(a);
        return a;
    }

    /**
     * Boxes with 3 cells per side (the fewest the cell path takes), non-integer sides (cells wider
     * than 1), a dilute box whose cells are capped at sqrt(2N) per side, and boxes narrower than 3
     * and than 2 (all pairs; below 2 a particle can reach two images of another).
     */
    @Test
    void cellListNeighboursEqualABruteForceSearchAcrossThePeriodicBoundary() {
        double[][] cases = {{400, 10.0}, {300, 3.0}, {250, 7.5}, {700, 13.3}, {60, 40.0}, {50, 2.5}, {30, 1.6}};
        long seed = 1;
        for (double[] c : cases) {
            int n = (int) c[0];
            double box = c[1];
            double[][] xy = configuration(n, box, seed++);
            CellList cells = new CellList(n, box);
            cells.rebuild(xy[0], xy[1], new double[n], new double[n]);
            int[] out = new int[n];
            long pairs = 0;
            long acrossBoundary = 0;
            for (int i = 0; i < n; i++) {
                int found = cells.neighbours(i, out);
                int[] expected = bruteForce(i, xy[0], xy[1], box);
                assertArrayEquals(expected, sorted(out, found), "N = " + n + ", L = " + box + ", particle " + i);
                pairs += found;
                for (int j : expected) {
                    if (Math.abs(xy[0][j] - xy[0][i]) > 1 || Math.abs(xy[1][j] - xy[1][i]) > 1) {
                        acrossBoundary++;
                    }
                }
            }
            assertTrue(pairs > n, "some particles have neighbours: N = " + n + ", L = " + box);
            assertTrue(acrossBoundary > 0, "some pairs meet across the boundary: N = " + n + ", L = " + box);
        }
    }

    @Test
    void cellsAreAtLeastOneWideAndThreePerSideOrAllPairsAreChecked() {
        assertEquals(3, CellList.cellsPerSide(300, 3.0));
        assertEquals(10, CellList.cellsPerSide(400, 10.0));
        assertEquals(7, CellList.cellsPerSide(250, 7.5), "cells 7.5 / 7 wide");
        assertEquals(8, CellList.cellsPerSide(32, 40.0), "dilute: sqrt(2N) cells per side, not L^2 cells");
        assertEquals(3, CellList.cellsPerSide(2, 40.0), "never fewer than 3 when the box allows them");
        assertEquals(2, CellList.cellsPerSide(50, 2.5));
        assertTrue(new CellList(50, 2.5).allPairs());
        assertFalse(new CellList(300, 3.0).allPairs());
        for (double box : new double[] {3.0, 3.7, 10.0, 100.5}) {
            int m = CellList.cellsPerSide(1_000_000, box);
            assertTrue(box / m >= 1.0, "cell side " + box / m);
        }
    }

    /**
     * The kernel's sums over neighbours (the hot loop, separate from {@link CellList#neighbours}) on
     * the same configurations: the same count for every particle, and without noise the new heading
     * is the direction of the brute-force sum of neighbour headings.
     */
    @Test
    void headingSumsOfAStepEqualThoseOfABruteForceSearch() {
        double[][] cases = {{400, 10.0}, {300, 3.0}, {250, 7.5}, {50, 2.5}, {30, 1.6}};
        long seed = 11;
        for (double[] c : cases) {
            int n = (int) c[0];
            double box = c[1];
            double[][] xy = configuration(n, box, seed++);
            UniformRandomProvider rng = ReplicaRunner.rng(seed);
            double[] cos = new double[n];
            double[] sin = new double[n];
            for (int i = 0; i < n; i++) {
                double theta = 2 * Math.PI * rng.nextDouble();
                cos[i] = Math.cos(theta);
                sin[i] = Math.sin(theta);
            }
            VicsekModel model = new VicsekModel(box, 0.05, 0.0, VicsekModel.Noise.ANGULAR, xy[0], xy[1], cos, sin, rng);
            model.advance();
            int[] counts = model.neighbourCounts();
            double[][] after = model.state();
            for (int i = 0; i < n; i++) {
                int[] expected = bruteForce(i, xy[0], xy[1], box);
                assertEquals(expected.length, counts[i], "N = " + n + ", L = " + box + ", particle " + i);
                double sx = 0;
                double sy = 0;
                for (int j : expected) {
                    sx += cos[j];
                    sy += sin[j];
                }
                double norm = Math.hypot(sx, sy);
                assertEquals(sx / norm, after[2][i], 1e-12, "cos, particle " + i);
                assertEquals(sy / norm, after[3][i], 1e-12, "sin, particle " + i);
            }
        }
    }
}
