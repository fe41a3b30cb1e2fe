package io.phasesweep.kuramoto;

import io.phasesweep.model.Recorder;
import io.phasesweep.oscillator.RunSettings;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replica of a noisy / disordered L x L periodic square lattice of phase oscillators, the
 * two-dimensional {@link KuramotoChain}: site (x, y) has index y L + x, and each site owns two
 * bonds, to its right neighbour (x + 1, y) and to the one below (x, y + 1), so every one of the 2N
 * bonds (N = L^2) is visited once per drift evaluation. {@link #advance()} integrates to the next
 * measurement time, counting phase slips on every bond after every step; arrays are preallocated,
 * nothing is allocated per step. Tangents and sines use {@link StrictMath}, so every JVM and CPU gives
 * the same bits.
 *
 * <p>Branches: bond b's phase difference phi lies on the 2 pi sheet floor((phi + pi) / 2 pi); a
 * change of sheet is a phase slip. Going round a plaquette the four unwrapped differences sum to
 * zero, so the wrapped ones sum to -2 pi times the signed sum of the four sheets: that integer is
 * the plaquette's vortex charge, exact, with no rounding of angles involved.
 */
public final class KuramotoSquareLattice extends PhaseOscillators {
    static final String VORTEX_DENSITY = "vortex_density";

    private final int size;

    /**
     * @param size L, the lattice's side
     * @param a    Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b    see {@code a}
     */
    KuramotoSquareLattice(int size, double coupling, double a, double b, RunSettings settings, UniformRandomProvider rng) {
        super(size * size, 2 * size * size, coupling, a, b, settings, rng);
        this.size = size;
        resetBranches();
    }

    /**
     * The drift: out_i = omega_i + K sum over the four neighbours j of Gamma(theta_j - theta_i),
     * each bond visited once from the site that owns it. One tangent per bond instead of a sine and
     * a cosine (the transcendental calls are most of a step's cost; one is about 1.5 times cheaper
     * than two): with u = tan(phi / 2), sin(phi) = 2u / (1 + u^2) and 1 - cos(phi) = 2u^2 / (1 + u^2),
     * both to a few ulps, exactly 0 at phi = 0, and finite for every double phi (no double is within
     * 2^-62 of an odd multiple of pi, so |u| stays below 2^62 and u^2 does not overflow).
     */
    @Override
    public void derivatives(double time, double[] th, double[] out) {
        System.arraycopy(omega, 0, out, 0, n);
        double ka = coupling * a;
        double kb = coupling * b;
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                double u = StrictMath.tan(0.5 * (th[right] - th[i]));
                double w = 2 * u / (1 + u * u);
                double s = ka * w;
                double q = kb * u * w;
                // Gamma(phi) acts on i, Gamma(-phi) on its neighbour: the odd part changes sign, the even part does not.
                out[i] += s + q;
                out[right] += q - s;
                int below = i + down;
                u = StrictMath.tan(0.5 * (th[below] - th[i]));
                w = 2 * u / (1 + u * u);
                s = ka * w;
                q = kb * u * w;
                out[i] += s + q;
                out[below] += q - s;
            }
        }
    }

    @Override
    void countSlips() {
        long count = 0;
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                long k = branchOf(theta[right] - theta[i]);
                count += Math.abs(k - branch[2 * i]);
                branch[2 * i] = k;
                k = branchOf(theta[i + down] - theta[i]);
                count += Math.abs(k - branch[2 * i + 1]);
                branch[2 * i + 1] = k;
            }
        }
        run.addSlips(count);
    }

    @Override
    void recordGraphScalars(Recorder out) {
        out.record(VORTEX_DENSITY, vortexDensity());
    }

    /**
     * Vortices and antivortices per plaquette: the mean |charge| over the N plaquettes, where a
     * plaquette's charge is minus the signed sum of its bonds' sheets (right bond of (x, y), down
     * bond of (x + 1, y), minus the right bond of (x, y + 1) and the down bond of (x, y)).
     */
    double vortexDensity() {
        long total = 0;
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                long charge = branch[2 * i] + branch[2 * right + 1] - branch[2 * (i + down)] - branch[2 * i + 1];
                total += Math.abs(charge);
            }
        }
        return (double) total / n;
    }

    /** The phases themselves, for tests that shift or inspect them; do not keep the array. */
    double[] phases() {
        return theta;
    }

    /** Also after a test changed the phases in place. */
    @Override
    void resetBranches() {
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                branch[2 * i] = branchOf(theta[right] - theta[i]);
                branch[2 * i + 1] = branchOf(theta[i + down] - theta[i]);
            }
        }
        run.resetLocking();
    }
}
