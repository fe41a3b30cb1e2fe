package io.phasesweep.ising;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two exact references agree with each other and with Onsager, so they can judge the kernel. */
class ExactIsingTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.8, 2.269185314213022, 2.6, 4.0})
    void kaufmanFormulaMatchesEnumerationOn4x4(double temperature) {
        assertEquals(ExactIsing.enumerate(4, temperature, 0).energy(), ExactIsing.kaufmanEnergy(4, temperature), 1e-7);
    }

    @Test
    void kaufmanEnergyAtTcApproachesOnsagerValueAsLatticeGrows() {
        double onsager = -Math.sqrt(2);
        double previous = Double.POSITIVE_INFINITY;
        for (int size : new int[]{8, 16, 32, 64, 128, 256}) {
            double gap = Math.abs(ExactIsing.kaufmanEnergy(size, ExactIsing.TC) - onsager);
            assertTrue(gap < previous, "gap to -sqrt 2 shrinks with L");
            previous = gap;
        }
        // The finite-size correction at Tc is O(1/L): at L = 256 it is a few 1e-3.
        assertEquals(onsager, ExactIsing.kaufmanEnergy(256, ExactIsing.TC), 5e-3);
    }
}
