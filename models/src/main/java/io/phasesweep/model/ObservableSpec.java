package io.phasesweep.model;

import io.phasesweep.stats.Bins;

/**
 * A named quantity a model records: a scalar measured after every unit (binned within the
 * replica), a time series value recorded once per replica at each time t (combined across
 * replicas per t), a once-per-replica value (final size, convergence or absorption time),
 * usually recorded in {@link Model#finish}, or a histogram with declared {@link Bins}.
 *
 * <p>A once observable has no within-replica error: its replica row carries the value with stderr
 * and tau_int NaN, and a point's error is the spread over replicas / sqrt(n).
 *
 * <p>A histogram (P(q) of a spin glass, a degree or cluster-size distribution) takes any number of
 * values through {@link Recorder#record}, in {@code measure} and in {@code finish}; the framework
 * counts them into the bins, values outside into underflow and overflow. Each replica's counts
 * are normalised to a density; a point's density is the mean over replicas and its error the
 * spread over replicas / sqrt(n). {@code bins} is null for the other kinds.
 */
public record ObservableSpec(String name, String meaning, Kind kind, Bins bins) {

    public enum Kind { SCALAR, SERIES, ONCE, HISTOGRAM }

    public ObservableSpec {
        if ((kind == Kind.HISTOGRAM) != (bins != null)) {
            throw new IllegalArgumentException(name + ": bins are declared for histograms, and only for them");
        }
    }

    public ObservableSpec(String name, String meaning, Kind kind) {
        this(name, meaning, kind, null);
    }

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

    /**
     * Values counted into {@code bins}, through {@link Recorder#record}, as often as the model
     * likes (at least once per replica, or the task fails); NaN fails the task.
     */
    public static ObservableSpec histogram(String name, String meaning, Bins bins) {
        return new ObservableSpec(name, meaning, Kind.HISTOGRAM, java.util.Objects.requireNonNull(bins, "bins"));
    }

    public boolean isSeries() {
        return kind == Kind.SERIES;
    }

    public boolean isOnce() {
        return kind == Kind.ONCE;
    }

    public boolean isHistogram() {
        return kind == Kind.HISTOGRAM;
    }

    /** One value per replica (a scalar's mean or a once value): a row of the replicas table. */
    public boolean isSingleValue() {
        return kind == Kind.SCALAR || kind == Kind.ONCE;
    }
}
