package io.phasesweep.model;

/** Where a model puts the observables of one measurement. Only names from the model's spec. */
@FunctionalInterface
public interface Recorder {
    void record(String observable, double value);
}
