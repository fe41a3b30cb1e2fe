package io.phasesweep.stats;

import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;

/**
 * Streaming logarithmic binning: O(log n) memory, no allocation per value.
 *
 * <p>Level k sees the means of consecutive, non-overlapping bins of 2<sup>k</sup> measurements.
 * The error is read off the highest level that still has {@link #MIN_BINS} bins, which is where
 * the estimate has plateaued for any correlation time well below n / MIN_BINS.
 */
public final class BinningAccumulator {

    /** Bins required at the level the error is read from (relative error of the error ~ 1/sqrt(2*64) = 9%). */
    public static final int MIN_BINS = 64;
    private static final int LEVELS = 63;
    /**
     * Blocks kept for the joint jackknife of derived quantities within one replica: between
     * {@code JACKKNIFE_BLOCKS} and twice that many equal blocks of consecutive measurements (block
     * length doubles when they fill up), so blocks grow with the run and outlast the correlation time
     * of any run much longer than {@code 2 * JACKKNIFE_BLOCKS * tau}.
     */
    public static final int JACKKNIFE_BLOCKS = 32;

    private long n;
    private double sum;
    private final double[] binSum = new double[LEVELS];
    private final double[] binSumSq = new double[LEVELS];
    private final long[] bins = new long[LEVELS];
    private final double[] pending = new double[LEVELS];
    private final boolean[] hasPending = new boolean[LEVELS];
    // Values are shifted by the first one before squaring, so variances of large, nearly constant
    // values do not cancel catastrophically.
    private double shift = Double.NaN;
    private final double[] blockSum = new double[2 * JACKKNIFE_BLOCKS];
    private int blocks;
    private long blockLength = 1;
    private long inBlock;

    public void add(double x) {
        if (n == 0) {
            shift = x;
        }
        n++;
        sum += x;
        addToBlock(x);
        double v = x - shift;
        for (int k = 0; k < LEVELS; k++) {
            binSum[k] += v;
            binSumSq[k] += v * v;
            bins[k]++;
            if (!hasPending[k]) {
                pending[k] = v;
                hasPending[k] = true;
                return;
            }
            v = 0.5 * (pending[k] + v);
            hasPending[k] = false;
        }
    }

    private void addToBlock(double x) {
        if (blocks == blockSum.length) {
            // Full: merge neighbours pairwise, halving the count and doubling the length.
            for (int i = 0; i < JACKKNIFE_BLOCKS; i++) {
                blockSum[i] = blockSum[2 * i] + blockSum[2 * i + 1];
            }
            java.util.Arrays.fill(blockSum, JACKKNIFE_BLOCKS, blockSum.length, 0.0);
            blocks = JACKKNIFE_BLOCKS;
            blockLength *= 2;
        }
        blockSum[blocks] += x;
        if (++inBlock == blockLength) {
            blocks++;
            inBlock = 0;
        }
    }

    /**
     * Means of the complete blocks of consecutive measurements (a trailing partial block is left
     * out), for a jackknife over the replica's own time series: observables recorded after every
     * unit have their blocks aligned, block i covering the same units in each.
     */
    public double[] blockMeans() {
        double[] means = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            means[i] = blockSum[i] / blockLength;
        }
        return means;
    }

    /** Writes every field, so that a restored accumulator continues with the same bits. */
    public void checkpoint(StateWriter out) {
        out.writeLong(n).writeDouble(sum).writeDouble(shift);
        out.doubles(binSum).doubles(binSumSq).longs(bins).doubles(pending).booleans(hasPending);
        out.doubles(blockSum).writeInt(blocks).writeLong(blockLength).writeLong(inBlock);
    }

    public void restore(StateReader in) {
        n = in.readLong();
        sum = in.readDouble();
        shift = in.readDouble();
        in.doubles(binSum);
        in.doubles(binSumSq);
        in.longs(bins);
        in.doubles(pending);
        in.booleans(hasPending);
        in.doubles(blockSum);
        blocks = in.readInt();
        blockLength = in.readLong();
        inBlock = in.readLong();
    }

    public long count() {
        return n;
    }

    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Naive standard error of the mean at binning level k (NaN if fewer than 2 bins). */
    public double errorAtLevel(int k) {
        long m = bins[k];
        if (m < 2) {
            return Double.NaN;
        }
        double mean = binSum[k] / m;
        double var = (binSumSq[k] / m - mean * mean) * m / (m - 1);
        return Math.sqrt(Math.max(var, 0.0) / m);
    }

    /** Highest level with at least {@link #MIN_BINS} bins, or 0 for short series. */
    public int plateauLevel() {
        int level = 0;
        while (level + 1 < LEVELS && bins[level + 1] >= MIN_BINS) {
            level++;
        }
        return level;
    }

    public Estimate estimate() {
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double err0 = errorAtLevel(0);
        double err = errorAtLevel(plateauLevel());
        double tau = err0 > 0 ? 0.5 * (err / err0) * (err / err0) : Double.NaN;
        return new Estimate(mean(), err, tau, n);
    }
}
