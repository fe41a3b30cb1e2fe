package io.phasesweep.model;

/**
 * A model that parallel tempering can run: besides advancing and measuring, it can weigh its
 * current configuration at another ladder member's parameters and continue at them. The framework
 * ({@link ParallelTempering}) does the exchanges; a model supplies only these two hooks.
 */
public interface TemperedModel extends Model {

    /**
     * log[w(x; to) / w(x; current)] for the current configuration x, where w is the unnormalised
     * stationary weight that {@link #advance()} samples; for a Boltzmann weight at temperature T,
     * -(1/T' - 1/T) E(x). Zero for the current parameters. Must not change the state.
     *
     * @param to the parameters of another member of the same ladder (they differ only in the
     *           ladder axis)
     */
    double logWeightRatio(Params to);

    /**
     * Keeps the configuration and continues at the parameters {@code to}: afterwards
     * {@link #advance()} samples w(x; to). Recompute whatever depends on the ladder parameter
     * (acceptance thresholds); runs once per accepted exchange, so it need not be allocation-free.
     */
    void moveTo(Params to);
}
