package io.phasesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of one resolved config, each failure a {@link ConfigError} naming file:line and key.
 * Integers are read exactly: nothing is ever narrowed silently.
 */
final class TypedValues {
    /** A config key as {@code --set} accepts it: dotted identifiers. */
    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    private final Config config;
    private final String source;

    TypedValues(Config config, String source) {
        this.config = config;
        this.source = source;
    }

    Config config() {
        return config;
    }

    /** The file the config came from (errors about absent keys point there). */
    String source() {
        return source;
    }

    boolean has(String path) {
        return config.hasPath(path);
    }

    /** file:line of a value, or the {@code --set key} that gave it. */
    static String where(ConfigOrigin origin) {
        if (origin.filename() != null && origin.lineNumber() > 0) {
            return origin.filename() + ":" + origin.lineNumber();
        }
        // Values from --set carry a description like "--set key: 1"; the line is meaningless there.
        return origin.description().replaceFirst(": \\d+$", "");
    }

    /** An error at the position of a particular value (a list element, a map entry). */
    static ConfigError errorAt(ConfigValue value, String path, String message) {
        return new ConfigError(where(value.origin()) + ": " + path + ": " + message);
    }

    /** An error at the position of the value at {@code path}, or at the file if the key is absent. */
    ConfigError error(String path, String message) {
        return config.hasPathOrNull(path) ? errorAt(config.getValue(path), path, message)
                : new ConfigError(source + ": " + path + ": " + message);
    }

    /** A key as it appears in a path: quoted when it is not a plain identifier. */
    static String quote(String key) {
        return KEY.matcher(key).matches() && !key.contains(".") ? key : "\"" + key + "\"";
    }

    void checkKeys(ConfigObject object, String prefix, Set<String> allowed) {
        for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw errorAt(e.getValue(), prefix + e.getKey(), "unknown key" + Suggestions.suggestion(e.getKey(), allowed)
                        + " (expected: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    void requireObject(String path) {
        if (config.getValue(path).valueType() != ConfigValueType.OBJECT) {
            throw error(path, "must be a block { ... }, got a " + config.getValue(path).valueType().name().toLowerCase());
        }
    }

    String string(String path) {
        ConfigValue v = config.getValue(path);
        if (v.valueType() != ConfigValueType.STRING) {
            throw error(path, "must be a string, got " + v.valueType().name().toLowerCase() + " " + v.render());
        }
        return (String) v.unwrapped();
    }

    double number(String path) {
        ConfigValue v = config.getValue(path);
        if (v.valueType() != ConfigValueType.NUMBER) {
            throw error(path, "must be a number, got " + v.render());
        }
        double d = ((Number) v.unwrapped()).doubleValue();
        if (!Double.isFinite(d)) {
            throw error(path, "must be finite, got " + v.render());
        }
        return d;
    }

    /** true or false (HOCON also admits yes/no, on/off). */
    boolean bool(String path) {
        try {
            return config.getBoolean(path);
        } catch (com.typesafe.config.ConfigException.WrongType e) {
            throw error(path, "must be true or false");
        }
    }

    /**
     * An integer in [min, max], read exactly: HOCON gives a long for integers that fit one and a
     * double otherwise, so a double here is either not an integer or out of range; nothing is
     * ever narrowed silently (4294967297 replicas must not become 1).
     */
    long integer(String path, long min, long max) {
        ConfigValue v = config.getValue(path);
        // HOCON reads an unquoted integer beyond 64 bits as a string.
        if (v.valueType() == ConfigValueType.STRING && ((String) v.unwrapped()).matches("[-+]?\\d+")) {
            throw error(path, (((String) v.unwrapped()).startsWith("-") ? bound(min, false) : bound(max, true))
                    + ", got " + v.unwrapped());
        }
        if (v.valueType() != ConfigValueType.NUMBER) {
            throw error(path, "must be an integer, got " + v.render());
        }
        Number n = (Number) v.unwrapped();
        if (!(n instanceof Integer || n instanceof Long)) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw error(path, "must be an integer, got " + v.render());
            }
            if (Math.abs(d) < 0x1p63) {
                n = (long) d;
            } else {
                throw error(path, d > 0 ? bound(max, true) + ", got " + v.render() : bound(min, false) + ", got " + v.render());
            }
        }
        long l = n.longValue();
        if (l < min) {
            throw error(path, bound(min, false) + ", got " + l);
        }
        if (l > max) {
            throw error(path, bound(max, true) + ", got " + l);
        }
        return l;
    }

    private static String bound(long limit, boolean upper) {
        if (upper) {
            return limit == Long.MAX_VALUE ? "must fit a 64-bit integer" : "must be <= " + limit;
        }
        return limit == Long.MIN_VALUE ? "must fit a 64-bit integer" : "must be >= " + limit;
    }
}
