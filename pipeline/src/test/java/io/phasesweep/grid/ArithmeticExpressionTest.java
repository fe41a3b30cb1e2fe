package io.phasesweep.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArithmeticExpressionTest {
    private static final Set<String> NAMES = Set.of("L", "N", "T", "sweeps");

    private static double eval(String source, Map<String, Double> values) {
        return ArithmeticExpression.parse(source, NAMES).evaluate(values);
    }

    @Test
    void arithmeticPowersAndFunctionsOfParameters() {
        assertEquals(640.0, eval("10 * L^2", Map.of("L", 8.0)));
        assertEquals(StrictMath.pow(100, 1.5), eval("N^1.5", Map.of("N", 100.0)));
        assertEquals(-4.0, eval("-2^2", Map.of()), "unary minus binds looser than ^, as in mathematics");
        assertEquals(512.0, eval("2^3^2", Map.of()), "^ is right-associative");
        assertEquals(3.0, eval("max(min(L, 3), 1)", Map.of("L", 8.0)));
        assertEquals(StrictMath.log(8) + StrictMath.exp(0.5) + StrictMath.sqrt(8) + StrictMath.log10(8),
                eval("log(L) + exp(0.5) + sqrt(L) + log10(L)", Map.of("L", 8.0)));
        assertEquals(2500.0, eval("1e3 + 1.5E3", Map.of()), "numbers in scientific notation");
        assertEquals(List.of("L", "T"), ArithmeticExpression.parse("L * T + L", NAMES).variables());
    }

    /**
     * exp4j's own ^ is Math.pow; a resolved value enters the seed, so ours is StrictMath's on every
     * JVM. The listed pairs are ones where HotSpot's Math.pow (x86 intrinsic, JDK 17) misses
     * StrictMath's last bit.
     */
    @Test
    void powersAndFunctionsAreStrictMathsToTheLastBit() {
        double[][] pairs = {{37.82020453210553, 0.5590507316150046}, {42.87841787462007, 1.2323716608339192},
                {35.382328277047456, 2.3945299530986284}};
        for (double[] p : pairs) {
            assertEquals(Double.doubleToRawLongBits(StrictMath.pow(p[0], p[1])),
                    Double.doubleToRawLongBits(eval("N^T", Map.of("N", p[0], "T", p[1]))), "at " + p[0] + ", " + p[1]);
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(p[1]) + StrictMath.log(p[0])),
                    Double.doubleToRawLongBits(eval("exp(T) + log(N)", Map.of("N", p[0], "T", p[1]))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.System.exit(0)", "${HOME}", "Runtime.getRuntime()", "\"L\"", "L; L", "L = 2",
            "`id`", "L & 1", "new Object()"})
    void anythingButArithmeticIsRefused(String source) {
        ArithmeticExpression.InvalidExpressionException e = assertThrows(ArithmeticExpression.InvalidExpressionException.class,
                () -> ArithmeticExpression.parse(source, NAMES));
        assertTrue(e.getMessage().startsWith("is not arithmetic") || e.getMessage().startsWith("uses '")
                || e.getMessage().startsWith("calls '"), e.getMessage());
    }

    @Test
    void aDottedNameIsNotArithmeticEvenWhenItsFirstPartWouldBeAName() {
        ArithmeticExpression.InvalidExpressionException e = assertThrows(ArithmeticExpression.InvalidExpressionException.class,
                () -> ArithmeticExpression.parse("java.lang.System.exit(0)", NAMES));
        assertEquals("is not arithmetic: '.' at character 5 (an expression takes " + ArithmeticExpression.ADMITTED + ")",
                e.getMessage());
    }

    @Test
    void unknownNamesAndFunctionsAreNamed() {
        ArithmeticExpression.InvalidExpressionException name = assertThrows(ArithmeticExpression.InvalidExpressionException.class,
                () -> ArithmeticExpression.parse("10 * Lx^2", NAMES));
        assertEquals("Lx", name.unknownName().orElseThrow());
        assertEquals("uses 'Lx', which is not a parameter", name.getMessage());
        ArithmeticExpression.InvalidExpressionException call = assertThrows(ArithmeticExpression.InvalidExpressionException.class,
                () -> ArithmeticExpression.parse("sin(T)", NAMES));
        assertTrue(call.getMessage().startsWith("calls 'sin', which is not one of the functions abs, ceil"), call.getMessage());
        // exp4j's built-in constants are not parameters either.
        assertThrows(ArithmeticExpression.InvalidExpressionException.class, () -> ArithmeticExpression.parse("pi * L", NAMES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "2 +", "(L", "L)", "max(L)", "* L", "L L"})
    void malformedArithmeticIsRefused(String source) {
        assertThrows(ArithmeticExpression.InvalidExpressionException.class, () -> ArithmeticExpression.parse(source, NAMES));
    }

    @Test
    void divisionByZeroIsAnArithmeticError() {
        assertThrows(ArithmeticException.class, () -> eval("1 / (L - 8)", Map.of("L", 8.0)));
        assertTrue(Double.isNaN(eval("log(T - 3)", Map.of("T", 2.0))));
    }

    @Test
    void survivesSerialisationToAnExecutor() throws Exception {
        ArithmeticExpression e = ArithmeticExpression.parse("10 * L^2", NAMES);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ArithmeticExpression back = (ArithmeticExpression) in.readObject();
            assertEquals(2560.0, back.evaluate(Map.of("L", 16.0)));
        }
    }
}
