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
