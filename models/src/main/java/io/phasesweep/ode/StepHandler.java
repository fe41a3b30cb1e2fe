package io.phasesweep.ode;

/** Called by {@link FixedStepDriver} after every step, e.g. to count events along the path. Must not allocate. */
@FunctionalInterface
public interface StepHandler {
    /** Does nothing: for runs that only need the end state. */
    StepHandler NONE = (t, y) -> {
    };

    /** @param y the state at time {@code t}, just reached; read it, do not change it */
    void handleStep(double t, double[] y);
}
