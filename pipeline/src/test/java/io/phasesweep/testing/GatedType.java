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
 * a task at {@code x >= hold_from} does not start until FILE exists. A sweep can so be caught
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
                ParamSpec.count("units", 50L, 1, "measured units"));
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
        if (p.getDouble("x") >= p.getDouble("hold_from")) {
            awaitGate();
        }
        return new Model() {
            @Override
            public void advance() {
            }

            @Override
            public void measure(Recorder out) {
                out.record("value", rng.nextDouble());
            }
        };
    }

    /** Polls for the gate file: the test opens it when it has seen what it waits for. */
    private static void awaitGate() {
        String gate = System.getProperty(GATE);
        if (gate == null) {
            return;
        }
        try {
            while (!Files.exists(Path.of(gate))) {
                Thread.sleep(20);
            }
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
