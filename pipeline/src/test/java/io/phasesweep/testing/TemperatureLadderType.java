package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Optional;

/**
 * Test-only ladder model: one task covers every T of the grid (like parallel tempering) and
 * records, for member k, its own temperature and the ladder size it was built with.
 */
public final class TemperatureLadderType implements ModelType {
    @Override
    public String name() {
        return "test-ladder";
    }

    @Override
    public String description() {
        return "test only: a task spanning a temperature ladder";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("T", 1.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("T", null, "temperature"), ParamSpec.integer("N", 4, 1, "size"),
                ParamSpec.count("sweeps", 10L, 1, "sweeps"), ParamSpec.count("thermalization", 0L, 0, "discarded"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("temperature", "T + noise"), ObservableSpec.of("ladder_size", "members"));
    }

    /** A scaling form, so an fss block (and its refinement, which a ladder refuses) can name it. */
    @Override
    public java.util.Map<String, io.phasesweep.model.Scaling> scaling() {
        return java.util.Map.of("temperature", io.phasesweep.model.Scaling.invariant());
    }

    @Override
    public Optional<String> ladderAxis() {
        return Optional.of("T");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return create(List.of(p), rng);
    }

    @Override
    public Model create(List<Params> members, UniformRandomProvider rng) {
        double[] temperatures = members.stream().mapToDouble(m -> m.getDouble("T")).toArray();
        return new Model() {
            @Override
            public void advance() {
            }

            @Override
            public void measure(Recorder out) {
                for (int k = 0; k < temperatures.length; k++) {
                    out.member(k).record("temperature", temperatures[k] + 1e-3 * (rng.nextDouble() - 0.5));
                    out.member(k).record("ladder_size", temperatures.length);
                }
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
