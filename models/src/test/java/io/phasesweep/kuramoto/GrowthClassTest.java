package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthClassTest {

    @ParameterizedTest(name = "K = {0}, D = {1}, sigma = {2}, beta = {3}, slips = {4} -> {5}")
    @CsvSource({
            "0.0, 0.1, 0.0,  0.499, 0.25,  random_deposition",
            "0.0, 0.0, 0.1,  1.000, 0.0,   linear_growth",
            "0.0, 0.1, 0.1,  0.790, 0.0,   crossover",
            "1.0, 0.1, 0.0,  0.254, 0.0,   ew",
            "1.0, 0.0, 0.1,  0.748, 0.0,   ew",
            "1.0, 0.1, 0.0,  0.335, 0.0,   crossover",
            "1.0, 0.1, 0.0,  0.292, 0.0,   crossover",
            "1.0, 0.0, 0.1,  0.500, 0.0,   crossover",
            "1.0, 0.1, 0.1,  0.520, 0.0,   crossover",
            "1.0, 0.1, 0.1,  0.740, 0.0,   ew",
            "1.0, 0.1, 0.0,  0.620, 0.0,   crossover",
            "1.0, 0.0, 0.0,  NaN,   0.0,   flat",
            "0.5, 0.1, 0.0,  0.480, 0.02,  desync"})
    void classifiesByMeasuredGrowthAmongTheClassesTheParametersAllow(double k, double d, double sigma, double beta,
                                                                      double slips, String phase) {
        // Odd coupling (alpha = 0): under noise alone no KPZ term, so beta = 1/3 is no class of its own.
        Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", 16, "K", k, "D", d, "sigma", sigma));
        PhaseClassifier.Phase got = new GrowthClass().classify(values(beta, slips, 10, 300), p);
        assertEquals(phase, got.name());
        assertTrue(got.evidence().contains(String.format(java.util.Locale.ROOT, "beta = %.3f", beta)), got.evidence());
    }

    /**
     * A non-odd ring under noise: K = 1, D = 0.1, alpha = 0.44 has t_cross = 115, alpha = 0.7 has 9.5.
     * The fit window in units of t_cross says which class the slope may show.
     */
    @ParameterizedTest(name = "alpha = {0}, window {1}..{2}, beta = {3} -> {4}")
    @CsvSource({
            "0.7,  200, 4000, 0.335, kpz",
            "0.7,  200, 4000, 0.250, crossover",
            "0.44, 100, 4000, 0.300, crossover",
            "0.44, 100, 4000, 0.335, crossover",
            "0.44, 0.4, 11,   0.254, ew",
            "0.44, 0.4, 11,   0.335, crossover",
            "2.0,  100, 4000, 0.335, kpz"})
    void aNonOddRingIsKpzOnlyWellPastTheCrossoverTimeAndEwOnlyWellBefore(double alpha, double from, double to, double beta,
                                                                         String phase) {
        Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", 16, "K", 1.0, "D", 0.1, "alpha", alpha));
        PhaseClassifier.Phase got = new GrowthClass().classify(values(beta, 0, from, to), p);
        assertEquals(phase, got.name(), got.evidence());
        if (alpha < 1.5) {
            assertTrue(got.evidence().contains("t / t_cross"), got.evidence());
        }
    }

    private static Map<String, double[]> values(double beta, double slips, double from, double to) {
        return Map.of("beta", new double[]{beta, 0.004}, "slip_rate", new double[]{slips, 0.001},
                "order_parameter", new double[]{0.5, 0.01}, "beta_t_from", new double[]{from, Double.NaN},
                "beta_t_to", new double[]{to, Double.NaN});
    }
}
