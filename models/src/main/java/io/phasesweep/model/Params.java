package io.phasesweep.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complete, validated parameter values of one model run: every parameter of the model's spec,
 * given or defaulted. Values are {@code Integer}, {@code Long}, {@code Double}, {@code String} or
 * {@code Boolean} according to the {@link ParamType}. Read once when a model is built, never in a
 * hot loop.
 */
public final class Params implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Fills defaults, checks that required parameters are present and that each value is admitted.
     * Values must already have the parameter's Java type ({@link #coerce} converts config numbers).
     *
     * @throws InvalidParameterException for an unknown, missing or inadmissible parameter
     */
    public static Params resolve(ModelType type, Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (type.parameters().stream().noneMatch(p -> p.name().equals(key))) {
                throw new InvalidParameterException(key, "model " + type.name() + " has no parameter '" + key + "'");
            }
        }
        for (ParamSpec spec : type.parameters()) {
            Object v = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue();
            if (v == null && spec.optional()) {
                continue;
            }
            if (v == null) {
                throw new InvalidParameterException(spec.name(),
                        "model " + type.name() + " needs parameter '" + spec.name() + "' (" + spec.meaning() + ")");
            }
            Object typed = coerce(spec, v);
            spec.reject(typed).ifPresent(why -> {
                throw new InvalidParameterException(spec.name(), spec.name() + " " + why);
            });
            values.put(spec.name(), typed);
        }
        Params params = new Params(values);
        type.validate(params);
        return params;
    }

    /**
     * Converts a config value to the Java type of {@code spec}, refusing lossy conversions
     * (2.5 for an integer parameter, a number for a string).
     *
     * @throws InvalidParameterException if the value does not have the parameter's type
     */
    public static Object coerce(ParamSpec spec, Object v) {
        String expected = "must be " + article(spec.type()) + " " + spec.type().label();
        switch (spec.type()) {
            case INT, LONG -> {
                if (v instanceof String s && s.matches("[-+]?\\d+")) {
                    // What HOCON makes of an unquoted integer beyond 64 bits.
                    throw new InvalidParameterException(spec.name(), spec.name() + " is out of integer range: " + s);
                }
                if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                        || Double.isInfinite(n.doubleValue())) {
                    throw wrongType(spec, expected, v);
                }
                // A double beyond 2^63 would saturate to Long.MAX_VALUE: exact integers only.
                if (!(n instanceof Long || n instanceof Integer) && Math.abs(n.doubleValue()) >= 0x1p63) {
                    throw new InvalidParameterException(spec.name(), spec.name() + " is out of integer range: " + v);
                }
                long l = n.longValue();
                if (spec.type() == ParamType.INT) {
                    if (l != (int) l) {
                        throw new InvalidParameterException(spec.name(), spec.name() + " is out of integer range: " + v);
                    }
                    return (int) l;
                }
                return l;
            }
            case DOUBLE -> {
                if (!(v instanceof Number n)) {
                    throw wrongType(spec, expected, v);
                }
                if (!Double.isFinite(n.doubleValue())) {
                    // 1e309 reads as infinity: no model parameter means that, and it breaks JSON.
                    throw new InvalidParameterException(spec.name(), spec.name() + " must be a finite number, got " + v
                            + " (beyond the range of a double, about 1.8e308)");
                }
                return n.doubleValue();
            }
            case STRING -> {
                if (!(v instanceof String)) {
                    throw wrongType(spec, expected, v);
                }
                return v;
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean)) {
                    throw wrongType(spec, expected, v);
                }
                return v;
            }
            default -> throw new AssertionError(spec.type());
        }
    }

    private static InvalidParameterException wrongType(ParamSpec spec, String expected, Object v) {
        return new InvalidParameterException(spec.name(), spec.name() + " " + expected + ", got " + describe(v));
    }

    private static String article(ParamType t) {
        return t == ParamType.INT ? "an" : "a";
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /** Whether an optional parameter was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return v;
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
