package io.phasesweep.model;

/** Where a model puts what it measures. Only names declared in the model's spec are accepted. */
public interface Recorder {

    /**
     * One measurement of a scalar observable (binned over the replica's measurements), or the one
     * value of a once-per-replica observable (a second value is rejected).
     */
    void record(String observable, double value);

    /** The value of a series observable at time {@code t}; at most once per t and replica. */
    void series(String observable, double t, double value);

    /** The recorder for member {@code k} of a ladder task (0 is the only member of an ordinary task). */
    Recorder member(int k);
}
