package io.phasesweep.model;

/** A named scalar a model records at every measurement (a Parquet {@code observable} value). */
public record ObservableSpec(String name, String meaning) {
    public static ObservableSpec of(String name, String meaning) {
        return new ObservableSpec(name, meaning);
    }
}
