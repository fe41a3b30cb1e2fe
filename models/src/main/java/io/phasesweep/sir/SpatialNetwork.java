package io.phasesweep.sir;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.Arrays;

/**
 * A random spatial network on the periodic unit interval (dim = 1) or unit square (dim = 2):
 * positions in primitive arrays, adjacency in compressed sparse rows (node i's neighbours are
 * {@code neighbours[offsets[i] .. offsets[i + 1])}, in the order their edges were drawn).
 *
 * <p>Node i has relative weight w_i = kappa_i / k_mean from a {@link DegreeDistribution} (mean 1),
 * and nodes i &lt; j are joined with probability min(1, s w_i w_j K(d_ij)), d the minimum-image
 * distance. The scale s = k_mean^2 / Z:
 * <ul>
 *   <li>{@code fixed} degrees (w = 1): s from {@link SpatialKernel#solveScale}, clip included, so
 *   every node's degree is exactly Binomial(N - 1, k_mean / (N - 1));</li>
 *   <li>otherwise s = k_mean / ((N - 1) I_K), I_K the torus integral of K
 *   ({@link SpatialKernel#integral}): node i's N - 1 partners are independent and uniform, so its
 *   degree is Binomial(N - 1, kappa_i / (N - 1)) given kappa_i, and the degrees are mixed binomial
 *   (mixed Poisson as N grows) with mean k_mean, as long as no pair has s w_i w_j K(d) &gt; 1. The
 *   clip min(1, ...) lowers the degrees of nodes that have such pairs (hubs on a short kernel), so
 *   the mean degree falls below k_mean there; {@code mean_degree} reports the realised value.</li>
 * </ul>
 * Edges are drawn by {@link DyadicEdgeSampler}, exactly and in O(N log N + E) expected time for
 * every kernel. Draw order, for reproducible bits: the positions (x_0, y_0, x_1, y_1, ...), the
 * weights (none for fixed degrees), then the edge sampler's draws.
 */
public final class SpatialNetwork {
    private final int dim;
    private final double[] x;
    private final double[] y;
    private final double[] weights;
    private final int[] offsets;
    private final int[] neighbours;

    SpatialNetwork(int dim, double[] x, double[] y, double[] weights, int[] offsets, int[] neighbours) {
        this.dim = dim;
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    /** A network with given positions and undirected edges {@code (from[e], to[e])}, for tests. */
    static SpatialNetwork of(int dim, double[] x, double[] y, int[] from, int[] to) {
        double[] w = new double[x.length];
        Arrays.fill(w, 1.0);
        return fromEdges(dim, x, y, w, from, to, from.length);
    }

    /** Draws a network with one expected degree k_mean for every node. */
    public static SpatialNetwork build(int nodes, int dim, double kMean, SpatialKernel kernel, UniformRandomProvider rng) {
        return build(nodes, dim, kMean, DegreeDistribution.fixed(), kernel, rng);
    }

    /** Draws positions, weights and edges from {@code rng}. */
    public static SpatialNetwork build(int nodes, int dim, double kMean, DegreeDistribution degrees, SpatialKernel kernel,
                                       UniformRandomProvider rng) {
        double[] x = new double[nodes];
        double[] y = dim == 2 ? new double[nodes] : null;
        for (int i = 0; i < nodes; i++) {
            x[i] = rng.nextDouble();
            if (y != null) {
                y[i] = rng.nextDouble();
            }
        }
        double[] w = degrees.draw(nodes, rng);
        EdgeList edges = new EdgeList((int) Math.min(Integer.MAX_VALUE - 8, (long) (nodes * kMean * 0.6) + 16));
        DyadicEdgeSampler.sample(dim, x, y, w, scale(nodes, dim, kMean, degrees, kernel), kernel, rng, edges);
        return fromEdges(dim, x, y, w, edges.from, edges.to, edges.size);
    }

    /** s = k_mean^2 / Z (see the class comment). */
    static double scale(int nodes, int dim, double kMean, DegreeDistribution degrees, SpatialKernel kernel) {
        return degrees.isFixed() ? kernel.solveScale(nodes, kMean, dim) : kMean / ((nodes - 1) * kernel.integral(dim));
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

    private static SpatialNetwork fromEdges(int dim, double[] x, double[] y, double[] w, int[] from, int[] to, int count) {
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
        return new SpatialNetwork(dim, x, y, w, offsets, neighbours);
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

    /** Node i's relative weight w_i = kappa_i / k_mean. */
    double weight(int i) {
        return weights[i];
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
