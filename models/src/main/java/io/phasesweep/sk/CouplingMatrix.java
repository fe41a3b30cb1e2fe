package io.phasesweep.sk;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The quenched couplings J_ij of one disorder sample: N x N floats, row-major, symmetric, zero
 * diagonal. Immutable once drawn; read by every ladder member and both real replicas of a task.
 *
 * <p><b>Sharing.</b> Parallel tempering builds one model per ladder member, each from a fresh
 * generator of the task's disorder seed ({@code ParallelTempering.create}), so every member would
 * draw (and hold) the same matrix again: 16 temperatures at N = 4096 would be 1 GiB of identical
 * floats. {@link #of} therefore keeps the matrices it has drawn, keyed by N, the distribution and
 * the disorder generator's state before the first draw, and hands the same instance to every
 * member with that key. Equal keys give equal matrices by construction (the draws are a function
 * of the state), so a hit changes no bit, only memory; the map holds weak references, so a matrix
 * lives exactly as long as a model that uses it. Thread-safe (synchronized; the arrays are never
 * written after construction).
 */
final class CouplingMatrix {

    /** Couplings with variance 1/N: gaussian N(0, 1/N), or pm_j +-1/sqrt(N) with probability 1/2 each. */
    enum Distribution { GAUSSIAN, PM_J }

    private record Key(int n, Distribution distribution, ByteArray disorderState) {
    }

    /** A byte[] with value equality, for the map key. */
    private record ByteArray(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteArray b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static final Map<Key, WeakReference<CouplingMatrix>> DRAWN = new HashMap<>();

    final int n;
    /** J[i * n + j]; J[i * n + i] = 0. */
    final float[] j;

    private CouplingMatrix(int n, float[] j) {
        this.n = n;
        this.j = j;
    }

    /**
     * The couplings drawn from {@code disorder}: for i &lt; j in row-major order one draw each
     * (a standard normal scaled by 1/sqrt(N), or a fair bit for +-1/sqrt(N)), mirrored to J_ji.
     * The same instance for every call with the same N, distribution and generator state; a
     * generator whose state cannot be read is drawn from every time.
     */
    static CouplingMatrix of(int n, Distribution distribution, UniformRandomProvider disorder) {
        if (!(disorder instanceof RestorableUniformRandomProvider restorable)
                || !(restorable.saveState() instanceof RandomProviderDefaultState state)) {
            return draw(n, distribution, disorder);
        }
        Key key = new Key(n, distribution, new ByteArray(state.getState()));
        synchronized (DRAWN) {
            WeakReference<CouplingMatrix> ref = DRAWN.get(key);
            CouplingMatrix kept = ref == null ? null : ref.get();
            if (kept != null) {
                // The generator is left undrawn: the model draws nothing else from the disorder stream.
                return kept;
            }
            CouplingMatrix drawn = draw(n, distribution, disorder);
            for (Iterator<WeakReference<CouplingMatrix>> it = DRAWN.values().iterator(); it.hasNext(); ) {
                if (it.next().get() == null) {
                    it.remove();
                }
            }
            DRAWN.put(key, new WeakReference<>(drawn));
            return drawn;
        }
    }

    private static CouplingMatrix draw(int n, Distribution distribution, UniformRandomProvider disorder) {
        float[] j = new float[n * n];
        double scale = 1.0 / Math.sqrt(n);
        ZigguratSampler.NormalizedGaussian gauss = distribution == Distribution.GAUSSIAN
                ? ZigguratSampler.NormalizedGaussian.of(disorder) : null;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double v = gauss != null ? gauss.sample() * scale : (disorder.nextBoolean() ? scale : -scale);
                j[a * n + b] = (float) v;
                j[b * n + a] = (float) v;
            }
        }
        return new CouplingMatrix(n, j);
    }

    float get(int a, int b) {
        return j[a * n + b];
    }
}
