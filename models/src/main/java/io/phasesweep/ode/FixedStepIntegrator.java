package io.phasesweep.ode;

/**
 * One step of a one-step scheme of fixed size. Implementations preallocate their stage buffers
 * for one dimension and allocate nothing per step.
 *
 * @param <S> the systems the scheme can step: {@link OdeSystem} for deterministic schemes,
 *            {@link StochasticSystem} for schemes that add noise
 */
public interface FixedStepIntegrator<S extends OdeSystem> {

    /** Advances {@code y} in place from time {@code t} to {@code t + h}. */
    void step(S system, double t, double h, double[] y);
}
