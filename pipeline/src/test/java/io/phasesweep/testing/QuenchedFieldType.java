package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.util.List;

/**
 * Test-only model with quenched disorder: N Gaussian fields drawn from the disorder stream (they
 * depend on N only, not on T), recorded as their mean ({@code mean_field}, the sample's
 * fingerprint) beside a thermal draw from the replica's own stream ({@code noise}).
 */
public final class QuenchedFieldType implements ModelType {
    @Override
    public String name() {
        return "test-quenched-field";
    }

    @Override
    public String description() {
        return "test only: Gaussian fields that depend on N, shared across T";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("N", 4, "T", 1.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("N", 4, 1, "number of fields"),
                ParamSpec.positive("T", 1.0, "temperature (the disorder does not depend on it)"));
    }

    @Override
    public List<String> disorderParameters() {
        return List.of("N");
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("mean_field", "mean of the quenched fields"),
                ObservableSpec.of("noise", "a thermal uniform draw"));
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, 4);
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        throw new IllegalStateException(name() + " draws its fields from a disorder stream");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, UniformRandomProvider disorder) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(disorder);
        double sum = 0;
        for (int i = 0; i < p.getInt("N"); i++) {
            sum += gauss.sample();
        }
        double meanField = sum / p.getInt("N");
        return new Model() {
            @Override
            public void advance() {
            }

            @Override
            public void measure(Recorder out) {
                out.record("mean_field", meanField);
                out.record("noise", rng.nextDouble());
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
