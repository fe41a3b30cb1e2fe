package io.phasesweep.model;

/**
 * A named quantity a model records: a scalar measured after every unit (binned within the
 * replica), a time series value recorded once per replica at each time t (combined across
 * replicas per t), or a once-per-replica value (final size, convergence or absorption time),
 * usually recorded in {@link Model#finish}.
 *
 * <p>A once observable has no within-replica error: its replica row carries the value with stderr
 * and tau_int NaN, and a point's error is the spread over replicas / sqrt(n).
 */
public record ObservableSpec(String name, String meaning, Kind kind) {

    public enum Kind { SCALAR, SERIES, ONCE }

    public static ObservableSpec of(String name, String meaning) {
        return new ObservableSpec(name, meaning, Kind.SCALAR);
    }

    public static ObservableSpec series(String name, String meaning) {
        return new ObservableSpec(name, meaning, Kind.SERIES);
    }

    /** Recorded exactly once per replica, through {@link Recorder#record}; the task fails otherwise. */
    public static ObservableSpec once(String name, String meaning) {
        return new ObservableSpec(name, meaning, Kind.ONCE);
    }

    public boolean isSeries() {
        return kind == Kind.SERIES;
    }

    public boolean isOnce() {
        return kind == Kind.ONCE;
    }
}
