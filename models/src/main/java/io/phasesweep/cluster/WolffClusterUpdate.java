package io.phasesweep.cluster;

import io.phasesweep.model.UniformThreshold;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Single-cluster updates on any lattice given as a neighbour table with a fixed coordination.
 * Spins are bytes: +-1 for Ising, 0..q-1 for Potts. Works in place, allocates nothing per call.
 *
 * <p>An Ising flip also reports what it changed, so a model can keep its energy and magnetisation
 * without a pass over the lattice: {@link #bondChange()} and {@link #magnetisationChange()}. The
 * bond change is summed while the cluster grows: read as single-spin flips in the order the
 * cluster's sites leave the stack, each flip changes the bond sum by -2 s_i sum_k s_k, with the
 * neighbours k as they stand at that moment (sites popped before: flipped; the rest: as before the
 * update). To read them so, a site on the stack holds a third value ({@code pending}: neither the
 * old nor the new one) and takes its new value when it is popped. The count of neighbours read
 * with the new value then comes from sums the loop keeps almost for free: the spins read (pending
 * is 0 and adds nothing) and the random draws (one for every neighbour read with the old value).
 */
public final class WolffClusterUpdate {
    /** What a site of an Ising cluster holds while on the stack: neither +1 nor -1. */
    private static final byte ISING_PENDING = 0;
    /** Likewise for Potts, whose states are 0..q-1. */
    private static final byte POTTS_PENDING = -1;

    private final byte[] spin;
    private final int[] neighbours;
    private final int coordination;
    /** The add probability as a {@link UniformThreshold}. */
    private final long addThreshold;
    private final int[] stack;
    private final UniformRandomProvider rng;
    /** Sum of the neighbour spins read while the last cluster grew (pending sites read as 0). */
    private long spinsRead;
    /** Random draws of the last cluster: one for every neighbour read holding the old value. */
    private long draws;
    private int lastSize;
    private byte lastTo;

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
        byte from = spin[seed];
        lastTo = (byte) -from;
        return grow(seed, from, lastTo, ISING_PENDING);
    }

    /**
     * Change of sum over bonds s_i s_j (each bond once) by the last {@link #flipIsing()}: every site
     * popped with {@code seen} neighbours already holding the new value changes it by
     * -2 (z - 2 seen), z the coordination. Summed over the cluster, seen = to (spins read) + draws:
     * the spins read add to for each new value and -to for each old one.
     */
    public long bondChange() {
        long seen = lastTo * spinsRead + draws;
        return 4L * seen - 2L * coordination * lastSize;
    }

    /** Change of the sum of the spins by the last {@link #flipIsing()}. */
    public long magnetisationChange() {
        return 2L * lastTo * lastSize;
    }

    /** Potts: grows a cluster from a random site and moves it to a random other state. Returns its size. */
    public int flipPotts(int states) {
        int seed = rng.nextInt(spin.length);
        byte from = spin[seed];
        // A uniformly chosen state other than the current one.
        int to = rng.nextInt(states - 1);
        return grow(seed, from, (byte) (to >= from ? to + 1 : to), POTTS_PENDING);
    }

    private int grow(int seed, byte from, byte to, byte pending) {
        // Marking a site pending on entry marks it as visited: it no longer equals 'from'.
        spin[seed] = pending;
        stack[0] = seed;
        int top = 1;
        int size = 1;
        long read = 0;
        long drawn = 0;
        while (top > 0) {
            int site = stack[--top];
            // Before its neighbours are read: a site is never its own neighbour.
            spin[site] = to;
            int base = coordination * site;
            for (int k = 0; k < coordination; k++) {
                int j = neighbours[base + k];
                byte s = spin[j];
                read += s;
                if (s == from) {
                    drawn++;
                    if (UniformThreshold.below(rng, addThreshold)) {
                        spin[j] = pending;
                        stack[top++] = j;
                        size++;
                    }
                }
            }
        }
        spinsRead = read;
        draws = drawn;
        lastSize = size;
        return size;
    }
}
