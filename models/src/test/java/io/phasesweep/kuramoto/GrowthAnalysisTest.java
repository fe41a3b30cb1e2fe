package io.phasesweep.kuramoto;

import io.phasesweep.model.SeriesQuantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthAnalysisTest {

    static double[] logTimes(double from, double to, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = from * Math.pow(to / from, (double) i / (n - 1));
        }
        return t;
    }

    static Map<String, Double> values(List<SeriesQuantity.Value> vs) {
        return vs.stream().collect(Collectors.toMap(SeriesQuantity.Value::name, SeriesQuantity.Value::value));
    }

    @Test
    void powerLawGrowthGivesItsExponentAndNoSaturation() {
        double[] t = logTimes(1, 1000, 40);
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = 0.7 * Math.pow(t[i], 1.0 / 3);
        }
        Map<String, Double> v = values(GrowthAnalysis.analyse(t, w, new double[t.length]));
        assertEquals(1.0 / 3, v.get("beta"), 1e-9);
        assertTrue(Double.isNaN(v.get("w_sat")) && Double.isNaN(v.get("t_sat")));
        assertEquals(1000, v.get("beta_t_to"), 1e-9);
        assertTrue(v.get("beta_t_from") >= 1000 / Math.pow(10, 1.5) - 1e-9);
    }

    /** Family-Vicsek: W = W_s u^beta / (1 + u^(4 beta))^(1/4), u = t / t_x; growth before, plateau after t_x. */
    @Test
    void saturatingInterfaceGivesExponentPlateauAndCrossoverTime() {
        double beta = 0.25;
        double wSat = 2.0;
        double tx = 100;
        double[] t = logTimes(0.01, 1e5, 60);
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double u = t[i] / tx;
            w[i] = wSat * Math.pow(u, beta) / Math.pow(1 + Math.pow(u, 4 * beta), 0.25);
        }
        double[] dw = new double[t.length];
        java.util.Arrays.setAll(dw, i -> 0.01 * w[i]);
        List<SeriesQuantity.Value> result = GrowthAnalysis.analyse(t, w, dw);
        Map<String, Double> v = values(result);
        assertEquals(beta, v.get("beta"), 0.01);
        assertEquals(wSat, v.get("w_sat"), 0.01 * wSat);
        double wSatErr = result.stream().filter(q -> q.name().equals("w_sat")).findFirst().orElseThrow().stderr();
        assertEquals(0.01 * v.get("w_sat"), wSatErr, 1e-12, "w_sat's error: the tail's mean error");
        assertEquals(tx, v.get("t_sat"), 0.3 * tx);
        assertTrue(v.get("beta_t_to") < tx, "the fit stops before saturation: " + v);
    }

    /** A plateau whose noise exceeds the flatness threshold still counts as saturated; steady growth with small errors does not. */
    @Test
    void saturationAllowsForTheErrorsOfTheWidth() {
        double[] t = logTimes(1, 1e4, 40);
        double[] plateau = new double[t.length];
        double[] growth = new double[t.length];
        double[] dw = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double u = t[i] / 50;
            plateau[i] = Math.pow(u, 0.25) / Math.pow(1 + u, 0.25) * (i >= t.length - 2 ? 1.08 : 1.0);
            growth[i] = Math.pow(t[i], 0.25);
            dw[i] = 0.06 * plateau[i];
        }
        assertTrue(Double.isFinite(values(GrowthAnalysis.analyse(t, plateau, dw)).get("w_sat")),
                "an 8% upward fluctuation at 6% errors is still a plateau");
        assertTrue(Double.isNaN(values(GrowthAnalysis.analyse(t, plateau, new double[t.length])).get("w_sat")),
                "the same without errors rises too steeply");
        double[] small = new double[t.length];
        java.util.Arrays.setAll(small, i -> 0.01 * growth[i]);
        assertTrue(Double.isNaN(values(GrowthAnalysis.analyse(t, growth, small)).get("w_sat")), "beta = 1/4 growth is not flat");
    }

    /** A width flat from the first sample has a plateau but no growth law to date it: both are NaN, never one. */
    @Test
    void saturationWidthAndTimeAreNaNTogether() {
        double[] t = logTimes(1, 1e4, 40);
        double[] w = new double[t.length];
        double[] dw = new double[t.length];
        java.util.Arrays.fill(w, 1.0);
        java.util.Arrays.fill(dw, 0.01);
        java.util.Map<String, Double> v = values(GrowthAnalysis.analyse(t, w, dw));
        assertTrue(Double.isNaN(v.get("t_sat")), "no growth law below the plateau: " + v);
        assertTrue(Double.isNaN(v.get("w_sat")), "so no saturation width either: " + v);
    }
}
