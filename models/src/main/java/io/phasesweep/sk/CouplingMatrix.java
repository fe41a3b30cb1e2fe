package io.phasesweep.sk;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The quenched couplings J_ij of one disorder sample: N x N floats, row-major, symmetric, zero
 * diagonal. Immutable once drawn; drawn once per task ({@code SherringtonKirkpatrickType.disorderSample})
 * and read by every ladder member and both real replicas: 16 temperatures at N = 4096 hold one
 * 64 MiB matrix, not 1 GiB of identical copies.
 */
final class CouplingMatrix {

    /** Couplings with variance 1/N: gaussian N(0, 1/N), or pm_j +-1/sqrt(N) with probability 1/2 each. */
    enum Distribution { GAUSSIAN, PM_J }

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
     */
    static CouplingMatrix draw(int n, Distribution distribution, UniformRandomProvider disorder) {
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
