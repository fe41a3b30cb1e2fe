package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/**
 * Test-only model with a time series: a Gaussian random walk of step sd {@code sigma}, recording
 * h^2 at t = 1, 2, 4, ... (exact mean: sigma^2 t) and the step itself as a scalar. {@code fault}
 * makes it throw or produce NaN, to test how the pipeline survives bad replicas, or, with
 * {@code abort} while {@link #ABORTING} is set, fails the Spark task itself: an interrupted sweep.
 */
public final class RandomWalkType implements ModelType {
    /** Arms the {@code abort} fault (local Spark runs tasks in this JVM); unarmed it is {@code none}. */
    public static final java.util.concurrent.atomic.AtomicBoolean ABORTING = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public String name() {
        return "test-random-walk";
    }

    @Override
    public String description() {
        return "test only: a random walk with a series observable";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("sigma", 1.0, "steps", 16L);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("sigma", 1.0, "step sd"),
                ParamSpec.count("steps", 64L, 1, "steps"),
                ParamSpec.choice("fault", "none", "injected fault", "none", "throw", "nan", "abort"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("step", "last step"), ObservableSpec.series("h2", "squared height"));
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, p.getLong("steps"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        double sigma = p.getString("fault").equals("nan") ? Double.NaN : p.getDouble("sigma");
        if (p.getString("fault").equals("throw")) {
            throw new ArithmeticException("unstable time step (injected)");
        }
        if (p.getString("fault").equals("abort") && ABORTING.get()) {
            // An Error, not an exception: the pipeline records exceptions as failed replicas.
            throw new AssertionError("task aborted (injected)");
        }
        return new Model() {
            long t;
            double h;
            double step;

            @Override
            public void advance() {
                // Box-Muller: enough for a test model.
                step = sigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                h += step;
                t++;
            }

            @Override
            public void measure(Recorder out) {
                out.record("step", step);
                if (Long.bitCount(t) == 1) {
                    out.series("h2", t, h * h);
                }
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
