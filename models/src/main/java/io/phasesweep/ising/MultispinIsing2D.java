package io.phasesweep.ising;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.order.OrderParameter;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Multispin-coded checkerboard Metropolis for the 2D Ising model (J > 0, h = 0): one bit per spin,
 * up to 64 spins per {@code long}, all updated by bitwise logic at once.
 *
 * <p>Layout: the L rows are cut into S horizontal strips of H = L / S rows; bit b of word (y, x)
 * is the spin at row b H + y, column x. Left, right and (inside a strip) vertical neighbours are
 * the same bit of the neighbouring word; across a strip boundary the vertical neighbour is the
 * adjacent bit, one rotation away. With H even, a word's spins all share a checkerboard colour,
 * so a half sweep updates whole words. With H = 1 (S = L <= 64) the rows are skewed: bit b of
 * word x is the spin at row b, column x + b, so word x has colour x mod 2 throughout, and the
 * vertical neighbours are the adjacent bits of words x + 1 (above) and x - 1 (below). Other odd
 * H alternate colours bit by bit, and each half sweep updates every word under a mask. S is
 * chosen to update the most spins per word.
 *
 * <p>Acceptance: with a antiparallel neighbours a flip costs dE = 4J (2 - a). Flips with a >= 2
 * always happen; a = 1 is accepted with probability exp(-4J/T) and a = 0 with exp(-8J/T). The
 * comparison is exact (to 2^-63) and bit-sliced: each spin compares its own uniform number, drawn
 * one bit at a time from fresh random words, with the binary expansion of its threshold, and
 * stops drawing once the comparison is decided: about log2(n) + 1.3 words for n uphill spins.
 * Every spin uses its own bit of each random word, so no two spins share a random number.
 */
public final class MultispinIsing2D implements Model {
    private static final long EVEN_BITS = 0x5555555555555555L;
    private static final long ODD_BITS = 0xAAAAAAAAAAAAAAAAL;

    private final int size;
    private final int strips;
    private final int height;
    private final long stripMask;
    private final double coupling;
    private final UniformRandomProvider rng;
    /** Word (y, x) at y * size + x. */
    private final long[] words;
    /** exp(-4J/T), the acceptance with one antiparallel neighbour, as a 64-bit binary fraction. */
    private final long oneBits;
    /** exp(-8J/T), with none, likewise. */
    private final long noneBits;
    private final boolean evenHeight;
    /** H = 1: skewed rows (see the class comment). */
    private final boolean skewed;

    /** @param strips S, the number of spins per word: a divisor of size, at most 64 */
    MultispinIsing2D(int size, int strips, double temperature, double coupling, boolean orderedStart,
                     UniformRandomProvider rng) {
        if (strips < 1 || strips > Long.SIZE || size % strips != 0) {
            throw new IllegalArgumentException("strips must divide L = " + size + " and be in 1..64: " + strips);
        }
        this.size = size;
        this.strips = strips;
        this.height = size / strips;
        this.stripMask = strips == Long.SIZE ? -1L : (1L << strips) - 1;
        this.coupling = coupling;
        this.rng = rng;
        this.words = new long[height * size];
        for (int i = 0; i < words.length; i++) {
            words[i] = orderedStart ? stripMask : rng.nextLong() & stripMask;
        }
        this.oneBits = fraction(StrictMath.exp(-4.0 * coupling / temperature));
        this.noneBits = fraction(StrictMath.exp(-8.0 * coupling / temperature));
        this.evenHeight = height % 2 == 0;
        this.skewed = height == 1;
    }

    public MultispinIsing2D(int size, double temperature, double coupling, boolean orderedStart, UniformRandomProvider rng) {
        this(size, bestStrips(size), temperature, coupling, orderedStart, rng);
    }

    /**
     * p in [0, 1) as the 64-bit binary fraction floor(p 2^64), via p 2^63 (exact for p > 2^-10,
     * truncated below): exact to 2^-63. StrictMath above gives the same p on every JVM and CPU.
     */
    static long fraction(double p) {
        return ((long) (p * 0x1p63)) << 1;
    }

    /**
     * The strip count that updates the most spins per word evaluation: S with whole-colour words
     * (even H, or H = 1 skewed), S / 2 with masks (other odd H); ties go to more spins per word.
     */
    static int bestStrips(int size) {
        int best = 1;
        int bestScore = 0;
        for (int s = 1; s <= Math.min(size, Long.SIZE); s++) {
            if (size % s == 0) {
                int h = size / s;
                int score = h % 2 == 0 || h == 1 ? 2 * s : s;
                if (score >= bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    @Override
    public void advance() {
        sweep();
    }

    /** One checkerboard sweep: every spin once, colour (row + column even) first. */
    public void sweep() {
        for (int colour = 0; colour < 2; colour++) {
            if (skewed) {
                // Word x: colour x mod 2; above it word x + 1, below it word x - 1, one bit over.
                for (int x = colour; x < size; x += 2) {
                    int previous = x == 0 ? size - 1 : x - 1;
                    int following = x == size - 1 ? 0 : x + 1;
                    update(x, previous, following, following, previous, true, true, stripMask);
                }
                continue;
            }
            for (int y = 0; y < height; y++) {
                int row = y * size;
                int upRow = (y == 0 ? height - 1 : y - 1) * size;
                int downRow = (y == height - 1 ? 0 : y + 1) * size;
                boolean topEdge = y == 0;
                boolean bottomEdge = y == height - 1;
                if (evenHeight) {
                    // Whole words of one colour: (y + x) even for colour 0, for every bit. The edge
                    // columns are peeled off so the interior has plain x +- 1 neighbours.
                    int x = (y + colour) & 1;
                    if (x == 0) {
                        update(row, row + size - 1, row + 1, upRow, downRow, topEdge, bottomEdge, stripMask);
                        x = 2;
                    }
                    for (; x < size - 1; x += 2) {
                        update(row + x, row + x - 1, row + x + 1, upRow + x, downRow + x, topEdge, bottomEdge, stripMask);
                    }
                    if (x == size - 1) {
                        update(row + x, row + x - 1, row, upRow + x, downRow + x, topEdge, bottomEdge, stripMask);
                    }
                } else {
                    // Colour of bit b is (b H + y + x) & 1 = (b + y + x) & 1 for odd H.
                    for (int x = 0; x < size; x++) {
                        long mask = ((y + x + colour) & 1) == 0 ? EVEN_BITS & stripMask : ODD_BITS & stripMask;
                        update(row + x, row + (x == 0 ? size - 1 : x - 1), row + (x == size - 1 ? 0 : x + 1),
                                upRow + x, downRow + x, topEdge, bottomEdge, mask);
                    }
                }
            }
        }
    }

    /** Updates the spins of word i under {@code mask}, given the indices of its four neighbour words. */
    private void update(int i, int leftIndex, int rightIndex, int upIndex, int downIndex, boolean topEdge,
                        boolean bottomEdge, long mask) {
        long s = words[i];
        long left = words[leftIndex];
        long right = words[rightIndex];
        long up = words[upIndex];
        long down = words[downIndex];
        if (topEdge) {
            up = rotateUp(up);
        }
        if (bottomEdge) {
            down = rotateDown(down);
        }
        // Antiparallel neighbours, summed bit-sliced: a = ones + 2 (pair bits); at most one of
        // the pair bits' sources overlaps, so a >= 2 exactly when any pair bit is set.
        long d1 = s ^ left;
        long d2 = s ^ right;
        long d3 = s ^ up;
        long d4 = s ^ down;
        long x1 = d1 ^ d2;
        long x2 = d3 ^ d4;
        long ones = x1 ^ x2;
        long atLeastTwo = (d1 & d2) | (d3 & d4) | (x1 & x2);
        long exactlyOne = ones & ~atLeastTwo & mask;
        long none = ~(ones | atLeastTwo) & mask;
        words[i] = s ^ (mask & (atLeastTwo | accept(exactlyOne, none)));
    }

    /**
     * Metropolis acceptance of the uphill flips: each spin draws one uniform number u, bit by bit
     * from fresh random words, and accepts when u < exp(-4J/T) (one antiparallel neighbour) or
     * u < exp(-8J/T) (none). u is compared with the spin's threshold digit by digit, most
     * significant first, and a spin stops drawing at the first digit where they differ.
     */
    private long accept(long exactlyOne, long none) {
        long undecided = exactlyOne | none;
        long accepted = 0;
        for (int digit = Long.SIZE - 1; digit >= 0 && undecided != 0; digit--) {
            // The threshold's digit, per spin: p's for one antiparallel neighbour, p^2's for none.
            long threshold = (exactlyOne & -(oneBits >>> digit & 1)) | (none & -(noneBits >>> digit & 1));
            long r = rng.nextLong();
            accepted |= undecided & threshold & ~r;
            undecided &= ~(threshold ^ r);
        }
        return accepted;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** The spin words: all the state there is (the acceptance draws leave nothing behind). */
    @Override
    public void checkpoint(StateWriter out) {
        out.longs(words);
    }

    @Override
    public void restore(StateReader in) {
        in.longs(words);
    }

    /** The word whose bit b is bit b - 1 of {@code w} (cyclic over the strips): the row above a strip's top row. */
    private long rotateUp(long w) {
        return strips == Long.SIZE ? Long.rotateLeft(w, 1) : ((w << 1) | (w >>> (strips - 1))) & stripMask;
    }

    /** The word whose bit b is bit b + 1 of {@code w}: the row below a strip's bottom row. */
    private long rotateDown(long w) {
        return strips == Long.SIZE ? Long.rotateRight(w, 1) : ((w >>> 1) | (w << (strips - 1))) & stripMask;
    }

    /** Sum of the spins (+1 for a set bit, -1 for a clear one). */
    public long magnetisation() {
        long up = 0;
        for (long w : words) {
            up += Long.bitCount(w);
        }
        return 2 * up - (long) size * size;
    }

    /** Total energy -J sum over bonds of s_i s_j: each of the 2 L^2 bonds is +-1, -1 when antiparallel. */
    public double energy() {
        long antiparallel = 0;
        for (int y = 0; y < height; y++) {
            int row = y * size;
            int downRow = (y == height - 1 ? 0 : y + 1) * size;
            for (int x = 0; x < size; x++) {
                long s = words[row + x];
                long right = words[row + (x == size - 1 ? 0 : x + 1)];
                // Skewed rows: the row below is one bit over in word x - 1.
                long down = skewed ? words[x == 0 ? size - 1 : x - 1] : words[downRow + x];
                if (y == height - 1) {
                    down = rotateDown(down);
                }
                antiparallel += Long.bitCount(s ^ right) + Long.bitCount(s ^ down);
            }
        }
        long sites = (long) size * size;
        return -coupling * (2 * sites - 2 * antiparallel);
    }

    @Override
    public void measure(Recorder out) {
        double sites = (double) size * size;
        double m = magnetisation() / sites;
        OrderParameter.record(out, energy() / sites, Math.abs(m));
        out.record(Ising2DType.MAGNETIZATION, m);
    }

    /** The spin at (row, column), +1 or -1, for tests. */
    int spin(int row, int column) {
        int b = row / height;
        int y = row % height;
        int x = skewed ? Math.floorMod(column - b, size) : column;
        return (words[y * size + x] >>> b & 1) != 0 ? 1 : -1;
    }

    int strips() {
        return strips;
    }
}
