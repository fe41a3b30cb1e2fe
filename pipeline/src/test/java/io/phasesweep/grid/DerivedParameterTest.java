package io.phasesweep.grid;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ParamType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DerivedParameterTest {
    private static DerivedParameter of(String name, ParamType type, String source, Map<String, Double> constants) {
        return new DerivedParameter(name, type, ArithmeticExpression.parse(source, Set.of("L", "sweeps")), constants);
    }

    @Test
    void integerParametersTakeTheNearestIntegerHalvesAwayFromZero() {
        assertEquals(3L, DerivedParameter.resolve("x", ParamType.LONG, "", 2.5));
        assertEquals(2L, DerivedParameter.resolve("x", ParamType.LONG, "", 2.4999));
        assertEquals(-3L, DerivedParameter.resolve("x", ParamType.LONG, "", -2.5));
        assertEquals(3, DerivedParameter.resolve("x", ParamType.INT, "", 8.0 / 3));
        assertEquals(8.0 / 3, DerivedParameter.resolve("x", ParamType.DOUBLE, "", 8.0 / 3));
    }

    @Test
    void valuesBeyondTheTypeAreRefusedNotWrapped() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> DerivedParameter.resolve("sweeps", ParamType.INT, "1e12", 1e12));
        assertEquals("sweeps", e.parameter());
        assertTrue(e.getMessage().contains("beyond the range of sweeps (a int, at most 2147483647)"), e.getMessage());
        assertEquals(1_000_000_000_000L, DerivedParameter.resolve("sweeps", ParamType.LONG, "1e12", 1e12));
        assertThrows(InvalidParameterException.class, () -> DerivedParameter.resolve("s", ParamType.LONG, "", 1e19));
    }

    @Test
    void nonFiniteValuesAreRefusedDivisionByZeroIncluded() {
        DerivedParameter d = of("thermalization", ParamType.LONG, "1000 / (L - 8)", Map.of());
        assertEquals(125L, d.value(Map.of("L", 16)));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> d.value(Map.of("L", 8)));
        assertTrue(e.getMessage().startsWith("thermalization = \"1000 / (L - 8)\" is not a finite number"), e.getMessage());
        DerivedParameter log = of("t", ParamType.DOUBLE, "log(L - 10)", Map.of());
        assertThrows(InvalidParameterException.class, () -> log.value(Map.of("L", 8)));
    }

    @Test
    void fixedValuesItReadsAreConstantsAndOnlyTheRestAreInputs() {
        DerivedParameter d = of("thermalization", ParamType.LONG, "sweeps / 4 + L", Map.of("sweeps", 4000.0));
        assertEquals(java.util.List.of("L"), d.inputs());
        assertEquals(1016L, d.value(Map.of("L", 16)));
    }
}
