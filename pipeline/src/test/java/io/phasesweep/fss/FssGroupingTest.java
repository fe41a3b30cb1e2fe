package io.phasesweep.fss;

import io.phasesweep.model.Scaling;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FssGroupingTest {

    /** Grid (h, L, T): h groups, L is the size, T the control; binder = 1 - m4 / (3 m2^2). */
    static final FssGrouping.Layout LAYOUT = new FssGrouping.Layout() {
        @Override
        public List<Object> group(List<Object> point) {
            return List.of(point.get(0));
        }

        @Override
        public double size(List<Object> point) {
            return ((Number) point.get(1)).doubleValue();
        }

        @Override
        public double control(List<Object> point) {
            return (Double) point.get(2);
        }

        @Override
        public ToDoubleFunction<double[]> formula(String quantity, List<Object> point) {
            return m -> 1 - m[1] / (3 * m[0] * m[0]);
        }

        @Override
        public Scaling scaling(String quantity) {
            return Scaling.invariant();
        }
    };

    record Row(List<Object> point, int replica, String observable, double value) {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (double h : new double[]{0.0, 0.1}) {
            for (int l : new int[]{16, 8}) {
                for (double t : new double[]{2.3, 2.2}) {
                    for (int r = 0; r < 3; r++) {
                        rows.add(new Row(List.of(h, l, t), r, "m2", 0.5 + r + l));
                        rows.add(new Row(List.of(h, l, t), r, "m4", 0.3 + r * t));
                    }
                }
            }
        }
        // A replica without m4 at one point cannot enter the Binder cumulant there.
        rows.add(new Row(List.of(0.0, 8, 2.2), 3, "m2", 1.0));
        return rows;
    }

    static Map<List<Object>, List<FssAnalysis.Quantity>> grouped(List<Row> rows) {
        FssGrouping g = new FssGrouping();
        rows.forEach(r -> g.add(r.point(), r.replica(), r.observable(), r.value()));
        return g.quantities(Map.of("binder", List.of("m2", "m4")), LAYOUT);
    }

    @Test
    void pointsAreGroupedByTheOtherAxesSortedAndIndependentOfRowOrder() {
        List<Row> rows = rows();
        Map<List<Object>, List<FssAnalysis.Quantity>> a = grouped(rows);
        Collections.shuffle(rows, new Random(3));
        Map<List<Object>, List<FssAnalysis.Quantity>> b = grouped(rows);
        assertEquals(List.of(List.of(0.0), List.of(0.1)), List.copyOf(a.keySet()));
        assertEquals(List.copyOf(a.keySet()), List.copyOf(b.keySet()));
        for (List<Object> k : a.keySet()) {
            List<FssAnalysis.Point> pa = a.get(k).get(0).points();
            List<FssAnalysis.Point> pb = b.get(k).get(0).points();
            assertEquals(4, pa.size());
            for (int i = 0; i < pa.size(); i++) {
                assertEquals(pa.get(i).size(), pb.get(i).size());
                assertEquals(pa.get(i).x(), pb.get(i).x());
                assertArrayEquals(pa.get(i).replicas(), pb.get(i).replicas());
            }
        }
        // Sorted by size then x: (8, 2.2), (8, 2.3), (16, 2.2), (16, 2.3); each point's replicas in order.
        FssAnalysis.Point first = a.get(List.of(0.0)).get(0).points().get(0);
        assertEquals(8.0, first.size());
        assertEquals(2.2, first.x());
        assertEquals(3, first.replicas().length, "the replica without m4 is left out");
        assertArrayEquals(new double[]{0.5 + 2 + 8, 0.3 + 2 * 2.2}, first.replicas()[2]);
    }
}
