package io.phasesweep.store;

import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.ParamType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A task's key follows what its bits depend on, and nothing else. */
class TaskKeysTest {
    private static SweepPlan ising(List<Object> sizes, List<Object> temperatures, int replicas, Map<String, Object> fixed) {
        return new SweepPlan("ising2d", 42, replicas, new Grid(List.of(new Axis("L", ParamType.INT, sizes),
                new Axis("T", ParamType.DOUBLE, temperatures))), fixed);
    }

    private static final Map<String, Object> FIXED = Map.of("sweeps", 100L, "thermalization", 10L);

    /** Task of (L, T, replica) in a plan: tasks are replica-minor over the row-major grid. */
    private static long task(SweepPlan plan, int sizeIndex, int temperatureIndex, int replica) {
        long point = (long) sizeIndex * plan.grid().axes().get(1).size() + temperatureIndex;
        return point * plan.replicas() + replica;
    }

    @Test
    void theSameTaskHasTheSameKeyWhereverItSitsInTheGrid() {
        SweepPlan small = ising(List.of(8), List.of(2.0, 2.5), 2, FIXED);
        SweepPlan large = ising(List.of(4, 8), List.of(1.5, 2.0, 2.25, 2.5), 5, FIXED);
        assertEquals(TaskKeys.of(small, task(small, 0, 1, 1)), TaskKeys.of(large, task(large, 1, 3, 1)));
        assertEquals(TaskKeys.of(small, task(small, 0, 0, 0)), TaskKeys.of(large, task(large, 1, 1, 0)));
    }

    @Test
    void replicaPointAndEveryParameterEnterTheKey() {
        SweepPlan plan = ising(List.of(8), List.of(2.0, 2.5), 2, FIXED);
        String key = TaskKeys.of(plan, task(plan, 0, 0, 0));
        assertNotEquals(key, TaskKeys.of(plan, task(plan, 0, 0, 1)), "replica");
        assertNotEquals(key, TaskKeys.of(plan, task(plan, 0, 1, 0)), "temperature");
        SweepPlan longer = ising(List.of(8), List.of(2.0, 2.5), 2, Map.of("sweeps", 101L, "thermalization", 10L));
        assertNotEquals(key, TaskKeys.of(longer, task(longer, 0, 0, 0)), "a fixed parameter");
        SweepPlan explicitDefault = ising(List.of(8), List.of(2.0, 2.5), 2,
                Map.of("sweeps", 100L, "thermalization", 10L, "J", 1.0));
        assertEquals(key, TaskKeys.of(explicitDefault, task(explicitDefault, 0, 0, 0)),
                "a parameter given at its default is the same task");
        SweepPlan reseeded = new SweepPlan("ising2d", 43, 2, plan.grid(), FIXED);
        assertNotEquals(key, TaskKeys.of(reseeded, task(reseeded, 0, 0, 0)), "the sweep seed, through the replica seed");
        SweepPlan nearby = ising(List.of(8), List.of(Math.nextUp(2.0), 2.5), 2, FIXED);
        assertNotEquals(key, TaskKeys.of(nearby, task(nearby, 0, 0, 0)), "the last bit of a double");
    }
}
