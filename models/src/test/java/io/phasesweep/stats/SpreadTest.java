package io.phasesweep.stats;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTest {

    @Test
    void standardDeviationAndErrorOfFourValuesAreExact() {
        double[] v = {1, 2, 3, 4};
        // sum of squares about 2.5 is 5: sd = sqrt(5/3), error of the mean sqrt(5/3/4)
        assertEquals(Math.sqrt(5.0 / 3), Spread.standardDeviation(v, 2.5), 0.0);
        assertEquals(Math.sqrt(5.0 / 3 / 4), Spread.standardError(v, 2.5), 0.0);
    }

    @Test
    void standardDeviationIsTheBiasCorrectedOne() {
        double[] v = {0.3, -1.7, 2.2, 5.1, 0.0, 1.25};
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        assertEquals(new StandardDeviation(true).evaluate(v), Spread.standardDeviation(v, mean), 1e-14);
    }

    @Test
    void oneValueHasNoSpread() {
        assertTrue(Double.isNaN(Spread.standardDeviation(new double[]{3}, 3)));
        assertTrue(Double.isNaN(Spread.standardError(new double[]{3}, 3)));
    }
}
