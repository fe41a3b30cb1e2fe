package io.phasesweep.stats;

/**
 * Counts values into declared {@link Bins}, out-of-range values into underflow and overflow so
 * that nothing recorded is dropped. Takes data only; {@link #histogram()} freezes the counts.
 */
public final class HistogramAccumulator {
    private final Bins bins;
    /** counts[0]: underflow, counts[1..n]: the bins, counts[n + 1]: overflow. */
    private final long[] counts;

    public HistogramAccumulator(Bins bins) {
        this.bins = bins;
        this.counts = new long[bins.count() + 2];
    }

    /** One value; allocation-free. NaN is refused (it belongs to no bin). */
    public void add(double x) {
        counts[bins.index(x) + 1]++;
    }

    /** The counts, so that a restored accumulator continues with the same bits. */
    public void checkpoint(io.phasesweep.state.StateWriter out) {
        out.longs(counts);
    }

    public void restore(io.phasesweep.state.StateReader in) {
        in.longs(counts);
    }

    public Histogram histogram() {
        return Histogram.of(counts);
    }
}
