package io.phasesweep.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One parameter a model accepts: its name (a config key and a column name), type, default
 * ({@code null} = required, unless {@code optional}), meaning, and the values it admits.
 *
 * @param optional      may be left out altogether (no default); the model checks combinations
 * @param min           smallest admitted value for numeric types ({@code -Infinity} = unbounded)
 * @param minInclusive  whether {@code min} itself is admitted
 * @param choices       admitted values of a {@link ParamType#STRING} parameter (empty = any)
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String meaning,
                        double min, boolean minInclusive, List<String> choices, boolean optional, double max) {

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    public ParamSpec(String name, ParamType type, Object defaultValue, String meaning,
                     double min, boolean minInclusive, List<String> choices) {
        this(name, type, defaultValue, meaning, min, minInclusive, choices, false, Double.POSITIVE_INFINITY);
    }

    /**
     * The same parameter with a largest admitted value (inclusive): e.g. the size at which a
     * lattice's arrays would no longer fit a Java array, so no task fails on it at run time.
     */
    public ParamSpec withMax(double largest) {
        return new ParamSpec(name, type, defaultValue, meaning, min, minInclusive, choices, optional, largest);
    }

    /** A positive real that may be absent, e.g. one of two alternative parameters (K or T). */
    public static ParamSpec optionalPositive(String name, String meaning) {
        return new ParamSpec(name, ParamType.DOUBLE, null, meaning, 0.0, false, List.of(), true, Double.POSITIVE_INFINITY);
    }

    public static ParamSpec integer(String name, Integer defaultValue, int min, String meaning) {
        return new ParamSpec(name, ParamType.INT, defaultValue, meaning, min, true, List.of());
    }

    public static ParamSpec count(String name, Long defaultValue, long min, String meaning) {
        return new ParamSpec(name, ParamType.LONG, defaultValue, meaning, min, true, List.of());
    }

    public static ParamSpec real(String name, Double defaultValue, String meaning) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, meaning,
                Double.NEGATIVE_INFINITY, true, List.of());
    }

    public static ParamSpec nonNegative(String name, Double defaultValue, String meaning) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, meaning, 0.0, true, List.of());
    }

    public static ParamSpec positive(String name, Double defaultValue, String meaning) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, meaning, 0.0, false, List.of());
    }

    public static ParamSpec choice(String name, String defaultValue, String meaning, String... choices) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, meaning,
                Double.NEGATIVE_INFINITY, true, List.of(choices));
    }

    public boolean required() {
        return defaultValue == null && !optional;
    }

    /** Why {@code value} (already of this parameter's type) is not admitted, or empty if it is. */
    public Optional<String> reject(Object value) {
        if (value instanceof Number n && type != ParamType.STRING) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || v < min || (!minInclusive && v == min)) {
                return Optional.of("must be " + (minInclusive ? ">= " : "> ") + format(min) + ", got " + value);
            }
            if (v > max) {
                return Optional.of("must be <= " + format(max) + ", got " + value);
            }
        }
        if (type == ParamType.STRING && !choices.isEmpty() && !choices.contains(value)) {
            return Optional.of("must be one of " + String.join(", ", choices) + ", got '" + value + "'");
        }
        return Optional.empty();
    }

    /** Human-readable admitted range, e.g. {@code ">= 2"}, {@code "metropolis | wolff"}. */
    public String admits() {
        if (!choices.isEmpty()) {
            return String.join(" | ", choices);
        }
        String upper = max == Double.POSITIVE_INFINITY ? "" : "<= " + format(max);
        if (min == Double.NEGATIVE_INFINITY) {
            return upper.isEmpty() ? "any" : upper;
        }
        return (minInclusive ? ">= " : "> ") + format(min) + (upper.isEmpty() ? "" : ", " + upper);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }
}
