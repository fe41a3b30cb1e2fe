package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test-only model whose tasks can be held: in a JVM started with {@code -D}{@value #GATE}{@code =FILE},
 * each unit of a task at {@code x >= hold_from} takes 10 ms until FILE exists, so with many units
 * the task runs (and checkpoints) for as long as the gate stays shut. A sweep can so be caught
 * mid-run for certain — the chunks before the held tasks committed, the held ones not — instead of
 * hoping a long sweep is still running when the test looks. Without the property nothing waits, so
 * a reference run of the same config is an ordinary, quick sweep with the same bits.
 */
public final class GatedType implements ModelType {
    /** The system property naming the gate file. */
    public static final String GATE = "phasesweep.test.gate";

    @Override
    public String name() {
        return "test-gated";
    }

    @Override
    public String description() {
        return "test only: uniform draws whose tasks at x >= hold_from wait for a gate file";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("x", 0.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("x", 0.0, "a label for the grid"),
                ParamSpec.real("hold_from", 1e300, "tasks at x >= hold_from wait for the gate"),
                ParamSpec.count("units", 100_000L, 1, "measured units (held: 10 ms each while the gate is shut)"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("value", "a uniform draw"));
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, p.getLong("units"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        boolean held = p.getDouble("x") >= p.getDouble("hold_from") && System.getProperty(GATE) != null;
        return new Model() {
            private long units;

            @Override
            public void advance() {
                if (held && !Files.exists(Path.of(System.getProperty(GATE)))) {
                    pause();
                }
                units++;
            }

            @Override
            public void measure(Recorder out) {
                out.record("value", rng.nextDouble());
            }

            @Override
            public boolean checkpointable() {
                return true;
            }

            @Override
            public void checkpoint(io.phasesweep.state.StateWriter out) {
                out.writeLong(units);
            }

            @Override
            public void restore(io.phasesweep.state.StateReader in) {
                units = in.readLong();
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held at the gate", e);
        }
    }

    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
