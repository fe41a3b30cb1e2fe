package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Scaling;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Test-only model whose linear size is derived, as for self-propelled particles: N particles at
 * density rho fill a box of side L = sqrt(N / rho). Records a scale-invariant {@code u} (uniform
 * noise about 1/2), enough for the configuration and analysis to treat L as the size.
 */
public final class DerivedSizeType implements ModelType {

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String name() {
        return "test-derived-size";
    }

    @Override
    public String description() {
        return "test only: N particles at density rho in a box of side L = sqrt(N / rho)";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 100L, "rho", 1.0, "T", 1.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.count("N", 100L, 1, "particles"),
                ParamSpec.positive("rho", 1.0, "density"),
                ParamSpec.positive("T", 1.0, "control parameter"),
                ParamSpec.count("steps", 4L, 1, "measurements"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("u", "a scale-invariant quantity"));
    }

    @Override
    public Map<String, Scaling> scaling() {
        return Map.of("u", Scaling.invariant());
    }

    @Override
    public Optional<String> linearSizeName() {
        return Optional.of("L");
    }

    @Override
    public List<String> linearSizeParameters() {
        return List.of("N", "rho");
    }

    @Override
    public OptionalDouble linearSize(Params p) {
        return OptionalDouble.of(Math.sqrt(p.getLong("N") / p.getDouble("rho")));
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, p.getLong("steps"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new Model() {
            @Override
            public void advance() {
            }

            @Override
            public void measure(Recorder out) {
                out.record("u", rng.nextDouble());
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
