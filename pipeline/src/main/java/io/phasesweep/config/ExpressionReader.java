package io.phasesweep.config;

import com.typesafe.config.ConfigValue;
import io.phasesweep.grid.ArithmeticExpression;
import io.phasesweep.grid.DerivedParameter;
import io.phasesweep.grid.Factor;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.ParamType;
import io.phasesweep.model.Params;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parameters written as expressions under {@code sweep.params} ({@code thermalization = "10 * L^2"}).
 * An expression may use any of the model's parameters that has a value in the sweep: an axis, a
 * fixed value, a default, or another expression (never in a cycle). One that uses no axis, directly
 * or through another expression, is resolved here, once, into a fixed value like any number; the
 * others become {@link DerivedParameter}s, resolved at every grid point, in an order where each
 * comes after those it uses (ties in the order written: by line, then by name).
 */
final class ExpressionReader {
    private final TypedValues values;

    ExpressionReader(TypedValues values) {
        this.values = values;
    }

    /**
     * @param fixed       the fixed values read so far; constant expressions are added to it
     * @param expressions each expression parameter's config value (a string), by name
     * @param factors     the grid's factors
     * @return the derived parameters, in evaluation order
     */
    List<DerivedParameter> read(ModelType type, Map<String, Object> fixed, Map<String, ConfigValue> expressions,
                                List<Factor> factors) {
        if (expressions.isEmpty()) {
            return List.of();
        }
        Set<String> columns = new HashSet<>();
        factors.forEach(f -> columns.addAll(f.names()));
        Set<String> parameters = new HashSet<>();
        type.parameters().forEach(p -> parameters.add(p.name()));
        Map<String, ArithmeticExpression> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : expressions.entrySet()) {
            parsed.put(e.getKey(), parse(type, e.getKey(), e.getValue(), parameters));
        }
        // Every name must have a value: a column, a fixed value, a default, or another expression.
        for (Map.Entry<String, ArithmeticExpression> e : parsed.entrySet()) {
            for (String v : e.getValue().variables()) {
                if (columns.contains(v) || parsed.containsKey(v)) {
                    continue;
                }
                Object value = fixed.containsKey(v) ? fixed.get(v) : spec(type, v).defaultValue();
                if (value == null) {
                    throw error(e.getKey(), "uses " + v + ", which has no value in this sweep (give it one under"
                            + " sweep.params or sweep.grid)");
                }
                if (!(value instanceof Number)) {
                    throw error(e.getKey(), "uses " + v + ", a " + spec(type, v).type().label()
                            + " (" + value + "); expressions take numbers only");
                }
            }
        }
        List<DerivedParameter> derived = new ArrayList<>();
        Set<String> swept = new HashSet<>(columns);
        for (String name : evaluationOrder(parsed)) {
            ArithmeticExpression expr = parsed.get(name);
            ParamSpec spec = spec(type, name);
            Map<String, Double> constants = new HashMap<>();
            for (String v : expr.variables()) {
                if (!swept.contains(v)) {
                    Object value = fixed.containsKey(v) ? fixed.get(v) : spec(type, v).defaultValue();
                    constants.put(v, ((Number) value).doubleValue());
                }
            }
            if (expr.variables().stream().anyMatch(swept::contains)) {
                swept.add(name);
                derived.add(new DerivedParameter(name, spec.type(), expr, constants));
            } else {
                fixed.put(name, constant(spec, expr, constants));
            }
        }
        return derived;
    }

    /** An expression that uses no axis: resolved and checked now, like a number written there. */
    private Object constant(ParamSpec spec, ArithmeticExpression expr, Map<String, Double> constants) {
        String path = path(spec.name());
        double x;
        try {
            x = expr.evaluate(constants);
        } catch (ArithmeticException e) {
            x = Double.NaN;
        }
        Object typed;
        try {
            typed = Params.coerce(spec, DerivedParameter.resolve(spec.name(), spec.type(), expr.source(), x));
        } catch (InvalidParameterException e) {
            throw values.error(path, e.getMessage());
        }
        Object value = typed;
        spec.reject(value).ifPresent(why -> {
            throw values.error(path, spec.name() + " = \"" + expr.source() + "\" = " + value + ": " + why);
        });
        return value;
    }

    private ArithmeticExpression parse(ModelType type, String name, ConfigValue value, Set<String> parameters) {
        String source = (String) value.unwrapped();
        try {
            return ArithmeticExpression.parse(source, parameters);
        } catch (ArithmeticExpression.InvalidExpressionException e) {
            List<String> known = type.parameters().stream().map(ParamSpec::name).toList();
            String hint = e.unknownName().filter(u -> !e.getMessage().startsWith("calls"))
                    .map(u -> " of model " + type.name() + Suggestions.suggestion(u, known)
                            + " (parameters: " + String.join(", ", known) + ")")
                    .orElse("");
            throw error(name, "\"" + source + "\" " + e.getMessage() + hint);
        }
    }

    /**
     * Expressions after those they use; among those ready, the one written first. A cycle is
     * refused, named in full.
     */
    private List<String> evaluationOrder(Map<String, ArithmeticExpression> parsed) {
        List<String> written = new ArrayList<>(parsed.keySet());
        written.sort(Comparator.comparingInt(this::line).thenComparing(Comparator.naturalOrder()));
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < written.size()) {
            String next = null;
            for (String n : written) {
                if (!done.contains(n) && parsed.get(n).variables().stream()
                        .allMatch(v -> !parsed.containsKey(v) || done.contains(v))) {
                    next = n;
                    break;
                }
            }
            if (next == null) {
                List<String> cycle = cycle(parsed, done, written);
                throw error(cycle.get(0), "expressions use each other in a cycle: " + String.join(" -> ", cycle)
                        + "; give one of them a value");
            }
            order.add(next);
            done.add(next);
        }
        return order;
    }

    /** A cycle among the expressions not yet ordered, from the first written one on it, back to it. */
    private static List<String> cycle(Map<String, ArithmeticExpression> parsed, Set<String> done, List<String> written) {
        // Every remaining expression uses a remaining one, so walking from any of them must loop.
        String start = written.stream().filter(n -> !done.contains(n)).findFirst().orElseThrow();
        Map<String, Integer> seen = new TreeMap<>();
        List<String> walk = new ArrayList<>();
        String at = start;
        while (!seen.containsKey(at)) {
            seen.put(at, walk.size());
            walk.add(at);
            String from = at;
            at = parsed.get(from).variables().stream().filter(v -> parsed.containsKey(v) && !done.contains(v))
                    .findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(walk.subList(seen.get(at), walk.size()));
        cycle.add(at);
        return cycle;
    }

    private int line(String name) {
        int line = values.config().getValue(path(name)).origin().lineNumber();
        return line > 0 ? line : Integer.MAX_VALUE;
    }

    private static ParamSpec spec(ModelType type, String name) {
        return type.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private ConfigError error(String name, String message) {
        return values.error(path(name), message);
    }

    static String path(String name) {
        return "sweep.params." + TypedValues.quote(name);
    }

    /** Whether a parameter of this type may be written as an expression (a quoted string for a number). */
    static boolean isExpression(ParamSpec spec, ConfigValue value) {
        return value.valueType() == com.typesafe.config.ConfigValueType.STRING
                && (spec.type() == ParamType.INT || spec.type() == ParamType.LONG || spec.type() == ParamType.DOUBLE);
    }
}
