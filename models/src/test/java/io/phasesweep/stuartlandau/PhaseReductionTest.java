package io.phasesweep.stuartlandau;

import io.phasesweep.kuramoto.ContinuumCoefficients;
import io.phasesweep.model.Params;
import io.phasesweep.model.TestParams;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phase reduction's coefficients against the chain itself: lambda from the frequencies of its
 * plane waves (exact solutions of the lattice), nu from the relaxation of a small phase modulation,
 * both on the deterministic ring integrated by RK4. The noise strength is checked on uncoupled
 * phases in {@link StuartLandauChainTest}.
 */
class PhaseReductionTest {
    static final StuartLandauChainType TYPE = StuartLandauChainType.INSTANCE;

    static Params params(double c1, double c2, int n) {
        return TestParams.of(TYPE, "N", n, "K", 1.0, "c1", c1, "c2", c2, "dt", 0.01, "t_max", 100.0);
    }

    /**
     * A twisted state A_j = R exp(i (q j + Omega t)), q = 2 pi m / N, solves the ring exactly with
     * R^2 = 1 - K kappa and Omega = -c2 + K (c2 - c1) kappa, kappa = 2 - 2 cos q: the phase equation's
     * (lambda/2) h'^2 with lambda = lambda_eff = 2 K (c2 - c1) (its sign included), on the lattice. Started
     * at R = 1, the amplitude relaxes to R within t = 20; then each phase turns at Omega, to RK4's error
     * (1e-9 in the frequency, 1e-8 in R at this step).
     */
    @Test
    void planeWavesTurnAtTheFrequencyThatLambdaPredicts() {
        int n = 64;
        for (double[] c : new double[][]{{0, 2}, {2, 0}, {-1, 0.5}, {1.5, 1.5}}) {
            for (int m : new int[]{1, 3}) {
                Params p = params(c[0], c[1], n);
                StuartLandauChain chain = StuartLandauChainTest.chain(p, 1);
                double q = 2 * Math.PI * m / n;
                double[] phi = new double[n];
                for (int j = 0; j < n; j++) {
                    phi[j] = q * j;
                }
                chain.setPhases(phi);
                chain.steps(2000);
                double[] before = StuartLandauChainTest.phases(chain, n);
                chain.steps(2000);
                double[] after = StuartLandauChainTest.phases(chain, n);
                double kappa = 2 - 2 * Math.cos(q);
                double lambda = PhaseReduction.of(p).lambda();
                assertEquals(2 * (c[1] - c[0]), lambda, 1e-15);
                double omega = -c[1] + lambda / 2 * kappa;
                String where = "c1 = " + c[0] + ", c2 = " + c[1] + ", m = " + m;
                for (int j = 0; j < n; j++) {
                    assertEquals(omega, (after[j] - before[j]) / 20, 1e-8, where);
                }
                double[] amplitude = new double[n];
                chain.amplitudes(amplitude);
                assertEquals(Math.sqrt(1 - kappa), amplitude[0], 1e-7, where);
                assertTrue(Math.abs(lambda / 2 * kappa) > 1e-3 || c[0] == c[1], "the KPZ term is resolved");
            }
        }
    }

    /**
     * A small modulation phi_j = eps cos(q j) on the limit cycle excites both modes of the
     * linearisation; after the amplitude mode has decayed (rate ~ 2) the width decays at the slow
     * eigenvalue, exactly (to order eps^2), and that is -nu kappa (1 + O(kappa)) with
     * nu = nu_eff = K (1 + c1 c2): the phase diffusion. On N = 64, kappa = 0.0096 and the
     * correction is below 3 %.
     */
    @Test
    void aPhaseModulationRelaxesAtNuTimesTheLatticeLaplacian() {
        int n = 64;
        double q = 2 * Math.PI / n;
        double kappa = 2 - 2 * Math.cos(q);
        for (double[] c : new double[][]{{0, 0}, {1, 2}, {2, 0}, {-0.5, 1.5}, {1.5, 1.5}}) {
            Params p = params(c[0], c[1], n);
            StuartLandauChain chain = StuartLandauChainTest.chain(p, 1);
            double[] phi = new double[n];
            for (int j = 0; j < n; j++) {
                phi[j] = 1e-4 * Math.cos(q * j);
            }
            chain.setPhases(phi);
            chain.steps(1000);
            SimpleRegression fit = new SimpleRegression();
            for (int k = 0; k < 20; k++) {
                fit.addData(chain.time(), Math.log(chain.width()));
                chain.steps(300);
            }
            double rate = fit.getSlope();
            double slow = PhaseReduction.eigenvalues(1.0, c[0], c[1], kappa)[0];
            ContinuumCoefficients cc = PhaseReduction.of(p);
            assertEquals(1 + c[0] * c[1], cc.nu(), 1e-15);
            String where = "c1 = " + c[0] + ", c2 = " + c[1] + ": rate " + rate + ", -nu kappa " + (-cc.nu() * kappa);
            assertEquals(slow, rate, 1e-4 * Math.abs(slow), where);
            assertEquals(-cc.nu() * kappa, rate, 0.03 * cc.nu() * kappa, where);
            assertTrue(fit.getRSquare() > 0.999999, where + ": a single exponential");
        }
    }

    /**
     * g and t_cross from kuramoto1d's formulas with the reduced coefficients and noise: c1 = c2 has
     * no KPZ term; the Benjamin-Feir unstable ring (1 + c1 c2 < 0) has no continuum limit.
     */
    @Test
    void theKpzCouplingUsesTheReducedNoise() {
        Params p = TestParams.of(TYPE, "N", 64, "K", 2.0, "c1", 0.5, "c2", 2.0, "D", 0.01);
        ContinuumCoefficients c = PhaseReduction.of(p);
        double nu = 2 * (1 + 1.0);
        double lambda = 2 * 2 * 1.5;
        double noise = 0.01 * 5;
        assertEquals(nu, c.nu(), 1e-15);
        assertEquals(lambda, c.lambda(), 1e-15);
        assertEquals(lambda * lambda * noise / (nu * nu * nu), c.coupling(), 1e-15);
        assertEquals(Math.pow(nu, 5) / (noise * noise * Math.pow(lambda, 4)), c.crossoverTime(), 1e-9);
        ContinuumCoefficients ew = PhaseReduction.of(TestParams.of(TYPE, "N", 64, "c1", 1.0, "c2", 1.0, "D", 0.01));
        assertEquals(0, ew.coupling(), 0);
        assertTrue(Double.isNaN(ew.crossoverTime()));
        ContinuumCoefficients turbulent = PhaseReduction.of(TestParams.of(TYPE, "N", 64, "c1", 2.0, "c2", -1.0, "D", 0.01));
        assertTrue(turbulent.nu() < 0 && Double.isNaN(turbulent.coupling()) && Double.isNaN(turbulent.crossoverTime()));
    }
}
