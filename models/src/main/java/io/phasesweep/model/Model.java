package io.phasesweep.model;

import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;

/**
 * A running simulation of one replica. Implementations keep their state in primitive arrays and
 * allocate nothing in {@link #advance()}.
 */
public interface Model {

    /** Advance one unit: one Monte Carlo sweep, or one output interval of an integrator. */
    void advance();

    /**
     * Called once, after the discarded units and before the first measured one. Models that adapt
     * their update during equilibration (cluster counts, step sizes) freeze it here: an update that
     * keeps adapting to the trajectory it is measuring would bias the measurements.
     */
    default void startMeasuring() {
    }

    /** Record the observables of the current state. Must not change the state. */
    void measure(Recorder out);

    /**
     * Whether the run has reached its end (an absorbing state, an epidemic that died out, a fixed
     * point). Asked only by {@link Schedule#untilDone until-done} schedules: before every discarded
     * unit and after every measured one (see {@link Schedule} for what is measured then). Must not
     * change the state; once true it stays true, and {@link #advance()} is not called again.
     */
    default boolean done() {
        return false;
    }

    /**
     * Called once, after the last unit and its measurement, under every schedule (fixed or until
     * done): the place to record once-per-replica observables ({@link ObservableSpec#once}: final
     * size, absorption time, units run) and series values held until the end. Scalars recorded
     * here are rejected: a scalar is one measurement per unit, and no unit precedes this call.
     */
    default void finish(Recorder out) {
    }

    /**
     * Whether {@link #checkpoint} and {@link #restore} are implemented. The framework checkpoints
     * only models that say so; others always run from the start.
     */
    default boolean checkpointable() {
        return false;
    }

    /**
     * Writes everything that affects future bits and is not rebuilt by
     * {@link ModelType#create(Params, org.apache.commons.rng.UniformRandomProvider) create} from the
     * same parameters and seed: the configuration, counters, adaptive update settings, the position
     * in a schedule of output times. Not the random generator the model was given: the framework
     * owns it and saves its state itself. Must not change the state.
     */
    default void checkpoint(StateWriter out) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not checkpointable");
    }

    /**
     * Reads what {@link #checkpoint} wrote, into a model freshly built from the same parameters and
     * seed; afterwards (with the generator's state restored) it continues with the same bits as the
     * model that wrote it.
     */
    default void restore(StateReader in) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not checkpointable");
    }
}
