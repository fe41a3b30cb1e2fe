package io.phasesweep.cluster;

import io.phasesweep.model.UniformThreshold;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Single-cluster updates on any lattice given as a neighbour table with a fixed coordination.
 * Spins are bytes: +-1 for Ising, 0..q-1 for Potts. Works in place, allocates nothing per call.
 */
public final class WolffClusterUpdate {
    private final byte[] spin;
    private final int[] neighbours;
    private final int coordination;
    /** The add probability as a {@link UniformThreshold}. */
    private final long addThreshold;
    private final int[] stack;
    private final UniformRandomProvider rng;

    /**
     * @param addProbability probability of adding an aligned neighbour to the cluster
     */
    public WolffClusterUpdate(byte[] spin, int[] neighbours, int coordination, double addProbability,
                              UniformRandomProvider rng) {
        this.spin = spin;
        this.neighbours = neighbours;
        this.coordination = coordination;
        this.addThreshold = UniformThreshold.of(addProbability);
        this.stack = new int[spin.length];
        this.rng = rng;
    }

    /** Ising: grows a cluster from a random site and flips it (s -> -s). Returns its size. */
    public int flipIsing() {
        int seed = rng.nextInt(spin.length);
        return grow(seed, spin[seed], (byte) -spin[seed]);
    }

    /** Potts: grows a cluster from a random site and moves it to a random other state. Returns its size. */
    public int flipPotts(int states) {
        int seed = rng.nextInt(spin.length);
        byte from = spin[seed];
        // A uniformly chosen state other than the current one.
        int to = rng.nextInt(states - 1);
        return grow(seed, from, (byte) (to >= from ? to + 1 : to));
    }

    private int grow(int seed, byte from, byte to) {
        // Writing the new value on entry marks a site as visited: it no longer equals 'from'.
        spin[seed] = to;
        stack[0] = seed;
        int top = 1;
        int size = 1;
        while (top > 0) {
            int base = coordination * stack[--top];
            for (int k = 0; k < coordination; k++) {
                int j = neighbours[base + k];
                if (spin[j] == from && UniformThreshold.below(rng, addThreshold)) {
                    spin[j] = to;
                    stack[top++] = j;
                    size++;
                }
            }
        }
        return size;
    }
}
