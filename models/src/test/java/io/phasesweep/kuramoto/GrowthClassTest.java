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
            "1.0, 0.1, 0.0,  0.335, 0.0,   kpz",
            "1.0, 0.1, 0.0,  0.292, 0.0,   crossover",
            "1.0, 0.0, 0.1,  0.500, 0.0,   crossover",
            "1.0, 0.1, 0.1,  0.520, 0.0,   crossover",
            "1.0, 0.1, 0.1,  0.740, 0.0,   ew",
            "1.0, 0.1, 0.0,  0.620, 0.0,   crossover",
            "1.0, 0.0, 0.0,  NaN,   0.0,   flat",
            "0.5, 0.1, 0.0,  0.480, 0.02,  desync"})
    void classifiesByMeasuredGrowthAmongTheClassesTheParametersAllow(double k, double d, double sigma, double beta,
                                                                      double slips, String phase) {
        Params p = Params.resolve(KuramotoChainType.INSTANCE, Map.of("N", 16, "K", k, "D", d, "sigma", sigma));
        PhaseClassifier.Phase got = new GrowthClass().classify(Map.of(
                "beta", new double[]{beta, 0.004}, "slip_rate", new double[]{slips, 0.001},
                "order_parameter", new double[]{0.5, 0.01}), p);
        assertEquals(phase, got.name());
        assertTrue(got.evidence().contains(String.format(java.util.Locale.ROOT, "beta = %.3f", beta)), got.evidence());
    }
}
