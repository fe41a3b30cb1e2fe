package io.phasesweep.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bin a value lands in, at the edges and outside, for uniform and explicit bins. */
class BinsTest {
    private static final List<Bins> AWKWARD = List.of(
            Bins.uniform(0, 1, 10), Bins.uniform(-1.125, 1.125, 9), Bins.uniform(0.1, 0.7, 3),
            Bins.uniform(-3.3, 1e-3, 37), Bins.edges(-1.5, 0, 1.5), Bins.edges(0.1, 0.2, 0.30000000000000004, 7));

    @Test
    void valueExactlyOnAnEdgeBelongsToTheBinAbove() {
        for (Bins b : AWKWARD) {
            for (int i = 0; i < b.count(); i++) {
                assertEquals(i, b.index(b.low(i)), b + " lower edge of bin " + i);
                if (i > 0) {
                    assertEquals(i - 1, b.index(Math.nextDown(b.low(i))), b + " just below bin " + i);
                }
            }
            assertEquals(b.count(), b.index(b.high(b.count() - 1)), b + ": the last edge is overflow");
        }
    }

    @Test
    void everyValueLiesBetweenTheEdgesOfItsBin() {
        UniformRandomProvider rng = io.phasesweep.model.ReplicaRunner.rng(3);
        for (Bins b : AWKWARD) {
            double lo = b.low(0);
            double hi = b.high(b.count() - 1);
            for (int k = 0; k < 100_000; k++) {
                double x = lo + (hi - lo) * rng.nextDouble();
                int i = b.index(x);
                assertTrue(b.low(i) <= x && x < b.high(i), b + ": " + x + " in bin " + i);
            }
        }
    }

    @Test
    void outOfRangeValuesAreUnderflowAndOverflow() {
        Bins b = Bins.uniform(-1, 1, 4);
        assertEquals(Bins.UNDERFLOW, b.index(Math.nextDown(-1.0)));
        assertEquals(Bins.UNDERFLOW, b.index(Double.NEGATIVE_INFINITY));
        assertEquals(4, b.index(1.0));
        assertEquals(4, b.index(Double.POSITIVE_INFINITY));
        assertEquals(4, b.index(1e300));
        assertEquals(Bins.UNDERFLOW, Bins.edges(0, 1).index(-Double.MIN_VALUE));
        assertEquals(1, Bins.edges(-1, 0, 1).index(-0.0), "-0.0 equals the edge 0.0");
        assertEquals(1, Bins.uniform(-1, 1, 2).index(-0.0), "-0.0 equals the edge 0.0");
    }

    @Test
    void nanHasNoBin() {
        assertThrows(IllegalArgumentException.class, () -> Bins.uniform(0, 1, 2).index(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Bins.edges(0, 1, 2).index(Double.NaN));
    }

    @Test
    void malformedBinsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bins.uniform(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Bins.uniform(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Bins.uniform(0, Double.POSITIVE_INFINITY, 3));
        assertThrows(IllegalArgumentException.class, () -> Bins.edges(0));
        assertThrows(IllegalArgumentException.class, () -> Bins.edges(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Bins.edges(0, Double.NaN));
        // So many bins that neighbouring edges round to the same double.
        assertThrows(IllegalArgumentException.class, () -> Bins.uniform(1, Math.nextUp(Math.nextUp(1.0)), 4));
    }

    @Test
    void countsKeepEveryValueAndDensitiesIntegrateToOne() {
        HistogramAccumulator acc = new HistogramAccumulator(Bins.edges(0, 1, 3));
        for (double x : new double[]{-2, 0, 0.5, 1, 2.9, 3, Double.POSITIVE_INFINITY, 1}) {
            acc.add(x);
        }
        Histogram h = acc.histogram();
        assertEquals(1, h.underflow());
        assertEquals(2, h.count(0));
        assertEquals(3, h.count(1));
        assertEquals(2, h.overflow());
        assertEquals(8, h.total());
        Bins b = Bins.edges(0, 1, 3);
        // [1, 3) is twice as wide: its 3 of 8 values give a density of 3/16.
        assertEquals(3.0 / 16, h.density(b, 1));
        assertEquals(2.0 / 8, h.density(b, 2), "overflow: its fraction");
        double mass = h.density(b, Bins.UNDERFLOW) + h.density(b, b.count());
        for (int i = 0; i < b.count(); i++) {
            mass += h.density(b, i) * b.width(i);
        }
        assertEquals(1.0, mass, 1e-15);
    }
}
