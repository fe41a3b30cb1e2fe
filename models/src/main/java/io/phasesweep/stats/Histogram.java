package io.phasesweep.stats;

import java.util.Arrays;

/**
 * The counts of one replica's histogram, immutable: one per declared bin, plus the values below
 * the first edge (underflow) and at or above the last (overflow).
 */
public final class Histogram {
    private final long[] counts;

    private Histogram(long[] withOutOfRange) {
        this.counts = withOutOfRange;
    }

    /** @param withOutOfRange underflow, the bins' counts, overflow (copied) */
    public static Histogram of(long[] withOutOfRange) {
        if (withOutOfRange.length < 3) {
            throw new IllegalArgumentException("a histogram has underflow, at least one bin and overflow");
        }
        return new Histogram(withOutOfRange.clone());
    }

    /** Declared bins. */
    public int bins() {
        return counts.length - 2;
    }

    /** Count in bin i: {@link Bins#UNDERFLOW} (-1), 0..bins-1, or bins (overflow), as {@link Bins#index} numbers them. */
    public long count(int i) {
        return counts[i + 1];
    }

    public long underflow() {
        return counts[0];
    }

    public long overflow() {
        return counts[counts.length - 1];
    }

    /** Every value recorded, in range or not. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * The fraction of values in bin i per unit of x, so that the in-range densities times their
     * widths plus the out-of-range fractions sum to 1; for underflow and overflow (infinitely wide)
     * the fraction itself. NaN when nothing was recorded.
     */
    public double density(Bins declared, int i) {
        double fraction = (double) count(i) / total();
        return i == Bins.UNDERFLOW || i == bins() ? fraction : fraction / declared.width(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram" + Arrays.toString(counts);
    }
}
