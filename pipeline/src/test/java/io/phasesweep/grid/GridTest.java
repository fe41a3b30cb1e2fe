package io.phasesweep.grid;

import io.phasesweep.model.ParamType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GridTest {
    private final Grid grid = new Grid(List.of(
            new Axis("L", ParamType.INT, List.of(8, 16)),
            new Axis("T", ParamType.DOUBLE, List.of(1.0, 2.0, 3.0))));

    @Test
    void lastAxisVariesFastest() {
        assertEquals(6, grid.size());
        assertArrayEquals(new Object[]{8, 1.0}, grid.point(0));
        assertArrayEquals(new Object[]{8, 3.0}, grid.point(2));
        assertArrayEquals(new Object[]{16, 1.0}, grid.point(3));
        assertArrayEquals(new Object[]{16, 3.0}, grid.point(5));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.point(6));
    }

    @Test
    void everyPointOnce() {
        Set<List<Object>> seen = new HashSet<>();
        for (long i = 0; i < grid.size(); i++) {
            seen.add(List.of(grid.point(i)));
        }
        assertEquals(6, seen.size());
    }

    @Test
    void planResolvesParamsAndTasks() {
        SweepPlan plan = new SweepPlan("ising2d", 1, 3, grid, Map.of("sweeps", 10L));
        assertEquals(18, plan.taskCount());
        assertEquals(16, plan.params(grid.point(4)).getInt("L"));
        assertEquals(2.0, plan.params(grid.point(4)).getDouble("T"));
        assertEquals(10L, plan.params(grid.point(4)).getLong("sweeps"));
    }

    @Test
    void aLinkIsOneFactorWhoseColumnsMoveTogether() {
        Factor link = new Factor(Factor.Form.LINK, List.of(new Axis("L", ParamType.INT, List.of(8, 16, 32)),
                new Axis("sweeps", ParamType.LONG, List.of(2000L, 4000L, 8000L))));
        Grid g = new Grid(List.of(link, Factor.axis(new Axis("T", ParamType.DOUBLE, List.of(2.0, 2.5)))), List.of());
        assertEquals(6, g.size());
        assertEquals(List.of("L", "sweeps", "T"), g.names());
        assertArrayEquals(new Object[]{8, 2000L, 2.5}, g.point(1));
        assertArrayEquals(new Object[]{32, 8000L, 2.0}, g.point(4));
        assertEquals(List.of("T"), g.axesApartFrom(List.of("L")).stream().map(Axis::name).toList(),
                "what is linked with the size goes with it");
    }

    @Test
    void derivedColumnsFollowTheAxesAndAreResolvedPerPoint() {
        DerivedParameter th = new DerivedParameter("thermalization", ParamType.LONG,
                ArithmeticExpression.parse("10 * L^2", java.util.Set.of("L")), Map.of());
        Grid g = new Grid(List.of(Factor.axis(new Axis("L", ParamType.INT, List.of(8, 16))),
                Factor.axis(new Axis("T", ParamType.DOUBLE, List.of(2.0)))), List.of(th));
        assertEquals(List.of("L", "T", "thermalization"), g.names());
        assertEquals(List.of(ParamType.INT, ParamType.DOUBLE, ParamType.LONG), g.types());
        assertArrayEquals(new Object[]{16, 2.0, 2560L}, g.point(1));
        assertArrayEquals(new Object[]{16, 2.0}, g.axisValues(1));
        Grid points = Grid.ofPoints(g, java.util.Collections.singletonList(new Object[]{12, 2.25}));
        assertEquals(g.names(), points.names());
        assertArrayEquals(new Object[]{12, 2.25, 1440L}, points.point(0));
    }

    @Test
    void aLadderSpansItsPlainAxisAmongOtherFactors() {
        Factor link = new Factor(Factor.Form.LINK, List.of(new Axis("N", ParamType.INT, List.of(8, 16)),
                new Axis("sweeps", ParamType.LONG, List.of(10L, 20L))));
        Grid g = new Grid(List.of(link, Factor.axis(new Axis("T", ParamType.DOUBLE, List.of(0.5, 1.0, 1.5)))), List.of());
        SweepPlan plan = new SweepPlan("test-ladder", 1, 2, g, Map.of());
        assertEquals(2, plan.groupCount());
        assertArrayEquals(new long[]{3, 4, 5}, plan.members(1));
    }

    @Test
    void noPointIsMaterialisedForHugeGrids() {
        List<Object> values = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add((double) i);
        }
        Grid big = new Grid(List.of(new Axis("a", ParamType.DOUBLE, values), new Axis("b", ParamType.DOUBLE, values)));
        assertEquals(1_000_000, big.size());
        assertArrayEquals(new Object[]{999.0, 999.0}, big.point(999_999));
    }
}
