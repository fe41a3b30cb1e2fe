package io.phasesweep.ising;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.phasesweep.ising.Ising2DTest.K_SIGMA;
import static io.phasesweep.ising.Ising2DTest.assertWithinErrors;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ising3DTest {
    /** K_c of the simple cubic Ising model: Ferrenberg, Xu and Landau, Phys. Rev. E 97, 043301 (2018). */
    static final double KC = 0.221654626;
    /**
     * Universal Binder cumulant at criticality, periodic cube: 1 - Q^-1/3 with
     * Q = <m^2>^2/<m^4> = 0.62358(15) (M. Hasenbusch, Phys. Rev. B 82, 174433 (2010)).
     */
    static final double BINDER_STAR = 1 - 1 / (3 * 0.62358);

    static Map<String, Estimate> run(String algorithm, int size, double k, long sweeps, long seed) {
        Params p = Params.resolve(Ising3DType.INSTANCE, Map.of("L", size, "K", k, "algorithm", algorithm,
                "sweeps", sweeps, "thermalization", 1_000L));
        return ReplicaRunner.run(Ising3DType.INSTANCE, p, seed);
    }

    /** Exact averages on the 2x2x2 torus (256 states); each site's +x, +y, +z bond counted once. */
    static double[] enumerate2x2x2(double k) {
        double z = 0, se = 0, sm = 0, sm2 = 0;
        for (int c = 0; c < 256; c++) {
            int bonds = 0;
            int mag = 0;
            for (int i = 0; i < 8; i++) {
                int x = i & 1, y = (i >> 1) & 1, zz = (i >> 2) & 1;
                int s = spin(c, i);
                bonds += s * (spin(c, (x ^ 1) | (y << 1) | (zz << 2)) + spin(c, x | ((y ^ 1) << 1) | (zz << 2))
                        + spin(c, x | (y << 1) | ((zz ^ 1) << 2)));
                mag += s;
            }
            double w = Math.exp(k * bonds);
            double m = mag / 8.0;
            z += w;
            se += w * -bonds / 8.0;
            sm += w * Math.abs(m);
            sm2 += w * m * m;
        }
        return new double[]{se / z, sm / z, sm2 / z};
    }

    private static int spin(int c, int i) {
        return ((c >> i) & 1) == 1 ? 1 : -1;
    }

    @ParameterizedTest(name = "{0} at K = {1}")
    @CsvSource({"metropolis, 0.15", "metropolis, 0.3", "wolff, 0.15", "wolff, 0.3"})
    void matchesExactEnumerationOn2x2x2(String algorithm, double k) {
        double[] exact = enumerate2x2x2(k);
        Map<String, Estimate> mc = run(algorithm, 2, k, 200_000, 5);
        assertWithinErrors(exact[0], mc.get("energy"), "energy");
        assertWithinErrors(exact[1], mc.get("abs_magnetization"), "|m|");
        assertWithinErrors(exact[2], mc.get("m2"), "m^2");
    }

    @Test
    void metropolisAndWolffAgree() {
        Map<String, Estimate> a = run("metropolis", 6, 0.2, 40_000, 1);
        Map<String, Estimate> b = run("wolff", 6, 0.2, 20_000, 2);
        for (String o : new String[]{"energy", "abs_magnetization", "m4"}) {
            double z = Math.abs(a.get(o).mean() - b.get(o).mean()) / Math.hypot(a.get(o).stderr(), b.get(o).stderr());
            assertTrue(z < K_SIGMA, o + " differs by " + z + " sigma");
        }
    }

    /**
     * At K_c the Binder cumulant is close to its universal value already for L = 12; corrections
     * to scaling (omega = 0.83) leave it within 0.015 of U* there, while a 0.1% error in K_c would
     * move it by about 0.03.
     */
    @Test
    void binderCumulantAtKcIsNearItsUniversalValue() {
        Map<String, Estimate> mc = run("wolff", 12, KC, 20_000, 9);
        double m2 = mc.get("m2").mean();
        double binder = 1 - mc.get("m4").mean() / (3 * m2 * m2);
        assertTrue(Math.abs(binder - BINDER_STAR) < 0.015, "U(L=12, Kc) = " + binder + " vs U* = " + BINDER_STAR);
    }

    @Test
    @Tag("long")
    void binderCumulantAtKcIsNearItsUniversalValueOn24Lattice() {
        Map<String, Estimate> mc = run("wolff", 24, KC, 20_000, 10);
        double m2 = mc.get("m2").mean();
        double binder = 1 - mc.get("m4").mean() / (3 * m2 * m2);
        assertTrue(Math.abs(binder - BINDER_STAR) < 0.008, "U(L=24, Kc) = " + binder);
    }

    @Test
    void needsExactlyOneOfCouplingAndTemperature() {
        assertThrows(io.phasesweep.model.InvalidParameterException.class,
                () -> Params.resolve(Ising3DType.INSTANCE, Map.of("L", 4)));
        assertThrows(io.phasesweep.model.InvalidParameterException.class,
                () -> Params.resolve(Ising3DType.INSTANCE, Map.of("L", 4, "K", 0.2, "T", 5.0)));
        assertTrue(Params.resolve(Ising3DType.INSTANCE, Map.of("L", 4, "T", 4.5)).has("T"));
    }
}
