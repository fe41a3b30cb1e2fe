package io.phasesweep.kuramoto;

import io.phasesweep.model.SeriesQuantity;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** beta and the slope of W^2 against ln t over the last 1.5 decades before t_max, with their errors. */
class LatticeGrowthAnalysisTest {

    static double[] logSpaced(double from, double to, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = from * Math.pow(to / from, (double) i / (n - 1));
        }
        return t;
    }

    static Map<String, double[]> analyse(double[] t, double[] w, double[] dw) {
        Map<String, double[]> out = new HashMap<>();
        for (SeriesQuantity.Value v : LatticeGrowthAnalysis.analyse(t, w, dw)) {
            out.put(v.name(), new double[]{v.value(), v.stderr()});
        }
        return out;
    }

    static double[] nan(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, Double.NaN);
        return d;
    }

    /**
     * Only the window counts: W grows as sqrt(t) up to 1000 / 10^1.5 = 31.6 and logarithmically
     * after, W^2 = 5 + 0.04 ln t; the fit returns 0.04 exactly and beta = d ln W / d ln t of the
     * logarithm, b / 2W^2 ~ 0.004, far below 1/2.
     */
    @Test
    void logarithmicGrowthInTheWindowGivesItsSlopeWhateverCameBefore() {
        double[] t = logSpaced(0.1, 1000, 41);
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = t[i] < 31 ? Math.sqrt(t[i]) : Math.sqrt(5 + 0.04 * Math.log(t[i]));
        }
        Map<String, double[]> r = analyse(t, w, nan(t.length));
        assertEquals(0.04, r.get("log_growth")[0], 1e-12);
        assertEquals(0.0, r.get("log_growth")[1], 1e-12);
        assertEquals(Math.pow(10, 1.5), r.get("beta_t_from")[0], 1e-9);
        assertEquals(1000, r.get("beta_t_to")[0]);
        assertEquals(0.004, r.get("beta")[0], 0.0005);
    }

    @Test
    void aPowerLawGivesItsExponent() {
        double[] t = logSpaced(0.5, 2000, 40);
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = 0.3 * Math.pow(t[i], 0.2415);
        }
        Map<String, double[]> r = analyse(t, w, nan(t.length));
        assertEquals(0.2415, r.get("beta")[0], 1e-12);
        assertEquals(0.0, r.get("beta")[1], 1e-12);
    }

    /**
     * Samples exactly on the line, so the residuals vanish; each W^2 has error s: the slope's
     * error is s / sqrt(S_xx), here with five samples 0.375 decades apart, S_xx = 10 (0.375 ln 10)^2.
     */
    @Test
    void theErrorComesFromTheSamplesErrorsWhenTheResidualsUnderstateIt() {
        double s = 0.01;
        double[] t = new double[5];
        double[] w = new double[5];
        double[] dw = new double[5];
        for (int i = 0; i < 5; i++) {
            t[i] = Math.pow(10, 0.375 * i);
            w[i] = Math.sqrt(1 + 0.1 * Math.log(t[i]));
            dw[i] = s / (2 * w[i]);
        }
        Map<String, double[]> r = analyse(t, w, dw);
        assertEquals(0.1, r.get("log_growth")[0], 1e-12);
        assertEquals(s / Math.sqrt(10 * Math.pow(0.375 * Math.log(10), 2)), r.get("log_growth")[1], 1e-12);
        assertTrue(r.get("beta")[1] > 0, "beta's error from dW / W too");
    }

    @Test
    void fewerThanFiveSamplesInTheWindowGiveNaN() {
        List<SeriesQuantity.Value> values = LatticeGrowthAnalysis.analyse(new double[]{1, 10, 30, 100, 300, 1000},
                new double[]{1, 1.1, 1.2, 1.3, 1.4, 1.5}, nan(6));
        assertEquals(List.of("beta", "beta_t_from", "beta_t_to", "log_growth"), values.stream().map(SeriesQuantity.Value::name).toList());
        assertTrue(values.stream().allMatch(v -> Double.isNaN(v.value())), values.toString());
    }
}
