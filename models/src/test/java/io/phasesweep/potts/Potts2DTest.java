package io.phasesweep.potts;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class Potts2DTest {
    static final double K_SIGMA = 4.0;
    static final double TC3 = 1 / Math.log(1 + Math.sqrt(3));
    /** Energy per spin at T_c: -(1 + 1/sqrt q) (Baxter 1973). */
    static final double ENERGY_TC3 = -(1 + 1 / Math.sqrt(3));

    static Map<String, Estimate> run(String algorithm, int size, double t, long sweeps, long seed) {
        return ReplicaRunner.run(Potts2DType.INSTANCE, Params.resolve(Potts2DType.INSTANCE,
                Map.of("L", size, "q", 3, "T", t, "algorithm", algorithm, "sweeps", sweeps, "thermalization", 2_000L)), seed);
    }

    /** Exact averages of the 3-state model on the 3x3 torus: all 3^9 states. */
    static double[] enumerate3x3(double t) {
        int n = 9;
        int states = 19683;
        double z = 0, se = 0, sm = 0, sm2 = 0;
        int[] s = new int[n];
        for (int c = 0; c < states; c++) {
            int rest = c;
            for (int i = 0; i < n; i++) {
                s[i] = rest % 3;
                rest /= 3;
            }
            int aligned = 0;
            double mx = 0, my = 0;
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    int i = 3 * y + x;
                    aligned += (s[i] == s[3 * y + (x + 1) % 3] ? 1 : 0) + (s[i] == s[3 * ((y + 1) % 3) + x] ? 1 : 0);
                    mx += Math.cos(2 * Math.PI * s[i] / 3);
                    my += Math.sin(2 * Math.PI * s[i] / 3);
                }
            }
            double w = Math.exp(aligned / t);
            double m2 = (mx * mx + my * my) / (n * n);
            z += w;
            se += w * -aligned / (double) n;
            sm += w * Math.sqrt(m2);
            sm2 += w * m2;
        }
        return new double[]{se / z, sm / z, sm2 / z};
    }

    static void assertWithin(double exact, Estimate e, String what) {
        double z = Math.abs(e.mean() - exact) / e.stderr();
        assertTrue(e.stderr() > 0 && z < K_SIGMA, String.format("%s: %.5f +- %.5f vs %.5f", what, e.mean(), e.stderr(), exact));
    }

    @ParameterizedTest(name = "{0} at T = {1}")
    @CsvSource({"metropolis, 0.7", "metropolis, 1.0", "metropolis, 1.6", "wolff, 0.7", "wolff, 1.0", "wolff, 1.6"})
    void matchesExactEnumerationOn3x3(String algorithm, double t) {
        double[] exact = enumerate3x3(t);
        Map<String, Estimate> mc = run(algorithm, 3, t, 200_000, 4);
        assertWithin(exact[0], mc.get("energy"), "energy");
        assertWithin(exact[1], mc.get("abs_magnetization"), "|m|");
        assertWithin(exact[2], mc.get("m2"), "|m|^2");
    }

    /**
     * Finite-size form of the energy at T_c: e(L) = e_inf + a L^-(2 - 1/nu), the singular part
     * (d - 1/nu with d = 2; nu = 5/6 for q = 3). Two sizes fix a and give e_inf.
     */
    static double[] extrapolate(Estimate small, int l1, Estimate large, int l2) {
        double w1 = Math.pow(l1, -(2 - 6.0 / 5));
        double w2 = Math.pow(l2, -(2 - 6.0 / 5));
        double c = w2 / (w1 - w2);
        double e = large.mean() + c * (large.mean() - small.mean());
        return new double[]{e, Math.hypot((1 + c) * large.stderr(), c * small.stderr())};
    }

    /** Finite lattices are more ordered at T_c: their energy lies below Baxter's value and rises towards it. */
    @Test
    void energyAtTcApproachesBaxtersValue() {
        Estimate e16 = run("wolff", 16, TC3, 20_000, 1).get("energy");
        Estimate e32 = run("wolff", 32, TC3, 20_000, 2).get("energy");
        double[] e = extrapolate(e16, 16, e32, 32);
        assertTrue(Math.abs(e[0] - ENERGY_TC3) < K_SIGMA * e[1],
                "e_inf from L = 16, 32: " + e[0] + " +- " + e[1] + " vs " + ENERGY_TC3);
        assertTrue(e16.mean() < e32.mean() && e32.mean() < ENERGY_TC3, "approached from below: " + e16 + " " + e32);
    }

    @Test
    @Tag("long")
    void energyAtTcApproachesBaxtersValueOnLargerLattices() {
        Estimate e32 = run("wolff", 32, TC3, 40_000, 3).get("energy");
        Estimate e64 = run("wolff", 64, TC3, 40_000, 4).get("energy");
        double[] e = extrapolate(e32, 32, e64, 64);
        assertTrue(Math.abs(e[0] - ENERGY_TC3) < K_SIGMA * e[1], "e_inf from L = 32, 64: " + e[0] + " +- " + e[1]);
    }
}
