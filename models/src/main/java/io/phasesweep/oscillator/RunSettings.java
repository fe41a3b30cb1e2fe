package io.phasesweep.oscillator;

import io.phasesweep.model.Params;
import io.phasesweep.ode.Scheme;

/**
 * What every oscillator model's replica reads from the parameters besides its own physics: noise,
 * quenched disorder, step, integrator, start and measurement schedule.
 *
 * @param diffusion D: the noise is sqrt(2D) xi(t) on each component
 * @param sigma     width of the quenched Gaussian natural frequencies
 * @param start     flat, perturbed or random, see {@link Phases#start}
 */
public record RunSettings(double diffusion, double sigma, double dt, Scheme integrator, String start,
                          MeasurementSchedule schedule) {

    public static RunSettings of(Params p) {
        return new RunSettings(p.getDouble("D"), p.getDouble("sigma"), p.getDouble("dt"), OscillatorParameters.integrator(p),
                p.getString("start"), MeasurementSchedule.of(p));
    }
}
