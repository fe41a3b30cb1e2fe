package io.phasesweep.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.ParamType;
import io.phasesweep.model.Params;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parameter values: a fixed value, or an axis written as a scalar, a list or a range {from, to, steps, scale}. */
final class AxisReader {
    private static final Set<String> RANGE = Set.of("from", "to", "steps", "scale");
    /** Steps of one range; the task limit caps the product of all axes anyway. */
    private static final long MAX_STEPS = 10_000_000;

    private final TypedValues values;

    AxisReader(TypedValues values) {
        this.values = values;
    }

    /** One value, coerced to the parameter's type and checked against its bounds. */
    Object value(ParamSpec spec, ConfigValue v, String path) {
        Object typed;
        try {
            typed = Params.coerce(spec, v.unwrapped());
        } catch (InvalidParameterException e) {
            throw TypedValues.errorAt(v, path, e.getMessage());
        }
        spec.reject(typed).ifPresent(why -> {
            throw TypedValues.errorAt(v, path, why);
        });
        return typed;
    }

    /** The values of a plain axis: distinct, since each is a grid point of its own. */
    List<Object> axisValues(ParamSpec spec, ConfigValue v, String path) {
        List<Object> result = values(spec, v, path);
        if (result.stream().distinct().count() != result.size()) {
            throw values.error(path, "repeats a value: " + result);
        }
        return result;
    }

    /**
     * The values of a scalar, list or range, in order; repeats allowed (a linked run length may be
     * the same for two sizes).
     */
    List<Object> values(ParamSpec spec, ConfigValue v, String path) {
        List<Object> result = new ArrayList<>();
        switch (v.valueType()) {
            case LIST -> {
                for (ConfigValue element : (ConfigList) v) {
                    result.add(value(spec, element, path));
                }
                if (result.isEmpty()) {
                    throw values.error(path, "empty list: an axis needs at least one value");
                }
            }
            case OBJECT -> result.addAll(range(spec, (ConfigObject) v, path));
            default -> result.add(value(spec, v, path));
        }
        return result;
    }

    /** {@code {from, to, steps, scale}}: inclusive, linear or logarithmic. */
    private List<Object> range(ParamSpec spec, ConfigObject range, String path) {
        values.checkKeys(range, path + ".", RANGE);
        for (String k : List.of("from", "to", "steps")) {
            if (!range.containsKey(k)) {
                throw values.error(path, "a range needs from, to and steps; '" + k + "' is missing");
            }
        }
        if (spec.type() == ParamType.STRING || spec.type() == ParamType.BOOLEAN) {
            throw values.error(path, spec.name() + " is a " + spec.type().label() + ": list its values instead of a range");
        }
        double from = values.number(path + ".from");
        double to = values.number(path + ".to");
        long steps = values.integer(path + ".steps", 1, MAX_STEPS);
        String scale = values.has(path + ".scale") ? values.string(path + ".scale") : "linear";
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw values.error(path + ".scale", "must be linear or log, got '" + scale + "'");
        }
        if (from > to) {
            throw values.error(path, "inverted range: from = " + from + " > to = " + to + " (write it ascending)");
        }
        if (steps == 1 && from != to) {
            throw values.error(path + ".steps", "steps = 1 but from != to; use steps >= 2 or a single value");
        }
        if (scale.equals("log") && from <= 0) {
            throw values.error(path, "log range touching 0: from and to must be > 0, got from = " + from);
        }
        List<Object> result = new ArrayList<>();
        for (long i = 0; i < steps; i++) {
            double x = steps == 1 ? from : scale.equals("log")
                    ? from * StrictMath.pow(to / from, (double) i / (steps - 1))
                    : linear(from, to, i, steps);
            Object typed = x;
            if (spec.type() == ParamType.INT || spec.type() == ParamType.LONG) {
                double r = Math.rint(x);
                if (Math.abs(x - r) > 1e-9 * Math.max(1, Math.abs(x))) {
                    throw values.error(path, "gives the non-integer value " + x + " for integer " + spec.name()
                            + "; list the values instead");
                }
                typed = r;
            }
            Object coerced = Params.coerce(spec, typed);
            Optional<String> why = spec.reject(coerced);
            if (why.isPresent()) {
                throw values.error(path, why.get());
            }
            result.add(coerced);
        }
        return result;
    }

    /** from + i (to - from)/(steps - 1) in decimal, so 1.5 + 8 * 0.1 is 2.3, not 2.3000000000000003. */
    private static double linear(double from, double to, long i, long steps) {
        BigDecimal f = BigDecimal.valueOf(from);
        BigDecimal span = BigDecimal.valueOf(to).subtract(f);
        return f.add(span.multiply(BigDecimal.valueOf(i))
                .divide(BigDecimal.valueOf(steps - 1), MathContext.DECIMAL64)).doubleValue();
    }
}
