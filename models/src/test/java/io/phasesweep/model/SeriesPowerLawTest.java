package io.phasesweep.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A declared power-law fit names values its analysis computes, and they describe the fit it made. */
class SeriesPowerLawTest {
    /** Slope of the synthetic series below, W = t^(1/4). */
    private static final double SLOPE = 0.25;

    @Test
    void declaredPowerLawNamesValuesOfTheAnalysisAndRecoversTheSlope() {
        int declared = 0;
        for (ModelType type : ModelRegistry.all()) {
            for (SeriesQuantity q : type.seriesQuantities()) {
                if (q.powerLaw().isEmpty()) {
                    continue;
                }
                declared++;
                SeriesQuantity.PowerLaw law = q.powerLaw().get();
                int n = 60;
                double[] t = new double[n];
                double[] w = new double[n];
                double[] err = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = Math.pow(10, -1 + 4.0 * i / (n - 1));
                    w[i] = Math.pow(t[i], SLOPE);
                    err[i] = 0.01 * w[i];
                }
                List<SeriesQuantity.Value> values = q.analysis().analyse(t, w, err, Params.resolve(type, type.example()));
                Map<String, Double> byName = values.stream()
                        .collect(Collectors.toMap(SeriesQuantity.Value::name, SeriesQuantity.Value::value));
                String where = type.name() + "." + q.series();
                assertTrue(byName.keySet().containsAll(List.of(law.exponent(), law.from(), law.to())), where + ": " + byName.keySet());
                assertEquals(SLOPE, byName.get(law.exponent()), 1e-9, where);
                assertTrue(byName.get(law.from()) < byName.get(law.to()) && byName.get(law.from()) >= t[0]
                        && byName.get(law.to()) <= t[n - 1], where + ": window " + byName);
            }
        }
        assertTrue(declared > 0, "kuramoto1d declares its W(t) growth law");
    }
}
