package io.phasesweep.grid;

import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;
import io.phasesweep.seed.ReplicaSeed;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything an executor needs to run any task of a sweep: model name, fixed parameters, grid and
 * seed. Small and serialisable; model objects never travel. Task {@code t} is replica
 * {@code t % replicas} of grid point {@code t / replicas}.
 */
public record SweepPlan(String model, long sweepSeed, int replicas, Grid grid, Map<String, Object> fixed)
        implements Serializable {

    public SweepPlan {
        fixed = Map.copyOf(fixed);
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1");
        }
        Math.multiplyExact(grid.size(), (long) replicas);
    }

    public long taskCount() {
        return grid.size() * replicas;
    }

    public ModelType modelType() {
        return ModelRegistry.get(model);
    }

    /** Validated parameters at the given axis values (fixed values and model defaults filled in). */
    public Params params(Object[] axisValues) {
        Map<String, Object> given = new LinkedHashMap<>(fixed);
        for (int a = 0; a < axisValues.length; a++) {
            given.put(grid.axes().get(a).name(), axisValues[a]);
        }
        return Params.resolve(modelType(), given);
    }

    public long seed(Object[] axisValues, int replica) {
        return ReplicaSeed.of(sweepSeed, grid.axes(), axisValues, replica);
    }
}
