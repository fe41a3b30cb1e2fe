package io.phasesweep.model;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * "With probability p" as an integer comparison: a uniform double is k 2^-53 with k the top 53 bits
 * of a random long, and k 2^-53 < p exactly when k < ceil(p 2^53). Kernels precompute the threshold
 * and compare integers: the same random numbers and the same decisions as {@code nextDouble() < p},
 * without the conversion to double.
 */
public final class UniformThreshold {
    /** The threshold of p >= 1: every k is below it. */
    public static final long CERTAIN = 1L << 53;

    private UniformThreshold() {
    }

    /** ceil(p 2^53) for p in [0, 1); {@link #CERTAIN} for p >= 1. */
    public static long of(double p) {
        return p >= 1.0 ? CERTAIN : (long) Math.ceil(p * 0x1p53);
    }

    /** Draws one random long: true with the probability the threshold stands for. */
    public static boolean below(UniformRandomProvider rng, long threshold) {
        return rng.nextLong() >>> 11 < threshold;
    }
}
