package io.phasesweep.stats;

import java.util.Arrays;

/**
 * The declared bins of a histogram: {@code count} half-open intervals [edge_i, edge_{i+1}) between
 * {@code low} and {@code high}. A value below {@code low} is underflow, one at or above
 * {@code high} overflow; a value exactly on an inner edge belongs to the bin above it, so
 * {@link #index} agrees with the edges {@link #low(int)} and {@link #high(int)} report.
 * Immutable.
 */
public final class Bins {
    /** What {@link #index} returns for a value below the first edge. */
    public static final int UNDERFLOW = -1;

    private final double[] edges;
    /** Bins per unit of x for uniform bins (the fast path of {@link #index}); 0 for explicit edges. */
    private final double perUnit;

    private Bins(double[] edges, double perUnit) {
        this.edges = edges;
        this.perUnit = perUnit;
    }

    /** {@code count} equal bins over [low, high). */
    public static Bins uniform(double low, double high, int count) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high) || count < 1) {
            throw new IllegalArgumentException("uniform bins need finite low < high and count >= 1, got low = " + low
                    + ", high = " + high + ", count = " + count);
        }
        double[] edges = new double[count + 1];
        for (int i = 0; i < count; i++) {
            edges[i] = low + (high - low) * i / count;
        }
        edges[count] = high;
        checkIncreasing(edges);
        return new Bins(edges, count / (high - low));
    }

    /** Bins between consecutive edges: finite and strictly increasing, at least two. */
    public static Bins edges(double... edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("bins need at least two edges, got " + edges.length);
        }
        double[] copy = edges.clone();
        checkIncreasing(copy);
        return new Bins(copy, 0);
    }

    private static void checkIncreasing(double[] edges) {
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("bin edges must be finite and strictly increasing: "
                        + Arrays.toString(edges));
            }
        }
    }

    public int count() {
        return edges.length - 1;
    }

    /** Lower edge of bin i (0 <= i < count). */
    public double low(int i) {
        return edges[i];
    }

    /** Upper edge of bin i (0 <= i < count). */
    public double high(int i) {
        return edges[i + 1];
    }

    public double width(int i) {
        return edges[i + 1] - edges[i];
    }

    /**
     * The bin of {@code x}: 0..count-1, {@link #UNDERFLOW} below the first edge, {@code count} at or
     * above the last (infinities included). Allocation-free. NaN has no bin: refused.
     */
    public int index(double x) {
        int n = edges.length - 1;
        if (x < edges[0]) {
            return UNDERFLOW;
        }
        if (x >= edges[n]) {
            return n;
        }
        if (!(x >= edges[0])) {
            throw new IllegalArgumentException("NaN has no bin");
        }
        if (perUnit == 0) {
            // Bisection with <, not Arrays.binarySearch: that orders -0.0 below 0.0, and x = -0.0
            // on an edge 0.0 would land in the bin below.
            int lo = 0;
            int hi = n;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (x < edges[mid]) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return lo;
        }
        int i = Math.min(n - 1, (int) ((x - edges[0]) * perUnit));
        // The multiplication can round across an edge; the stored edges decide, as they are reported.
        if (x < edges[i]) {
            i--;
        } else if (x >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bins b && Arrays.equals(edges, b.edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    /** E.g. {@code 9 uniform bins over [-1.125, 1.125)} or {@code 2 bins, edges [-1.5, 0.0, 1.5]}. */
    @Override
    public String toString() {
        return perUnit != 0 ? count() + " uniform bins over [" + edges[0] + ", " + edges[edges.length - 1] + ")"
                : count() + " bins, edges " + (edges.length <= 9 ? Arrays.toString(edges)
                : "[" + edges[0] + ", " + edges[1] + ", ..., " + edges[edges.length - 1] + "]");
    }
}
