package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continuum coefficients from the small-gradient expansion of the coupling, and what follows from them. */
class ContinuumCoefficientsTest {
    private static Params params(Map<String, Object> given) {
        return Params.resolve(new KuramotoChainType(), given);
    }

    @Test
    void sakaguchiCouplingGivesNuKCosAlphaAndLambdaTwoKSinAlpha() {
        ContinuumCoefficients c = ContinuumCoefficients.of(params(Map.of("N", 64, "K", 2.0, "alpha", 0.5, "D", 0.1)));
        assertEquals(2 * Math.cos(0.5), c.nu(), 1e-15);
        assertEquals(4 * Math.sin(0.5), c.lambda(), 1e-15);
        assertEquals(c.lambda() * c.lambda() * 0.1 / Math.pow(c.nu(), 3), c.coupling(), 1e-12);
        assertEquals(Math.pow(c.nu(), 5) / (0.01 * Math.pow(c.lambda(), 4)), c.crossoverTime(), 1e-9);
    }

    @Test
    void oddEvenCouplingHasTheSameFormWithTheEvenPart() {
        ContinuumCoefficients c = ContinuumCoefficients.of(params(Map.of("N", 64, "K", 1.5,
                "coupling_function", "odd_even", "c", 0.3, "D", 0.2)));
        assertEquals(1.5, c.nu(), 0);
        assertEquals(0.9, c.lambda(), 1e-15);
    }

    /** The expansion itself: K [Gamma(h+ - h) + Gamma(h- - h)] against nu h'' + lambda/2 h'^2 on a smooth profile. */
    @Test
    void theExpansionMatchesTheLatticeCouplingToSecondOrderInTheGradient() {
        double k = 1.3;
        double alpha = 0.7;
        ContinuumCoefficients c = ContinuumCoefficients.of(k * Math.cos(alpha), 2 * k * Math.sin(alpha), 0.1, 0);
        for (double eps : new double[]{1e-2, 5e-3}) {
            // h(x) = eps x + eps^2 x^2 / 2 around x = 0: h' = eps, h'' = eps^2, so both continuum
            // terms are of order eps^2 and everything dropped is of order eps^4.
            double hPlus = eps + eps * eps / 2;
            double hMinus = -eps + eps * eps / 2;
            double lattice = k * (gamma(hPlus, alpha) + gamma(hMinus, alpha));
            double continuum = c.nu() * eps * eps + c.lambda() / 2 * eps * eps;
            assertEquals(continuum, lattice, Math.pow(eps, 4) * k, "eps = " + eps);
            assertTrue(Math.abs(lattice - c.nu() * eps * eps) > 100 * Math.pow(eps, 4) * k, "the KPZ term matters");
        }
    }

    private static double gamma(double phi, double alpha) {
        return Math.sin(phi - alpha) + Math.sin(alpha);
    }

    @Test
    void noCrossoverWithoutNonOddityAndNoContinuumBeyondHalfPi() {
        ContinuumCoefficients odd = ContinuumCoefficients.of(params(Map.of("N", 64, "K", 1.0, "D", 0.1)));
        assertEquals(0, odd.lambda(), 0);
        assertEquals(0, odd.coupling(), 0);
        assertTrue(Double.isNaN(odd.crossoverTime()));
        ContinuumCoefficients unstable = ContinuumCoefficients.of(params(Map.of("N", 64, "K", 1.0, "alpha", 2.0, "D", 0.1)));
        assertTrue(Double.isNaN(unstable.coupling()) && Double.isNaN(unstable.crossoverTime()));
        ContinuumCoefficients columnar = ContinuumCoefficients.of(params(Map.of("N", 64, "K", 1.0, "alpha", 0.5, "sigma", 0.2)));
        assertTrue(Double.isNaN(columnar.coupling()));
        assertEquals(Math.pow(Math.cos(0.5), 5.0 / 3) / Math.pow(0.2 * 2 * Math.sin(0.5), 4.0 / 3),
                columnar.crossoverTime(), 1e-12);
    }
}
