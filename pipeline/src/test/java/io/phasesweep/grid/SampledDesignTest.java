package io.phasesweep.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampledDesignTest {
    private static long[] bits(double[][] points) {
        return Arrays.stream(points).flatMapToDouble(Arrays::stream).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @ParameterizedTest
    @EnumSource(value = Factor.Form.class, names = {"SOBOL", "RANDOM", "LATIN_HYPERCUBE"})
    void theSeedGivesTheSameBitsAndAnotherSeedOtherPoints(Factor.Form form) {
        assertArrayEquals(bits(SampledDesign.unitPoints(form, 3, 64, 42)), bits(SampledDesign.unitPoints(form, 3, 64, 42)));
        assertFalse(Arrays.equals(bits(SampledDesign.unitPoints(form, 3, 64, 42)), bits(SampledDesign.unitPoints(form, 3, 64, 43))));
        for (double[] p : SampledDesign.unitPoints(form, 3, 64, 42)) {
            for (double u : p) {
                assertTrue(u >= 0 && u < 1, form + ": " + u);
            }
        }
    }

    /** A digital shift keeps Sobol's nets: the first 2^k points put one point in each of 2^k slices of every coordinate. */
    @Test
    void scrambledSobolPointsStillFillEverySliceOnce() {
        for (long seed : new long[]{1, 2, 3}) {
            double[][] u = SampledDesign.unitPoints(Factor.Form.SOBOL, 4, 64, seed);
            for (int d = 0; d < 4; d++) {
                boolean[] hit = new boolean[64];
                for (double[] p : u) {
                    hit[(int) (p[d] * 64)] = true;
                }
                for (boolean h : hit) {
                    assertTrue(h, "seed " + seed + ", coordinate " + d);
                }
            }
            // And the 2D projections are (0, m, 2)-nets: each of the 16 x 4 boxes of the first two coordinates holds one point.
            int[][] boxes = new int[16][4];
            for (double[] p : u) {
                boxes[(int) (p[0] * 16)][(int) (p[1] * 4)]++;
            }
            for (int[] row : boxes) {
                assertArrayEquals(new int[]{1, 1, 1, 1}, row, "seed " + seed);
            }
        }
    }

    @Test
    void latinHypercubeHasOnePointInEachStratumOfEachCoordinate() {
        double[][] u = SampledDesign.unitPoints(Factor.Form.LATIN_HYPERCUBE, 3, 50, 9);
        for (int d = 0; d < 3; d++) {
            int[] count = new int[50];
            for (double[] p : u) {
                count[(int) (p[d] * 50)]++;
            }
            int[] ones = new int[50];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, count, "coordinate " + d);
        }
    }

    @Test
    void theFactorMapsTheUnitCubeOntoTheRanges() {
        Factor f = SampledDesign.factor(Factor.Form.RANDOM, List.of("T", "h"), new double[]{1.5, 0}, new double[]{3.5, 0.5}, 200, 5);
        assertEquals(List.of("T", "h"), f.names());
        assertEquals(200, f.size());
        double[][] u = SampledDesign.unitPoints(Factor.Form.RANDOM, 2, 200, 5);
        for (int i = 0; i < 200; i++) {
            assertEquals(1.5 + u[i][0] * 2.0, (Double) f.entry(i)[0]);
            assertEquals(u[i][1] * 0.5, (Double) f.entry(i)[1]);
        }
    }
}
