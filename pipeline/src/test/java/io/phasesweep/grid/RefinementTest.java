package io.phasesweep.grid;

import io.phasesweep.model.ParamType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefinementTest {
    private final Grid coarse = new Grid(List.of(new Axis("L", ParamType.INT, List.of(8, 16)),
            new Axis("T", ParamType.DOUBLE, List.of(2.0, 2.1, 2.2, 2.3, 2.4))));

    @Test
    void evenlySpacedRoundedValuesAroundTheCriticalPointWithoutRepeats() {
        Grid g = Refinement.grid(coarse, "T", List.of(2.26917), 9, 0.08).orElseThrow();
        assertEquals(List.of(8, 16), g.axes().get(0).values());
        List<Object> t = g.axes().get(1).values();
        assertEquals(List.of(2.229, 2.239, 2.249, 2.259, 2.269, 2.279, 2.289, 2.299, 2.309), t);
    }

    @Test
    void valuesTheFirstPassHadAreLeftOut() {
        Grid g = Refinement.grid(coarse, "T", List.of(2.2), 5, 0.1).orElseThrow();
        assertEquals(List.of(2.15, 2.175, 2.225, 2.25), g.axes().get(1).values());
    }

    @Test
    void windowsOfSeveralCriticalPointsMerge() {
        Grid g = Refinement.grid(coarse, "T", List.of(2.25, 2.26), 3, 0.02).orElseThrow();
        assertEquals(List.of(2.24, 2.25, 2.26, 2.27), g.axes().get(1).values());
    }

    @Test
    void nothingNewMeansNoSecondPass() {
        assertTrue(Refinement.grid(coarse, "T", List.of(2.2), 3, 0.2).isEmpty());
    }
}
