package io.phasesweep.sir;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.Arrays;

/**
 * A random spatial network on the periodic unit interval (dim = 1) or unit square (dim = 2):
 * positions in primitive arrays, adjacency in compressed sparse rows (node i's neighbours are
 * {@code neighbours[offsets[i] .. offsets[i + 1])}, in the order their edges were drawn).
 *
 * <p>Every node has the same expected degree k_mean in this version (no degree distribution yet).
 * Nodes i &lt; j are joined with probability min(1, c K(d_ij)), d the minimum-image distance, c from
 * {@link SpatialKernel#solveScale}. Construction:
 * <ul>
 *   <li>exponential kernel whose {@link SpatialKernel#range range} r_c is below 1/3 of the box: a
 *   cell list of m = floor(1 / r_c) cells per side; each node tests only the nodes of higher index
 *   in its own and the neighbouring cells (3^dim distinct cells since m &gt;= 3). Pairs further than
 *   r_c apart, whose probability is below 1e-12 p(0), are never tested: at most N^2 1e-12 / 2
 *   edges are lost in expectation. Cost O(N + N^2 (3 / m)^dim / 2) draws.</li>
 *   <li>otherwise (power law, or an exponential kernel wider than a third of the box): every pair,
 *   O(N^2), and only for N &lt; {@value #MAX_PAIR_LOOP_NODES}; larger N is refused, as that case has
 *   no sub-quadratic construction yet.</li>
 * </ul>
 * Draw order, for reproducible bits: the positions (x_0, y_0, x_1, y_1, ...), then one uniform per
 * tested pair, pairs in order of the lower index, then by cell and index.
 */
public final class SpatialNetwork {
    /** The pair loop is refused from this many nodes on. */
    public static final int MAX_PAIR_LOOP_NODES = 10_000;

    private final int dim;
    private final double[] x;
    private final double[] y;
    private final int[] offsets;
    private final int[] neighbours;

    SpatialNetwork(int dim, double[] x, double[] y, int[] offsets, int[] neighbours) {
        this.dim = dim;
        this.x = x;
        this.y = y;
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    /** A network with given positions and undirected edges {@code (from[e], to[e])}, for tests. */
    static SpatialNetwork of(int dim, double[] x, double[] y, int[] from, int[] to) {
        return fromEdges(dim, x, y, from, to, from.length);
    }

    /** Whether {@link #build} would use the cell list (false: the pair loop). */
    static boolean usesCellList(SpatialKernel kernel, double c) {
        return kernel.name().equals(SpatialKernel.EXPONENTIAL) && kernel.range(c) < 1.0 / 3;
    }

    /**
     * Draws positions and edges from {@code rng}.
     *
     * @throws IllegalArgumentException when the pair loop would be needed for N &gt;= {@value #MAX_PAIR_LOOP_NODES}
     */
    public static SpatialNetwork build(int nodes, int dim, double kMean, SpatialKernel kernel, UniformRandomProvider rng) {
        double c = kernel.solveScale(nodes, kMean, dim);
        boolean cells = usesCellList(kernel, c);
        if (!cells && nodes >= MAX_PAIR_LOOP_NODES) {
            throw new IllegalArgumentException(refusal(nodes, kernel, c));
        }
        double[] x = new double[nodes];
        double[] y = dim == 2 ? new double[nodes] : null;
        for (int i = 0; i < nodes; i++) {
            x[i] = rng.nextDouble();
            if (y != null) {
                y[i] = rng.nextDouble();
            }
        }
        EdgeList edges = new EdgeList(Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, (long) (nodes * kMean * 0.6) + 16)));
        if (cells) {
            cellList(dim, x, y, kernel, c, rng, edges);
        } else {
            for (int i = 0; i < nodes; i++) {
                for (int j = i + 1; j < nodes; j++) {
                    test(i, j, dim, x, y, kernel, c, rng, edges);
                }
            }
        }
        return fromEdges(dim, x, y, edges.from, edges.to, edges.size);
    }

    static String refusal(int nodes, SpatialKernel kernel, double c) {
        return "N = " + nodes + " with the " + kernel.name() + " kernel (ell = " + kernel.ell()
                + (kernel.name().equals(SpatialKernel.EXPONENTIAL) ? ", range " + kernel.range(c) + " >= 1/3 of the box"
                : "") + ") needs the all-pairs construction, which is refused from N = " + MAX_PAIR_LOOP_NODES
                + ": wide and power-law kernels have no sub-quadratic construction yet; use N < "
                + MAX_PAIR_LOOP_NODES + " or a shorter exponential kernel";
    }

    private static void test(int i, int j, int dim, double[] x, double[] y, SpatialKernel kernel, double c,
                             UniformRandomProvider rng, EdgeList edges) {
        double d = distance(dim, x, y, i, j);
        if (rng.nextDouble() < kernel.probability(c, d)) {
            edges.add(i, j);
        }
    }

    private static void cellList(int dim, double[] x, double[] y, SpatialKernel kernel, double c,
                                 UniformRandomProvider rng, EdgeList edges) {
        int nodes = x.length;
        int m = (int) Math.floor(1 / kernel.range(c));
        int cellCount = dim == 1 ? m : m * m;
        int[] cellOf = new int[nodes];
        int[] start = new int[cellCount + 1];
        for (int i = 0; i < nodes; i++) {
            int cx = Math.min(m - 1, (int) (x[i] * m));
            int cy = dim == 1 ? 0 : Math.min(m - 1, (int) (y[i] * m));
            cellOf[i] = cy * m + cx;
            start[cellOf[i] + 1]++;
        }
        for (int k = 0; k < cellCount; k++) {
            start[k + 1] += start[k];
        }
        int[] members = new int[nodes];
        int[] fill = Arrays.copyOf(start, cellCount);
        // Counting sort by cell, stable: each cell lists its nodes in increasing index.
        for (int i = 0; i < nodes; i++) {
            members[fill[cellOf[i]]++] = i;
        }
        int[] around = new int[dim == 1 ? 3 : 9];
        for (int i = 0; i < nodes; i++) {
            int cx = cellOf[i] % m;
            int cy = cellOf[i] / m;
            int n = 0;
            for (int oy = dim == 1 ? 0 : -1; oy <= (dim == 1 ? 0 : 1); oy++) {
                for (int ox = -1; ox <= 1; ox++) {
                    around[n++] = Math.floorMod(cy + oy, m) * m + Math.floorMod(cx + ox, m);
                }
            }
            for (int k = 0; k < n; k++) {
                for (int s = start[around[k]]; s < start[around[k] + 1]; s++) {
                    int j = members[s];
                    if (j > i) {
                        test(i, j, dim, x, y, kernel, c, rng, edges);
                    }
                }
            }
        }
    }

    static double distance(int dim, double[] x, double[] y, int i, int j) {
        double dx = Math.abs(x[i] - x[j]);
        // Minimum image on the unit torus.
        dx = Math.min(dx, 1 - dx);
        if (dim == 1) {
            return dx;
        }
        double dy = Math.abs(y[i] - y[j]);
        dy = Math.min(dy, 1 - dy);
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static SpatialNetwork fromEdges(int dim, double[] x, double[] y, int[] from, int[] to, int count) {
        int nodes = x.length;
        int[] offsets = new int[nodes + 1];
        for (int e = 0; e < count; e++) {
            offsets[from[e] + 1]++;
            offsets[to[e] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, nodes);
        int[] neighbours = new int[2 * count];
        for (int e = 0; e < count; e++) {
            neighbours[fill[from[e]]++] = to[e];
            neighbours[fill[to[e]]++] = from[e];
        }
        return new SpatialNetwork(dim, x, y, offsets, neighbours);
    }

    /** Growable pair of int arrays. */
    private static final class EdgeList {
        int[] from;
        int[] to;
        int size;

        EdgeList(int capacity) {
            from = new int[capacity];
            to = new int[capacity];
        }

        void add(int i, int j) {
            if (size == from.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
                if (grown == size) {
                    throw new IllegalStateException("more than " + size + " edges");
                }
                from = Arrays.copyOf(from, grown);
                to = Arrays.copyOf(to, grown);
            }
            from[size] = i;
            to[size++] = j;
        }
    }

    public int nodes() {
        return x.length;
    }

    public int dim() {
        return dim;
    }

    public int edges() {
        return neighbours.length / 2;
    }

    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    int[] offsets() {
        return offsets;
    }

    int[] neighbours() {
        return neighbours;
    }

    /** Minimum-image distance between nodes i and j. */
    public double distance(int i, int j) {
        return distance(dim, x, y, i, j);
    }

    /** The node nearest the centre of the box (1/2 or (1/2, 1/2)), the lowest index on a tie. */
    public int nearestCentre() {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - 0.5;
            double dy = dim == 1 ? 0 : y[i] - 0.5;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
