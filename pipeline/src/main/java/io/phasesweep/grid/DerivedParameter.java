package io.phasesweep.grid;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ParamType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parameter whose value is an expression of swept parameters ({@code thermalization = "10 * L^2"}):
 * a column of every table, resolved at each grid point. The resolved value, not the text, is what
 * the task receives, what the tables hold and what enters the replica seed.
 *
 * <p>An integer parameter takes the nearest integer, halves away from zero (2.5 gives 3, -2.5 gives
 * -3); a value that is not a finite number, or an integer beyond the parameter's type, is refused.
 */
public final class DerivedParameter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ParamType type;
    private final ArithmeticExpression expression;
    /** Values of the fixed parameters (and defaults) it reads: the same at every point. */
    private final Map<String, Double> constants;

    public DerivedParameter(String name, ParamType type, ArithmeticExpression expression, Map<String, Double> constants) {
        if (type != ParamType.INT && type != ParamType.LONG && type != ParamType.DOUBLE) {
            throw new IllegalArgumentException(name + " is a " + type.label() + "; expressions give numbers");
        }
        this.name = name;
        this.type = type;
        this.expression = expression;
        this.constants = Map.copyOf(constants);
    }

    public String name() {
        return name;
    }

    public ParamType type() {
        return type;
    }

    public ArithmeticExpression expression() {
        return expression;
    }

    /** The point's columns it reads: its names that are not fixed. */
    public List<String> inputs() {
        return expression.variables().stream().filter(v -> !constants.containsKey(v)).toList();
    }

    /**
     * The value at a point.
     *
     * @param point the point's values by column name (at least {@link #inputs()}), numbers
     * @throws InvalidParameterException for a non-finite value or an integer out of range
     */
    public Object value(Map<String, ?> point) {
        Map<String, Double> values = new HashMap<>(constants);
        for (String input : inputs()) {
            values.put(input, ((Number) point.get(input)).doubleValue());
        }
        double x;
        try {
            x = expression.evaluate(values);
        } catch (ArithmeticException e) {
            x = Double.NaN; // exp4j's "Division by zero!": the same refusal as any other non-finite value
        }
        return resolve(name, type, expression.source(), x);
    }

    /** The value of type {@code type} that {@code x}, the expression's result, resolves to. */
    public static Object resolve(String name, ParamType type, String source, double x) {
        String what = name + " = \"" + source + "\"";
        if (!Double.isFinite(x)) {
            throw new InvalidParameterException(name, what + " is not a finite number (" + x
                    + ": a division by zero, or a logarithm or root of a negative value)");
        }
        if (type == ParamType.DOUBLE) {
            return x;
        }
        BigDecimal rounded = new BigDecimal(x).setScale(0, RoundingMode.HALF_UP);
        long limit = type == ParamType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (rounded.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new InvalidParameterException(name, what + " gives " + x + ", beyond the range of " + name
                    + " (a " + type.label() + ", at most " + limit + ")");
        }
        return type == ParamType.INT ? (Object) rounded.intValueExact() : (Object) rounded.longValueExact();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivedParameter d && d.name.equals(name) && d.type == type
                && d.expression.source().equals(expression.source()) && d.constants.equals(constants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, expression.source(), constants);
    }

    @Override
    public String toString() {
        return name + " = \"" + expression.source() + "\"";
    }
}
