package io.phasesweep.oscillator;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.ode.Scheme;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of integration and measurement that the oscillator models share (dt, t_max,
 * transient, output_interval, series_points, series_from, integrator, start) and their checks.
 * A model's list is its physics followed by these, {@link #withSchedule}.
 */
public final class OscillatorParameters {
    /** The interface width is sampled from this many time steps on (earlier it is pure noise). */
    public static final int FIRST_SERIES_STEP = 10;
    /** A million log-spaced samples resolve any growth law; more would only fill the tables. */
    public static final int MAX_SERIES_POINTS = 1_000_000;

    private OscillatorParameters() {
    }

    /**
     * The model's parameters: its physics, then dt, t_max, transient, output_interval,
     * series_points, series_from, integrator and start, in this order.
     *
     * @param scalars      what the model averages after the transient, for the transient's description
     * @param startMeaning the description of {@code start} (flat, perturbed or random phases, {@link Phases#start})
     */
    public static List<ParamSpec> withSchedule(List<ParamSpec> physics, String scalars, String startMeaning) {
        List<ParamSpec> all = new ArrayList<>(physics);
        all.addAll(List.of(
                ParamSpec.positive("dt", 0.02, "integration time step"),
                ParamSpec.positive("t_max", 100.0, "integration time"),
                ParamSpec.nonNegative("transient", 10.0, "time before the scalars (" + scalars + ") are averaged"),
                ParamSpec.positive("output_interval", 1.0, "time between scalar measurements"),
                ParamSpec.integer("series_points", 40, 2, "log-spaced times at which the interface width is recorded")
                        .withMax(MAX_SERIES_POINTS),
                ParamSpec.optionalPositive("series_from", "time of the first interface-width sample (default "
                        + FIRST_SERIES_STEP + " dt); earlier resolves the growth of small systems that saturate quickly"),
                ParamSpec.choice("integrator", "auto", "auto: stochastic Heun with noise, RK4 without", "auto", "euler", "heun",
                        "rk4"),
                ParamSpec.choice("start", "flat", startMeaning, "flat", "perturbed", "random")));
        return List.copyOf(all);
    }

    /** RK4 without noise, stochastic Heun with it, unless the {@code integrator} parameter names one. */
    public static Scheme integrator(Params p) {
        return Scheme.choose(p.getString("integrator"), p.getDouble("D") > 0);
    }

    /**
     * The checks of the schedule and the integrator: a transient and an output interval within
     * t_max, a first width sample before t_max, at most 1e10 steps, no RK4 with noise.
     */
    public static void validate(Params p) {
        double tMax = p.getDouble("t_max");
        if (p.getDouble("transient") >= tMax) {
            throw new InvalidParameterException("transient", "transient must be < t_max = " + tMax);
        }
        if (p.getDouble("output_interval") > tMax - p.getDouble("transient")) {
            throw new InvalidParameterException("output_interval", "output_interval must fit between transient and t_max");
        }
        if (p.has("series_from")) {
            if (p.getDouble("series_from") >= tMax) {
                throw new InvalidParameterException("series_from", "series_from must be < t_max = " + tMax);
            }
        } else if (p.getDouble("dt") * FIRST_SERIES_STEP >= tMax) {
            throw new InvalidParameterException("dt", "dt must be well below t_max (t_max > " + FIRST_SERIES_STEP + " dt)");
        }
        if (tMax / p.getDouble("dt") > 1e10) {
            throw new InvalidParameterException("dt", "t_max / dt > 1e10 steps");
        }
        if (p.getString("integrator").equals("rk4") && p.getDouble("D") > 0) {
            throw new InvalidParameterException("integrator", "rk4 is for deterministic runs (D = 0); use heun or euler with noise");
        }
    }
}
