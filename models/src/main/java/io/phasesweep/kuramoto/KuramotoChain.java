package io.phasesweep.kuramoto;

import io.phasesweep.math.Fdlibm;
import io.phasesweep.oscillator.RunSettings;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replica of a noisy / disordered phase-oscillator ring, as a {@link io.phasesweep.ode.StochasticSystem} for the
 * {@code io.phasesweep.ode} integrators. {@link #advance()} integrates to the next measurement time
 * (log-spaced times for the interface width, an even grid after the transient for the order
 * parameter and slip rate), counting phase slips after every step; arrays are preallocated,
 * nothing is allocated per step. Sines and cosines have StrictMath's bits on every JVM and CPU: the
 * step's come from {@link Fdlibm} (StrictMath's algorithm in plain Java, which the JIT inlines).
 */
public final class KuramotoChain extends PhaseOscillators {
    /**
     * Bond i joins oscillators i and i + 1 (mod N).
     *
     * @param a Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b see {@code a}
     */
    KuramotoChain(int n, double coupling, double a, double b, RunSettings settings, UniformRandomProvider rng) {
        super(n, n, coupling, a, b, settings, rng);
        resetBranches();
    }

    /** The drift: out_i = omega_i + K sum_{j = i +- 1} Gamma(theta_j - theta_i); one sine/cosine per bond. */
    @Override
    public void derivatives(double time, double[] th, double[] out) {
        System.arraycopy(omega, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double phi = th[j] - th[i];
            double s = coupling * a * Fdlibm.sin(phi);
            double q = coupling * b * (1 - Fdlibm.cos(phi));
            // Gamma(phi) acts on i, Gamma(-phi) on j: the odd part changes sign, the even part does not.
            out[i] += s + q;
            out[j] += q - s;
        }
    }

    @Override
    void countSlips() {
        long count = 0;
        for (int i = 0; i < n; i++) {
            long k = branchOf(theta[i + 1 == n ? 0 : i + 1] - theta[i]);
            count += Math.abs(k - branch[i]);
            branch[i] = k;
        }
        run.addSlips(count);
    }

    @Override
    void resetBranches() {
        for (int i = 0; i < n; i++) {
            branch[i] = branchOf(theta[(i + 1) % n] - theta[i]);
        }
        run.resetLocking();
    }
}
