package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only model with a phase boundary known exactly: a point (x, y) is {@code inside} when
 * (x - 0.1)^2 + (y - 0.05)^2 < 1 and {@code outside} otherwise. It records {@code r2}, that squared
 * distance (the same in every replica), and {@code u}, a uniform draw from the replica's stream, so
 * seeds reach the tables.
 */
public final class DiskPhasesType implements ModelType {
    /** Centre of the disk, off the grid's lines so no grid point lies on the circle. */
    public static final double X0 = 0.1;
    public static final double Y0 = 0.05;

    @Override
    public String name() {
        return "test-disk";
    }

    @Override
    public String description() {
        return "test only: inside or outside a unit disk centred at (0.1, 0.05)";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("x", 0.0, "y", 0.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("x", null, "first coordinate"), ParamSpec.real("y", null, "second coordinate"),
                ParamSpec.count("steps", 2L, 1, "measurements"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("r2", "squared distance from the disk's centre"),
                ObservableSpec.of("u", "a uniform draw"));
    }

    @Override
    public Optional<PhaseClassifier> phaseClassifier() {
        return Optional.of((values, p) -> new PhaseClassifier.Phase(values.get("r2")[0] < 1 ? "inside" : "outside",
                "r2 = " + values.get("r2")[0]));
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, p.getLong("steps"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        double dx = p.getDouble("x") - X0;
        double dy = p.getDouble("y") - Y0;
        return new Model() {
            @Override
            public void advance() {
            }

            @Override
            public void measure(Recorder out) {
                out.record("r2", dx * dx + dy * dy);
                out.record("u", rng.nextDouble());
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
