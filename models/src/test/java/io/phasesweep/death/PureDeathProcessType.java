package io.phasesweep.death;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Schedule;
import io.phasesweep.series.TimeGrid;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;

/**
 * Test-only registry entry {@code test-pure-death}: a {@link PureDeathProcess} run until extinction,
 * exercising until-done schedules, once-per-replica observables and series on a time grid.
 *
 * <p>Exact results (each particle survives to time t with probability exp(-gamma t), and with k
 * alive the waiting time is exponential with rate k gamma): the number alive at t is binomial,
 * mean N exp(-gamma t); the extinction time has mean H_N / gamma and variance
 * sum_{k=1..N} 1/(k gamma)^2, H_N the harmonic number. {@code fault} makes finish() break the
 * once-observable rules, to test that the runner refuses.
 */
public final class PureDeathProcessType implements ModelType {
    static final String ALIVE = "alive";
    static final String EXTINCTION_TIME = "extinction_time";
    static final String ALIVE_AT = "alive_t";

    @Override
    public String name() {
        return "test-pure-death";
    }

    @Override
    public String description() {
        return "test only: pure death process, Gillespie events until extinction";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 20, "gamma", 1.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("N", 20, 0, "initial number of particles"),
                ParamSpec.positive("gamma", 1.0, "death rate per particle"),
                ParamSpec.positive("output_step", 0.25, "spacing of the output times 0, step, 2 step, ..."),
                ParamSpec.integer("outputs", 20, 1, "number of output times"),
                ParamSpec.count("thermalization", 0L, 0, "deaths discarded before measuring"),
                ParamSpec.count("max_events", 1_000_000L, 1, "cap on measured deaths"),
                ParamSpec.choice("fault", "none", "injected misuse of once observables in finish()",
                        "none", "once_twice", "once_never", "scalar_in_finish"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of(ALIVE, "particles alive after each death"),
                ObservableSpec.once(EXTINCTION_TIME, "time of the last death (NaN if the cap came first)"),
                ObservableSpec.series(ALIVE_AT, "particles alive at each output time"));
    }

    @Override
    public Schedule schedule(Params p) {
        return Schedule.untilDone(p.getLong("thermalization"), p.getLong("max_events"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new PureDeathProcess(p.getInt("N"), p.getDouble("gamma"),
                TimeGrid.uniform(p.getDouble("output_step"), p.getInt("outputs")), p.getString("fault"), rng);
    }

    /** The count of the living: nothing per particle. */
    @Override
    public long memoryBytes(Params p) {
        return 64;
    }
}
