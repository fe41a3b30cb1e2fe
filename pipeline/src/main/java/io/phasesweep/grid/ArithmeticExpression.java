package io.phasesweep.grid;

import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.operator.Operator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arithmetic on parameter values, as a sweep file writes it ({@code "10 * L^2"}): numbers,
 * parameter names, {@code + - * / % ^}, parentheses and the functions of {@link #FUNCTIONS}.
 * Nothing else is admitted: the text is checked token by token before exp4j, a maths-only
 * evaluator, parses it, so a name can never reach a class, a method or the environment.
 *
 * <p>The functions and {@code ^} are {@link StrictMath}'s, not exp4j's own {@link Math} ones: a
 * resolved value enters the seed, so it must have the same bits on every JVM and machine.
 */
public final class ArithmeticExpression implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The functions an expression may call, by name, with StrictMath behind each. */
    public static final Map<String, Integer> FUNCTIONS;
    private static final List<Function> IMPLEMENTATIONS = new ArrayList<>();

    static {
        Map<String, Integer> arity = new TreeMap<>();
        unary(arity, "abs", StrictMath::abs);
        unary(arity, "ceil", StrictMath::ceil);
        unary(arity, "exp", StrictMath::exp);
        unary(arity, "floor", StrictMath::floor);
        unary(arity, "log", StrictMath::log);
        unary(arity, "log10", StrictMath::log10);
        unary(arity, "sqrt", StrictMath::sqrt);
        binary(arity, "max", StrictMath::max);
        binary(arity, "min", StrictMath::min);
        FUNCTIONS = java.util.Collections.unmodifiableMap(arity);
    }

    /** exp4j's own ^ is Math.pow, whose last bit may differ between interpreter and JIT. */
    private static final Operator POWER = new Operator("^", 2, false, Operator.PRECEDENCE_POWER) {
        @Override
        public double apply(double... args) {
            return StrictMath.pow(args[0], args[1]);
        }
    };

    /** What an expression may contain, as one phrase for messages. */
    public static final String ADMITTED = "numbers, parameter names, + - * / % ^, parentheses and the functions "
            + String.join(", ", FUNCTIONS.keySet());

    private static final Pattern NUMBER = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String OPERATORS = "+-*/%^(),";

    /** Why a text is not an admissible expression. */
    public static final class InvalidExpressionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String unknownName;

        InvalidExpressionException(String message, String unknownName) {
            super(message);
            this.unknownName = unknownName;
        }

        /** The name that is neither a parameter nor a function, when that is the problem. */
        public Optional<String> unknownName() {
            return Optional.ofNullable(unknownName);
        }
    }

    private final String source;
    private final List<String> variables;
    /** Parsed once per JVM; evaluation works on a copy, since exp4j's variables are state. */
    private transient Expression parsed;

    private ArithmeticExpression(String source, List<String> variables) {
        this.source = source;
        this.variables = List.copyOf(variables);
    }

    /**
     * Checks and parses {@code source}.
     *
     * @param names the parameter names it may use
     * @throws InvalidExpressionException naming the first thing that is not arithmetic on those names
     */
    public static ArithmeticExpression parse(String source, Set<String> names) {
        List<String> used = check(source, names);
        ArithmeticExpression e = new ArithmeticExpression(source, used);
        e.parsed();
        return e;
    }

    public String source() {
        return source;
    }

    /** The parameter names it uses, in order of first use. */
    public List<String> variables() {
        return variables;
    }

    /**
     * The value for the given parameter values (every name of {@link #variables()}).
     *
     * @throws ArithmeticException on a division by zero
     */
    public double evaluate(Map<String, Double> values) {
        Expression e = new Expression(parsed());
        for (String v : variables) {
            Double x = values.get(v);
            if (x == null) {
                throw new IllegalArgumentException("no value for " + v + " in " + source);
            }
            e.setVariable(v, x);
        }
        return e.evaluate();
    }

    @Override
    public String toString() {
        return source;
    }

    private Expression parsed() {
        if (parsed == null) {
            Expression e;
            try {
                e = new ExpressionBuilder(source).variables(new LinkedHashSet<>(variables)).functions(IMPLEMENTATIONS)
                        .operator(POWER).implicitMultiplication(false).build();
            } catch (IllegalArgumentException | java.util.EmptyStackException ex) {
                throw new InvalidExpressionException("is not a well-formed expression (" + ex.getMessage() + ")", null);
            }
            ValidationResult valid = e.validate(false);
            if (!valid.isValid()) {
                throw new InvalidExpressionException("is not a well-formed expression ("
                        + String.join("; ", valid.getErrors()) + ")", null);
            }
            parsed = e;
        }
        return parsed;
    }

    /** The parameter names the text uses, after checking every token. */
    private static List<String> check(String source, Set<String> names) {
        if (source.isBlank()) {
            throw new InvalidExpressionException("is empty: write a number or arithmetic on parameters", null);
        }
        List<String> used = new ArrayList<>();
        String unknown = null;
        boolean unknownCall = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Matcher number = NUMBER.matcher(source).region(i, n);
            if ((Character.isDigit(c) || c == '.') && number.lookingAt()) {
                i = number.end();
                continue;
            }
            Matcher name = NAME.matcher(source).region(i, n);
            if (name.lookingAt()) {
                String word = name.group();
                i = name.end();
                int next = i;
                while (next < n && Character.isWhitespace(source.charAt(next))) {
                    next++;
                }
                boolean call = next < n && source.charAt(next) == '(';
                if (call && !FUNCTIONS.containsKey(word) || !call && !names.contains(word)) {
                    if (unknown == null) {
                        unknown = word;
                        unknownCall = call;
                    }
                } else if (!call && !used.contains(word)) {
                    used.add(word);
                }
                continue;
            }
            if (OPERATORS.indexOf(c) < 0) {
                throw new InvalidExpressionException("is not arithmetic: '" + c + "' at character " + (i + 1)
                        + " (an expression takes " + ADMITTED + ")", null);
            }
            i++;
        }
        // Reported after the whole text is scanned: a character that is no arithmetic says more.
        if (unknown != null) {
            throw new InvalidExpressionException(unknownCall
                    ? "calls '" + unknown + "', which is not one of the functions " + String.join(", ", FUNCTIONS.keySet())
                    : "uses '" + unknown + "', which is not a parameter", unknown);
        }
        return used;
    }

    private static void unary(Map<String, Integer> arity, String name, DoubleUnaryOperator f) {
        arity.put(name, 1);
        IMPLEMENTATIONS.add(new Function(name, 1) {
            @Override
            public double apply(double... args) {
                return f.applyAsDouble(args[0]);
            }
        });
    }

    private static void binary(Map<String, Integer> arity, String name, DoubleBinaryOperator f) {
        arity.put(name, 2);
        IMPLEMENTATIONS.add(new Function(name, 2) {
            @Override
            public double apply(double... args) {
                return f.applyAsDouble(args[0], args[1]);
            }
        });
    }
}
