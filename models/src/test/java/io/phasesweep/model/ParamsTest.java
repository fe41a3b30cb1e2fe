package io.phasesweep.model;

import io.phasesweep.ising.Ising2DType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamsTest {
    private final ModelType ising = Ising2DType.INSTANCE;

    @Test
    void fillsDefaultsAndKeepsTypes() {
        Params p = Params.resolve(ising, Map.of("L", 8, "T", 2.0));
        assertEquals(8, p.getInt("L"));
        assertEquals(1.0, p.getDouble("J"));
        assertEquals("metropolis", p.getString("algorithm"));
        assertEquals(10_000L, p.getLong("sweeps"));
    }

    @Test
    void namesTheParameterThatIsWrong() {
        assertEquals("L", assertThrows(InvalidParameterException.class,
                () -> Params.resolve(ising, Map.of("L", 1, "T", 2.0))).parameter());
        assertEquals("T", assertThrows(InvalidParameterException.class,
                () -> Params.resolve(ising, Map.of("L", 8, "T", -2.0))).parameter());
        assertEquals("T", assertThrows(InvalidParameterException.class,
                () -> Params.resolve(ising, Map.of("L", 8))).parameter());
        assertEquals("sweps", assertThrows(InvalidParameterException.class,
                () -> Params.resolve(ising, Map.of("L", 8, "T", 2.0, "sweps", 10L))).parameter());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Params.resolve(ising, Map.of("L", 8, "T", 2.0, "algorithm", "heatbath")));
        assertTrue(e.getMessage().contains("metropolis, wolff"), e.getMessage());
    }

    @Test
    void refusesLossyConversions() {
        assertThrows(InvalidParameterException.class, () -> Params.resolve(ising, Map.of("L", 8.5, "T", 2.0)));
        assertThrows(InvalidParameterException.class, () -> Params.resolve(ising, Map.of("L", 8, "T", "hot")));
        assertEquals(16, Params.resolve(ising, Map.of("L", 16.0, "T", 2)).getInt("L"));
    }
}
