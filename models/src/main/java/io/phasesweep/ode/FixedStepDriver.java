package io.phasesweep.ode;

/**
 * Carries a state to output times in steps of dt. The last step before an output time is
 * shortened to land on it exactly, so measurements happen at the requested times and not up to dt
 * later. The time and state stay with the caller; the driver allocates nothing.
 *
 * @param <S> the kind of system the integrator steps
 */
public final class FixedStepDriver<S extends OdeSystem> {
    private final S system;
    private final FixedStepIntegrator<? super S> integrator;
    private final double dt;
    private final StepHandler handler;

    /** @param handler called after every step with the new time and state */
    public FixedStepDriver(S system, FixedStepIntegrator<? super S> integrator, double dt, StepHandler handler) {
        if (!(dt > 0)) {
            throw new IllegalArgumentException("dt must be > 0: " + dt);
        }
        this.system = system;
        this.integrator = integrator;
        this.dt = dt;
        this.handler = handler;
    }

    /**
     * Advances {@code y} in place from time {@code t} to {@code target} (no step if {@code target <= t}).
     *
     * @return the new time: exactly {@code target}, or {@code t} if no step was taken
     */
    public double advance(double t, double[] y, double target) {
        while (t < target) {
            double h = Math.min(dt, target - t);
            integrator.step(system, t, h, y);
            // Land on the target itself, not on t + h, which may round to a neighbour of it.
            t = h == target - t ? target : t + h;
            handler.handleStep(t, y);
        }
        return t;
    }

    /**
     * Takes {@code count} whole steps of dt, with no output time to land on (benchmarks, fixed-step runs).
     *
     * @return the new time, t + dt added {@code count} times
     */
    public double steps(double t, double[] y, int count) {
        for (int k = 0; k < count; k++) {
            integrator.step(system, t, dt, y);
            t += dt;
            handler.handleStep(t, y);
        }
        return t;
    }
}
