package io.phasesweep.cluster;

import io.phasesweep.model.OpenXoShiRo256PlusPlus;
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
 *
 * <p>An Ising cluster on a lattice of coordination 4 whose four neighbours of every site are distinct
 * (the square lattice from L = 3), with the project's generator ({@link OpenXoShiRo256PlusPlus}),
 * grows in a loop of its own ({@link #growIsingSquare}): the same sites in the same order, the same
 * draws and decisions, so the same bits; only faster (see there).
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
    /** The generator when its state can be kept in registers for a cluster's draws, else null. */
    private final OpenXoShiRo256PlusPlus openRng;
    /** Whether Ising clusters grow in {@link #growIsingSquare}. */
    private final boolean squareIsing;
    /**
     * Neighbours read holding the new value while the last Ising cluster grew, summed over its sites:
     * to (sum of the spins read, pending ones as 0) + (draws, one for every neighbour read holding the
     * old value).
     */
    private long seen;
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
        this.openRng = rng instanceof OpenXoShiRo256PlusPlus ? (OpenXoShiRo256PlusPlus) rng : null;
        this.squareIsing = openRng != null && coordination == 4 && neighbours.length == 4 * spin.length
                // The pushes are counted in the high half of a long, beside seen (|seen| <= 4 N).
                && spin.length < 1 << 28 && distinctNeighbours(neighbours, spin.length);
    }

    /** Whether every site's four neighbours are four different sites, none of them the site itself. */
    private static boolean distinctNeighbours(int[] neighbours, int sites) {
        for (int i = 0; i < sites; i++) {
            for (int a = 0; a < 4; a++) {
                int j = neighbours[4 * i + a];
                if (j == i || j < 0 || j >= sites) {
                    return false;
                }
                for (int b = 0; b < a; b++) {
                    if (neighbours[4 * i + b] == j) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Ising: grows a cluster from a random site and flips it (s -> -s). Returns its size. */
    public int flipIsing() {
        int seed = rng.nextInt(spin.length);
        byte from = spin[seed];
        lastTo = (byte) -from;
        return squareIsing ? growIsingSquare(seed, from) : grow(seed, from, lastTo, ISING_PENDING);
    }

    /**
     * Change of sum over bonds s_i s_j (each bond once) by the last {@link #flipIsing()}: every site
     * popped with {@code seen} neighbours already holding the new value changes it by
     * -2 (z - 2 seen), z the coordination. Summed over the cluster, seen = to (spins read) + draws:
     * the spins read add to for each new value and -to for each old one.
     */
    public long bondChange() {
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
        // Meaningful for an Ising cluster only, as bondChange is.
        seen = to * read + drawn;
        lastSize = size;
        return size;
    }

    /** A push in {@link #growIsingSquare}'s sum: pushes in its high half, {@link #seen} in its low. */
    private static final long PUSH = 1L << 32;

    /**
     * {@link #grow} for an Ising cluster with four distinct neighbours per site and the generator in
     * locals: the sites leave the stack in the same order, the neighbours are read in the same order
     * and the draws are xoshiro256++'s (as {@link OpenXoShiRo256PlusPlus#nextLong()}), so the cluster,
     * the generator's state after it and the bond change are those of {@link #grow}. What differs is
     * what the JIT makes of it (each step measured by bench's WolffBenchmark): the state in registers
     * rather than loaded and stored in the provider's fields on every draw; the four neighbours read
     * first, together (two range checks on the table instead of four, and the four spin loads in
     * flight at once), which reads the same values because the four are distinct and only a neighbour
     * itself changes while they are visited; {@link #seen} and the count of pushes (the size) summed
     * in one long, one register fewer.
     */
    private int growIsingSquare(int seed, byte from) {
        final byte[] spin = this.spin;
        final int[] neighbours = this.neighbours;
        final int[] stack = this.stack;
        final long add = this.addThreshold;
        final int to = -from;
        long s0 = openRng.state0();
        long s1 = openRng.state1();
        long s2 = openRng.state2();
        long s3 = openRng.state3();
        spin[seed] = ISING_PENDING;
        stack[0] = seed;
        int top = 1;
        long sum = 0;
        while (top > 0) {
            int site = stack[--top];
            spin[site] = (byte) to;
            int base = 4 * site;
            // The highest index first: its range check covers the three others.
            int j3 = neighbours[base + 3];
            int j0 = neighbours[base];
            int j1 = neighbours[base + 1];
            int j2 = neighbours[base + 2];
            byte a0 = spin[j0];
            byte a1 = spin[j1];
            byte a2 = spin[j2];
            byte a3 = spin[j3];
            sum += to * (a0 + a1 + a2 + a3);
            // The visit is written out per neighbour, draw included: a method could not update the
            // four state locals, and the provider's fields on every draw cost what this saves.
            if (a0 == from) {
                sum++;
                long r = Long.rotateLeft(s0 + s3, 23) + s0;
                long t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = Long.rotateLeft(s3, 45);
                if (r >>> 11 < add) {
                    spin[j0] = ISING_PENDING;
                    stack[top++] = j0;
                    sum += PUSH;
                }
            }
            if (a1 == from) {
                sum++;
                long r = Long.rotateLeft(s0 + s3, 23) + s0;
                long t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = Long.rotateLeft(s3, 45);
                if (r >>> 11 < add) {
                    spin[j1] = ISING_PENDING;
                    stack[top++] = j1;
                    sum += PUSH;
                }
            }
            if (a2 == from) {
                sum++;
                long r = Long.rotateLeft(s0 + s3, 23) + s0;
                long t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = Long.rotateLeft(s3, 45);
                if (r >>> 11 < add) {
                    spin[j2] = ISING_PENDING;
                    stack[top++] = j2;
                    sum += PUSH;
                }
            }
            if (a3 == from) {
                sum++;
                long r = Long.rotateLeft(s0 + s3, 23) + s0;
                long t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = Long.rotateLeft(s3, 45);
                if (r >>> 11 < add) {
                    spin[j3] = ISING_PENDING;
                    stack[top++] = j3;
                    sum += PUSH;
                }
            }
        }
        openRng.setState(s0, s1, s2, s3);
        // |seen| <= 4 size < 2^31: the low half, read as signed, is seen.
        long pushes = (sum + (1L << 31)) >> 32;
        seen = sum - (pushes << 32);
        lastSize = (int) pushes + 1;
        return lastSize;
    }
}
