package io.phasesweep.model;

/**
 * A named quantity a model records: a scalar measured after every unit (binned within the
 * replica), or a time series value recorded once per replica at each time t (combined across
 * replicas per t).
 */
public record ObservableSpec(String name, String meaning, Kind kind) {

    public enum Kind { SCALAR, SERIES }

    public static ObservableSpec of(String name, String meaning) {
        return new ObservableSpec(name, meaning, Kind.SCALAR);
    }

    public static ObservableSpec series(String name, String meaning) {
        return new ObservableSpec(name, meaning, Kind.SERIES);
    }

    public boolean isSeries() {
        return kind == Kind.SERIES;
    }
}
