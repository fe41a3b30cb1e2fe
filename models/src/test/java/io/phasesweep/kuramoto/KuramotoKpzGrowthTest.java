package io.phasesweep.kuramoto;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.phasesweep.kuramoto.KuramotoChainTest.beta;
import static io.phasesweep.kuramoto.KuramotoChainTest.meanSquaredWidth;
import static io.phasesweep.kuramoto.KuramotoChainTest.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring's KPZ growth, a class of its own: its two rings of 1024 oscillators are the longest
 * computation among the kernels' tests, and test classes run side by side.
 */
class KuramotoKpzGrowthTest {
    /**
     * A non-odd coupling adds the KPZ nonlinearity (lambda = 2 K c): on the same noise (same seeds)
     * the interface grows faster than the odd coupling's EW t^(1/4), toward KPZ's t^(1/3). The full
     * beta = 0.33 +- 0.04 needs N = 4096 and t = 2000 (KuramotoValidationTest, long tier).
     */
    @Test
    void nonOddCouplingGrowsFasterThanEdwardsWilkinson() {
        Map<String, Object> common = Map.of("N", 1024, "K", 1.0, "D", 0.05, "coupling_function", "odd_even",
                "t_max", 1000.0, "dt", 0.05, "transient", 100.0, "series_points", 30);
        Map<String, Object> kpz = new HashMap<>(common);
        kpz.put("c", 3.0);
        double ew = beta(meanSquaredWidth(params(common), 8), 30, 1000);
        double nonOdd = beta(meanSquaredWidth(params(kpz), 8), 30, 1000);
        assertEquals(0.25, ew, 0.04);
        assertTrue(nonOdd > ew + 0.04, "beta " + nonOdd + " with c = 3 vs " + ew + " with c = 0");
    }
}
