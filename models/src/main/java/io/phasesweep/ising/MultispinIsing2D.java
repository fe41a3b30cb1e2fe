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
 * Every spin uses its own bit of each random word, so no two spins share a random number. The
 * first {@link #FIXED_DIGITS} digits are drawn whatever happens (at T_c a word's 50-odd uphill
 * spins need 7.6 on average, so few are wasted), in a loop of fixed length: a loop that stops
 * when the last spin is decided mispredicts its exit once a word, which cost more than the extra
 * draws. The random words come from a xoshiro256++ stream of the kernel's own, seeded from the
 * replica's generator and kept in four fields the JIT-compiled sweep updates without a call.
 *
 * <p>Measurement: the sweep counts as it goes, so the energy and magnetisation after it are two
 * counters, not a pass over the words. Every spin is updated once a sweep, so the up spins are
 * the set bits of the words just updated, summed. For even L the lattice is bipartite: every bond
 * has one end of colour 1, whose words are updated last, so the antiparallel bonds are those of
 * the colour-1 spins just updated. For odd L (no two-colouring) each update adds what its flips
 * changed: a flipped spin's antiparallel bonds turn parallel and the others antiparallel.
 */
public final class MultispinIsing2D implements Model {
    private static final long EVEN_BITS = 0x5555555555555555L;
    private static final long ODD_BITS = 0xAAAAAAAAAAAAAAAAL;
    /** What a word update counts besides its up spins: nothing more (colour 0 of even L). */
    private static final int COUNT_SPINS = 0;
    /** ... the bonds of its spins (colour 1 of even L). */
    private static final int COUNT_BONDS = 1;
    /** ... the change of the antiparallel bonds by its flips (odd L). */
    private static final int COUNT_BOND_CHANGES = 2;
    /** Digits of every uphill spin's uniform number drawn unconditionally (see the class comment). */
    private static final int FIXED_DIGITS = 8;

    private final int size;
    private final int strips;
    private final int height;
    private final long stripMask;
    private final double coupling;
    /** Word (y, x) at y * size + x. */
    private final long[] words;
    /** exp(-4J/T), the acceptance with one antiparallel neighbour, as a 64-bit binary fraction. */
    private final long oneBits;
    /** exp(-8J/T), with none, likewise. */
    private final long noneBits;
    /** Digit d of oneBits as a mask: all ones or all zeros, for the bit-sliced comparison. */
    private final long[] oneDigit = new long[Long.SIZE];
    /** Digit d of noneBits likewise. */
    private final long[] noneDigit = new long[Long.SIZE];
    /** The kernel's xoshiro256++ state (Blackman and Vigna 2021): checkpointed with the words. */
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private final boolean evenHeight;
    /** H = 1: skewed rows (see the class comment). */
    private final boolean skewed;
    /** L even: every bond has one end of each colour. */
    private final boolean bipartite;
    /** Antiparallel bonds, of the 2 L^2, after the last sweep (see the class comment). */
    private long antiparallel;
    /** Spins up (set bits) after the last sweep. */
    private long upSpins;

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
        this.words = new long[height * size];
        for (int i = 0; i < words.length; i++) {
            words[i] = orderedStart ? stripMask : rng.nextLong() & stripMask;
        }
        this.s0 = rng.nextLong();
        this.s1 = rng.nextLong();
        this.s2 = rng.nextLong();
        this.s3 = rng.nextLong();
        if ((s0 | s1 | s2 | s3) == 0) {
            // The one state xoshiro never leaves (odds 2^-256): any other will do.
            s0 = 1;
        }
        this.oneBits = fraction(StrictMath.exp(-4.0 * coupling / temperature));
        this.noneBits = fraction(StrictMath.exp(-8.0 * coupling / temperature));
        for (int digit = 0; digit < Long.SIZE; digit++) {
            oneDigit[digit] = -(oneBits >>> digit & 1);
            noneDigit[digit] = -(noneBits >>> digit & 1);
        }
        this.evenHeight = height % 2 == 0;
        this.skewed = height == 1;
        this.bipartite = size % 2 == 0;
        recount();
    }

    /** The counters from the words: once at the start and after a restore. */
    private void recount() {
        antiparallel = antiparallelFromWords();
        upSpins = upFromWords();
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
        // Up spins in the low 32 bits, the colour-1 spins' antiparallel bonds in the high ones
        // (each < 2^31 for L <= SquareLattice.MAX_SIZE): one local sum the JIT keeps in a register.
        long counts = 0;
        for (int colour = 0; colour < 2; colour++) {
            int counting = !bipartite ? COUNT_BOND_CHANGES : colour == 0 ? COUNT_SPINS : COUNT_BONDS;
            if (skewed) {
                // Word x: colour x mod 2; above it word x + 1, below it word x - 1, one bit over.
                counts += updateRow(0, 0, 0, colour, colour, counting);
                continue;
            }
            for (int y = 0; y < height; y++) {
                int upRow = (y == 0 ? height - 1 : y - 1) * size;
                int downRow = (y == height - 1 ? 0 : y + 1) * size;
                // Whole words of one colour for even H: (y + x) even for colour 0, for every bit. For
                // odd H bit b has colour (b H + y + x) & 1 = (b + y + x) & 1: every word, masked.
                counts += updateRow(y, upRow, downRow, evenHeight ? (y + colour) & 1 : 0, (y + colour) & 1, counting);
            }
        }
        upSpins = counts & 0xFFFF_FFFFL;
        if (bipartite) {
            antiparallel = counts >>> 32;
        }
    }

    /**
     * Updates the words of row y of one colour: every second word from {@code first} (whole-colour
     * words), or every word under alternating masks (odd H, {@code parity}: that of (y + x + colour)
     * at x = 0). Returns the up spins among the updated ones, plus 2^32 times their antiparallel
     * bonds if {@code counting} is {@link #COUNT_BONDS}; with {@link #COUNT_BOND_CHANGES} it adds
     * what the flips changed to the antiparallel count itself. The word update is written out in
     * the loop, not called: C2 inlines no callee it has already compiled to a large method, which a
     * per-word method called from a cold sweep becomes.
     */
    private long updateRow(int y, int upRow, int downRow, int first, int parity, int counting) {
        int row = y * size;
        boolean topEdge = skewed || y == 0;
        boolean bottomEdge = skewed || y == height - 1;
        boolean masked = !evenHeight && !skewed;
        int step = masked ? 1 : 2;
        long counts = 0;
        for (int x = first; x < size; x += step) {
            int previous = x == 0 ? size - 1 : x - 1;
            int following = x == size - 1 ? 0 : x + 1;
            long mask = !masked ? stripMask : ((x + parity) & 1) == 0 ? EVEN_BITS & stripMask : ODD_BITS & stripMask;
            long s = words[row + x];
            long left = words[row + previous];
            long right = words[row + following];
            long up = words[skewed ? following : upRow + x];
            long down = words[skewed ? previous : downRow + x];
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
            long flip = mask & (atLeastTwo | accept(exactlyOne, none));
            long updated = s ^ flip;
            words[row + x] = updated;
            counts += Long.bitCount(updated & mask);
            if (counting != COUNT_SPINS) {
                counts += countBonds(counting, flip, mask, d1, d2, d3, d4);
            }
        }
        return counts;
    }

    /**
     * The antiparallel bonds of a word's spins after an update, times 2^32 ({@link #COUNT_BONDS}),
     * or (0, having added to the count what its flips changed: {@link #COUNT_BOND_CHANGES}); d1..d4
     * mark the spins' antiparallel neighbours before the update.
     */
    private long countBonds(int counting, long flip, long mask, long d1, long d2, long d3, long d4) {
        if (counting == COUNT_BONDS) {
            // A flip turns the spin's bonds over: its d bits after the update are d ^ flip.
            return (long) (Long.bitCount((d1 ^ flip) & mask) + Long.bitCount((d2 ^ flip) & mask)
                    + Long.bitCount((d3 ^ flip) & mask) + Long.bitCount((d4 ^ flip) & mask)) << 32;
        }
        // A flipped spin's antiparallel bonds (its d bits) turn parallel, the others antiparallel.
        antiparallel += 4L * Long.bitCount(flip) - 2L * (Long.bitCount(flip & d1) + Long.bitCount(flip & d2)
                + Long.bitCount(flip & d3) + Long.bitCount(flip & d4));
        return 0;
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
        int digit = Long.SIZE - 1;
        for (; digit >= Long.SIZE - FIXED_DIGITS; digit--) {
            // The threshold's digit, per spin: p's for one antiparallel neighbour, p^2's for none.
            long threshold = (exactlyOne & oneDigit[digit]) | (none & noneDigit[digit]);
            long r = nextRandom();
            accepted |= undecided & threshold & ~r;
            undecided &= ~(threshold ^ r);
        }
        return undecided == 0 ? accepted : acceptRemaining(exactlyOne, none, undecided, accepted);
    }

    /**
     * The digits after the fixed ones, until every spin is decided: needed for about one word in
     * five at T_c. A method of its own, so the common path stays small for the JIT to inline.
     */
    private long acceptRemaining(long exactlyOne, long none, long undecided, long accepted) {
        for (int digit = Long.SIZE - 1 - FIXED_DIGITS; digit >= 0 && undecided != 0; digit--) {
            long threshold = (exactlyOne & oneDigit[digit]) | (none & noneDigit[digit]);
            long r = nextRandom();
            accepted |= undecided & threshold & ~r;
            undecided &= ~(threshold ^ r);
        }
        return accepted;
    }

    /** xoshiro256++'s next output (Blackman and Vigna, the generator Commons RNG's XoShiRo256PlusPlus implements). */
    private long nextRandom() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** The spin words and the kernel's generator: all the state there is. */
    @Override
    public void checkpoint(StateWriter out) {
        out.longs(words);
        out.writeLong(s0).writeLong(s1).writeLong(s2).writeLong(s3);
    }

    @Override
    public void restore(StateReader in) {
        in.longs(words);
        s0 = in.readLong();
        s1 = in.readLong();
        s2 = in.readLong();
        s3 = in.readLong();
        recount();
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
        return 2 * upSpins - (long) size * size;
    }

    /** Total energy -J sum over bonds of s_i s_j: each of the 2 L^2 bonds is +-1, -1 when antiparallel. */
    public double energy() {
        long sites = (long) size * size;
        return -coupling * (2 * sites - 2 * antiparallel);
    }

    /** Set bits of the words, counted: for tests of the kept count, and {@link #recount()}. */
    long upFromWords() {
        long count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        return count;
    }

    /** Antiparallel bonds counted over the words (right and down of every spin). */
    long antiparallelFromWords() {
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
        return antiparallel;
    }

    /** The kept antiparallel-bond count, for tests against {@link #antiparallelFromWords()}. */
    long keptAntiparallel() {
        return antiparallel;
    }

    /** The kept up count, for tests against {@link #upFromWords()}. */
    long keptUp() {
        return upSpins;
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
