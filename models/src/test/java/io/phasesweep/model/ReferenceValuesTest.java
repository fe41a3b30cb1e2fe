package io.phasesweep.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference values name only what the analysis estimates, and sit where the literature puts them. */
class ReferenceValuesTest {

    @Test
    void everyReferenceIsACriticalPointInAParameterOrAnExponentTheModelScales() {
        for (ModelType type : ModelRegistry.all()) {
            Params example = Params.resolve(type, type.example());
            Set<String> exponents = new java.util.HashSet<>(Set.of(ReferenceValue.NU));
            type.scaling().values().forEach(s -> s.exponent().ifPresent(exponents::add));
            for (ReferenceValue r : type.referenceValues(example)) {
                if (r.quantity().equals(ReferenceValue.CRITICAL_POINT)) {
                    assertTrue(type.parameters().stream().anyMatch(p -> p.name().equals(r.parameter())),
                            type.name() + ": critical point in unknown parameter " + r.parameter());
                } else {
                    assertTrue(exponents.contains(r.quantity()), type.name() + ": " + r.quantity() + " is not estimated");
                }
                assertTrue(Double.isFinite(r.value()) && !r.source().isBlank(), type.name() + ": " + r);
            }
        }
    }

    @Test
    void isingAndPottsCriticalTemperaturesAreTheExactOnes() {
        Params ising = Params.resolve(ModelRegistry.get("ising2d"), Map.of("L", 8, "T", 2.0));
        assertEquals(2.269185314213022, value(ModelRegistry.get("ising2d").referenceValues(ising), "T"), 1e-12);
        Params field = Params.resolve(ModelRegistry.get("ising2d"), Map.of("L", 8, "T", 2.0, "h", 0.1));
        assertTrue(ModelRegistry.get("ising2d").referenceValues(field).isEmpty(), "a field removes the transition");
        Params potts = Params.resolve(ModelRegistry.get("potts2d"), Map.of("L", 8, "T", 1.0, "q", 3));
        assertEquals(0.9949728, value(ModelRegistry.get("potts2d").referenceValues(potts), "T"), 1e-7);
        Params firstOrder = Params.resolve(ModelRegistry.get("potts2d"), Map.of("L", 8, "T", 1.0, "q", 5));
        assertTrue(ModelRegistry.get("potts2d").referenceValues(firstOrder).isEmpty(), "q = 5 is first order");
        Params cubic = Params.resolve(ModelRegistry.get("ising3d"), Map.of("L", 8, "K", 0.22));
        List<ReferenceValue> r3 = ModelRegistry.get("ising3d").referenceValues(cubic);
        assertEquals(1 / value(r3, "K"), value(r3, "T"), 1e-12);
    }

    private static double value(List<ReferenceValue> refs, String parameter) {
        return refs.stream().filter(r -> r.appliesTo(ReferenceValue.CRITICAL_POINT, parameter)).findFirst().orElseThrow().value();
    }
}
