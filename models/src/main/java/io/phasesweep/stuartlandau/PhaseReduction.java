package io.phasesweep.stuartlandau;

import io.phasesweep.kuramoto.ContinuumCoefficients;
import io.phasesweep.model.Params;

/**
 * The ring's phases h_j = arg A_j near the synchronised state, as a KPZ interface
 * dh/dt = nu h'' + (lambda/2) h'^2 + sqrt(2 noise) xi + omega_j: nu = K (1 + c1 c2),
 * lambda = 2 K (c2 - c1), noise = D (1 + c2^2), and the frequencies omega_j unchanged. The
 * derivation is in the package documentation; the tests check each coefficient on the chain
 * itself (plane-wave frequencies, the relaxation of a phase modulation, the diffusion of
 * uncoupled phases).
 */
public final class PhaseReduction {
    private PhaseReduction() {
    }

    /** The continuum coefficients, KPZ coupling and crossover time of a point (kuramoto1d's quantities). */
    public static ContinuumCoefficients of(Params p) {
        double k = p.getDouble("K");
        double c1 = p.getDouble("c1");
        double c2 = p.getDouble("c2");
        return ContinuumCoefficients.of(k * (1 + c1 * c2), 2 * k * (c2 - c1), noise(p), p.getDouble("sigma"));
    }

    /** D (1 + c2^2): the direct phase noise D / |A|^2 = D plus the amplitude noise that c2 turns into phase. */
    public static double noise(Params p) {
        double c2 = p.getDouble("c2");
        return p.getDouble("D") * (1 + c2 * c2);
    }

    /**
     * The linearisation about the synchronised state A_j = exp(i (omega - c2) t) for a perturbation
     * (r, phi) of amplitude and phase proportional to exp(i q j), kappa = 2 - 2 cos q:
     * d/dt (r, phi) = M (r, phi) with M = [[-(2 + K kappa), K kappa c1], [-(2 c2 + K kappa c1), -K kappa]],
     * returned row by row.
     */
    static double[] linearisation(double k, double c1, double c2, double kappa) {
        double kk = k * kappa;
        return new double[]{-(2 + kk), kk * c1, -(2 * c2 + kk * c1), -kk};
    }

    /** The two eigenvalues of {@link #linearisation} as (re, im, re, im), the slow one (largest real part) first. */
    static double[] eigenvalues(double k, double c1, double c2, double kappa) {
        double[] m = linearisation(k, c1, c2, kappa);
        double half = (m[0] + m[3]) / 2;
        double det = m[0] * m[3] - m[1] * m[2];
        double disc = half * half - det;
        if (disc >= 0) {
            double root = Math.sqrt(disc);
            return new double[]{half + root, 0, half - root, 0};
        }
        double root = Math.sqrt(-disc);
        return new double[]{half, root, half, -root};
    }
}
