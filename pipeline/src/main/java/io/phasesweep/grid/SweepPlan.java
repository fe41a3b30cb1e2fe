package io.phasesweep.grid;

import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;
import io.phasesweep.seed.DisorderSeed;
import io.phasesweep.seed.ReplicaSeed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Everything an executor needs to run any task of a sweep: model name, fixed parameters, grid and
 * seed. Small and serialisable; model objects never travel.
 *
 * <p>A task is one replica of one <em>group</em> of grid points. For ordinary models a group is a
 * single point; for a model with a ladder axis it is every point that differs only in that axis
 * (a temperature ladder). Task {@code t} is replica {@code t % replicas} of group
 * {@code t / replicas}. The seed hashes the group's non-ladder axis values, so all members of a
 * ladder share the task's one random stream.
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

    public ModelType modelType() {
        return ModelRegistry.get(model);
    }

    /** Index of the ladder axis among the grid's columns, or -1 (no ladder, or the ladder value is fixed). */
    public int ladderIndex() {
        return modelType().ladderAxis().map(grid.names()::indexOf).orElse(-1);
    }

    /** Index of the factor holding the ladder axis (always a plain axis), or -1. */
    private int ladderFactor() {
        return modelType().ladderAxis().map(grid::factorOf).orElse(-1);
    }

    public long groupCount() {
        int l = ladderFactor();
        return l < 0 ? grid.size() : grid.size() / grid.factors().get(l).size();
    }

    public long taskCount() {
        return groupCount() * replicas;
    }

    /** Grid-point indices of the members of group {@code g}, in ladder order. */
    public long[] members(long group) {
        int ladder = ladderFactor();
        List<Factor> factors = grid.factors();
        long[] stride = new long[factors.size()];
        long s = 1;
        for (int f = factors.size() - 1; f >= 0; f--) {
            stride[f] = s;
            s *= factors.get(f).size();
        }
        long base = 0;
        long rest = group;
        for (int f = factors.size() - 1; f >= 0; f--) {
            if (f == ladder) {
                continue;
            }
            base += (rest % factors.get(f).size()) * stride[f];
            rest /= factors.get(f).size();
        }
        if (ladder < 0) {
            return new long[]{base};
        }
        long[] points = new long[factors.get(ladder).size()];
        for (int j = 0; j < points.length; j++) {
            points[j] = base + j * stride[ladder];
        }
        return points;
    }

    /** Validated parameters at the given point (its column values; fixed values and model defaults filled in). */
    public Params params(Object[] pointValues) {
        Map<String, Object> given = new LinkedHashMap<>(fixed);
        List<String> names = grid.names();
        for (int c = 0; c < pointValues.length; c++) {
            given.put(names.get(c), pointValues[c]);
        }
        return Params.resolve(modelType(), given);
    }

    /**
     * The replica's seed from the point's column values (derived parameters as resolved), leaving
     * out the ladder axis.
     */
    public long seed(Object[] pointValues, int replica) {
        int ladder = ladderIndex();
        List<String> all = grid.names();
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < pointValues.length; c++) {
            if (c != ladder) {
                names.add(all.get(c));
                values.add(pointValues[c]);
            }
        }
        return ReplicaSeed.of(sweepSeed, names, values.toArray(), replica);
    }

    /**
     * The replica's disorder seed from the resolved values of the parameters the model's disorder
     * depends on (swept or fixed), or empty for a model that declares none. Every point that
     * agrees on those values shares it, whatever its other axes.
     */
    public OptionalLong disorderSeed(Params params, int replica) {
        List<String> names = modelType().disorderParameters();
        if (names.isEmpty()) {
            return OptionalLong.empty();
        }
        Map<String, Object> values = new java.util.HashMap<>();
        for (String name : names) {
            values.put(name, params.has(name) ? params.get(name) : null);
        }
        return OptionalLong.of(DisorderSeed.of(sweepSeed, values, replica));
    }

    public boolean hasSeries() {
        return modelType().observables().stream().anyMatch(ObservableSpec::isSeries);
    }

    public boolean hasHistograms() {
        return modelType().observables().stream().anyMatch(ObservableSpec::isHistogram);
    }
}
