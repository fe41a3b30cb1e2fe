package io.phasesweep.sir;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;

import java.util.Arrays;

/**
 * Draws the edges of a spatial network exactly, each pair i &lt; j independently with probability
 * p_ij = min(1, s w_i w_j K(d_ij)), in expected time O(N log N + E) instead of testing all N^2 / 2
 * pairs. The scheme is that of Bringmann, Keusch and Lengler for geometric inhomogeneous random
 * graphs (Theor. Comput. Sci. 760, 35 (2019)), with weight layers as in Blaesius, Friedrich,
 * Katzmann, Meyer, Penschuck and Weyand (J. Exp. Algorithmics 27, 1 (2022)).
 *
 * <p><b>Cells.</b> Level l cuts the torus into 2^l cells per axis. A node's finest cell coordinates
 * are floor(x 2^B), B = {@value #BITS_1D} bits in 1D and {@value #BITS_2D} per axis in 2D (exact:
 * a product by a power of two), and nodes are sorted by the Morton code of that cell, so every cell
 * of every level is a contiguous range of the order.
 *
 * <p><b>Layers.</b> Nodes are split by weight into layers (w in (w_max / 2^(k+1), w_max / 2^k]; the
 * last layer takes all smaller weights), each sorted on its own, each with a finest level where its
 * cells hold about {@value #NODES_PER_CELL} nodes. Fixed degrees give one layer.
 *
 * <p><b>Pairs.</b> For two layers, at the finer of their finest levels L, every pair of nodes belongs
 * to exactly one cell pair (A, B): at the first level where A and B are not adjacent on the torus
 * (then their parents are), or at L if they are adjacent there (A = B included). For such a block of
 * n_A n_B candidates (n_A (n_A - 1) / 2 when A = B) every pair's probability is at most
 * p_bar = min(1, s w_maxA w_maxB K(d_min)), d_min the minimum torus distance between the two boxes
 * and w_max each layer's largest weight; the candidates are visited in a fixed order, skipping
 * Geometric(p_bar) of them between visits (Commons RNG's {@link GeometricSampler}), and a visited
 * pair is joined with probability p_ij / p_bar. So each pair is tested once and joined with
 * probability p_ij exactly. Blocks are enumerated from the nonempty cells of the layer with fewer
 * nodes and looked up in the other's cell table, so the work is O(cells + nodes per level + visited
 * candidates); a block's candidates are visited in expectation p_bar n_A n_B times, within a factor
 * K(d_min) / K(d_max) of its edges.
 *
 * <p>Draw order, for reproducible bits: for each layer pair (a &lt;= b), levels 2 .. L (non-adjacent
 * blocks) then L (adjacent blocks), driver cells in Morton order, partner cells in a fixed order;
 * within a block one geometric draw per visit (and one that ends the block) and one uniform per
 * visited pair whose p_ij is below p_bar.
 */
final class DyadicEdgeSampler {
    static final int BITS_1D = 30;
    static final int BITS_2D = 15;
    /** Target nodes per cell at a layer's finest level. */
    static final double NODES_PER_CELL = 2;
    static final int MAX_LAYERS = 40;

    private final int dim;
    private final int bits;
    private final double scale;
    private final SpatialKernel kernel;
    private final UniformRandomProvider rng;
    private final EdgeList edges;

    /**
     * Nodes sorted by (layer, Morton code, index): node id, position, weight, finest cell coordinates
     * and code. Positions and weights are copied into this order so that a block's candidates are
     * read from contiguous memory, not from all over the node arrays.
     */
    private final int[] order;
    private final double[] sortedX;
    private final double[] sortedY;
    private final double[] sortedW;
    private final int[] cellX;
    private final int[] cellY;
    private final int[] code;
    /** Layer k occupies order[layerFrom[k] .. layerFrom[k + 1]). */
    private final int[] layerFrom;
    private final double[] layerMax;
    private final int[] layerLevel;
    /** Per layer: start (in order) of each cell at its finest level, in Morton order, plus the end. */
    private final int[][] layerStart;

    /** Candidate pairs visited and blocks with candidates (for the complexity test). */
    long visited;
    long blocks;

    private final int[] xs = new int[6];
    private final int[] ys = new int[6];

    /**
     * Draws the edges among nodes at (x, y) (y null in 1D) with relative weights w into {@code edges}.
     *
     * @return the sampler, for its counters
     */
    static DyadicEdgeSampler sample(int dim, double[] x, double[] y, double[] w, double scale, SpatialKernel kernel,
                                    UniformRandomProvider rng, EdgeList edges) {
        DyadicEdgeSampler s = new DyadicEdgeSampler(dim, x, y, w, scale, kernel, rng, edges);
        s.run();
        return s;
    }

    private DyadicEdgeSampler(int dim, double[] x, double[] y, double[] w, double scale, SpatialKernel kernel,
                              UniformRandomProvider rng, EdgeList edges) {
        this.dim = dim;
        this.bits = dim == 1 ? BITS_1D : BITS_2D;
        this.scale = scale;
        this.kernel = kernel;
        this.rng = rng;
        this.edges = edges;
        int n = x.length;
        double wMax = 0;
        double wMin = Double.POSITIVE_INFINITY;
        for (double v : w) {
            wMax = Math.max(wMax, v);
            wMin = Math.min(wMin, v);
        }
        int[] layer = new int[n];
        int layers = 1;
        if (wMin < wMax) {
            for (int i = 0; i < n; i++) {
                // floor(log2(w_max / w)), exact for normal numbers; w = 0 gives infinity, the last layer.
                layer[i] = Math.min(MAX_LAYERS - 1, Math.getExponent(wMax / w[i]));
                layers = Math.max(layers, layer[i] + 1);
            }
        }
        layerFrom = new int[layers + 1];
        for (int i = 0; i < n; i++) {
            layerFrom[layer[i] + 1]++;
        }
        for (int k = 0; k < layers; k++) {
            layerFrom[k + 1] += layerFrom[k];
        }
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(layerFrom, layers);
        int side = 1 << bits;
        for (int i = 0; i < n; i++) {
            // x * 2^B is exact, so the cell of a node is never off by rounding.
            int cx = (int) (x[i] * side);
            int cy = dim == 1 ? 0 : (int) (y[i] * side);
            keys[fill[layer[i]]++] = ((long) morton(cx, cy) << 32) | i;
        }
        order = new int[n];
        sortedX = new double[n];
        sortedY = dim == 1 ? null : new double[n];
        sortedW = new double[n];
        cellX = new int[n];
        cellY = new int[n];
        code = new int[n];
        layerMax = new double[layers];
        layerLevel = new int[layers];
        layerStart = new int[layers][];
        for (int k = 0; k < layers; k++) {
            Arrays.sort(keys, layerFrom[k], layerFrom[k + 1]);
            for (int j = layerFrom[k]; j < layerFrom[k + 1]; j++) {
                int i = (int) keys[j];
                order[j] = i;
                sortedX[j] = x[i];
                if (sortedY != null) {
                    sortedY[j] = y[i];
                }
                sortedW[j] = w[i];
                code[j] = (int) (keys[j] >>> 32);
                cellX[j] = (int) (x[i] * side);
                cellY[j] = dim == 1 ? 0 : (int) (y[i] * side);
                layerMax[k] = Math.max(layerMax[k], w[i]);
            }
            int count = layerFrom[k + 1] - layerFrom[k];
            int level = 0;
            while (level < bits && (double) (1L << (dim * (level + 1))) * NODES_PER_CELL <= count) {
                level++;
            }
            layerLevel[k] = level;
            int cells = 1 << (dim * level);
            int[] start = new int[cells + 1];
            int shift = dim * (bits - level);
            for (int j = layerFrom[k]; j < layerFrom[k + 1]; j++) {
                start[(code[j] >>> shift) + 1]++;
            }
            start[0] = layerFrom[k];
            for (int c = 0; c < cells; c++) {
                start[c + 1] += start[c];
            }
            layerStart[k] = start;
        }
    }

    private void run() {
        int layers = layerMax.length;
        for (int a = 0; a < layers; a++) {
            for (int b = a; b < layers; b++) {
                if (layerFrom[a] < layerFrom[a + 1] && layerFrom[b] < layerFrom[b + 1]) {
                    layerPair(a, b);
                }
            }
        }
    }

    /** All pairs with one node in layer a and one in layer b (each unordered pair once when a = b). */
    private void layerPair(int a, int b) {
        int sizeA = layerFrom[a + 1] - layerFrom[a];
        int sizeB = layerFrom[b + 1] - layerFrom[b];
        int driver = sizeA <= sizeB ? a : b;
        int partner = driver == a ? b : a;
        boolean same = a == b;
        int finest = layerLevel[partner];
        Bounds bounds = new Bounds(finest, scale * layerMax[a] * layerMax[b]);
        for (int level = 2; level <= finest; level++) {
            forEachCell(driver, partner, level, false, same, bounds);
        }
        forEachCell(driver, partner, finest, true, same, bounds);
    }

    /**
     * The blocks of one level: for each nonempty cell A of the driver layer, the partner cells B
     * adjacent to A ({@code adjacent}, the finest level) or children of the parents adjacent to A's
     * parent but not adjacent to A themselves.
     */
    private void forEachCell(int driver, int partner, int level, boolean adjacent, boolean same, Bounds bounds) {
        int shift = dim * (bits - level);
        int axisShift = bits - level;
        int cells = 1 << level;
        int[] start = layerStart[partner];
        int refine = dim * (layerLevel[partner] - level);
        int end = layerFrom[driver + 1];
        int k = layerFrom[driver];
        while (k < end) {
            int cellA = code[k] >>> shift;
            int runEnd = k + 1;
            while (runEnd < end && code[runEnd] >>> shift == cellA) {
                runEnd++;
            }
            int ax = cellX[k] >>> axisShift;
            int ay = cellY[k] >>> axisShift;
            int nx = adjacent ? neighbours(ax, cells, xs) : childrenOfParentNeighbours(ax, level, xs);
            int ny = dim == 1 ? 1 : adjacent ? neighbours(ay, cells, ys) : childrenOfParentNeighbours(ay, level, ys);
            if (dim == 1) {
                ys[0] = 0;
            }
            for (int ix = 0; ix < nx; ix++) {
                int dx = torusDelta(ax, xs[ix], cells);
                for (int iy = 0; iy < ny; iy++) {
                    int dy = dim == 1 ? 0 : torusDelta(ay, ys[iy], cells);
                    if (!adjacent && dx <= 1 && dy <= 1) {
                        continue;
                    }
                    int cellB = morton(xs[ix], ys[iy]);
                    if (same && cellB < cellA) {
                        continue;
                    }
                    int from = start[cellB << refine];
                    int to = start[(cellB + 1) << refine];
                    if (from == to) {
                        continue;
                    }
                    double pBar = bounds.bound(level, dx, dy);
                    if (pBar > 0) {
                        block(k, runEnd, from, to, same && cellB == cellA, pBar, bounds.geometric(level, dx, dy));
                    }
                }
            }
            k = runEnd;
        }
    }

    /**
     * The candidates i x j (places in the order), i in [aFrom, aTo), j in [bFrom, bTo) (j &gt; i when
     * {@code triangle}), in row-major order, each visited with probability pBar by geometric skips.
     * A rectangle is indexed directly, so its cost is that of its visits whatever its size (coarse
     * levels have large blocks and few visits); a triangle (one cell at the finest level, a few nodes)
     * is walked row by row.
     */
    private void block(int aFrom, int aTo, int bFrom, int bTo, boolean triangle, double pBar, DiscreteSampler skips) {
        blocks++;
        if (!triangle) {
            int columns = bTo - bFrom;
            long candidates = (long) (aTo - aFrom) * columns;
            for (long t = skips.sample(); t < candidates; t += 1L + skips.sample()) {
                test(aFrom + (int) (t / columns), bFrom + (int) (t % columns), pBar);
            }
            return;
        }
        long skip = skips.sample();
        for (int i = aFrom; i < aTo; i++) {
            int j = i + 1;
            while (skip < aTo - j) {
                j += (int) skip;
                test(i, j, pBar);
                j++;
                skip = skips.sample();
            }
            skip -= aTo - j;
        }
    }

    /** Visits the pair at places i, j of the order. */
    private void test(int i, int j, double pBar) {
        visited++;
        double d = SpatialNetwork.distance(dim, sortedX, sortedY, i, j);
        double p = Math.min(1.0, scale * sortedW[i] * sortedW[j] * kernel.value(d));
        // p <= pBar up to rounding; where they are equal the pair is joined without a draw.
        if (p >= pBar || rng.nextDouble() * pBar < p) {
            edges.add(order[i], order[j]);
        }
    }

    /** The block bounds of one layer pair and their geometric samplers, by (level, dx, dy), made when first needed. */
    private final class Bounds {
        private final double weight;
        private final double[] bound;
        private final DiscreteSampler[] geometric;

        Bounds(int finest, double weight) {
            this.weight = weight;
            bound = new double[(finest + 1) * 16];
            Arrays.fill(bound, Double.NaN);
            geometric = new DiscreteSampler[bound.length];
        }

        double bound(int level, int dx, int dy) {
            int slot = level * 16 + dx * 4 + dy;
            if (Double.isNaN(bound[slot])) {
                // Boxes dx, dy cells apart (at most 3) are at least (dx - 1, dy - 1) cells apart per axis.
                double dMin = Math.scalb(Math.hypot(Math.max(0, dx - 1), Math.max(0, dy - 1)), -level);
                double p = Math.min(1.0, weight * kernel.value(dMin));
                // Below the smallest normal double the geometric mean -1 / ln(1 - p) overflows: such
                // blocks (every pair below 2.2e-308) are skipped.
                bound[slot] = p >= Double.MIN_NORMAL ? p : 0;
                geometric[slot] = bound[slot] > 0 ? GeometricSampler.of(rng, p) : null;
            }
            return bound[slot];
        }

        DiscreteSampler geometric(int level, int dx, int dy) {
            return geometric[level * 16 + dx * 4 + dy];
        }
    }

    /** a - 1, a, a + 1 on a ring of n cells, distinct. */
    private static int neighbours(int a, int n, int[] out) {
        int count = 0;
        for (int o = -1; o <= 1; o++) {
            count = addDistinct(out, count, Math.floorMod(a + o, n));
        }
        return count;
    }

    /** The children (at {@code level} &gt;= 1) of the parents adjacent to a's parent, distinct. */
    private static int childrenOfParentNeighbours(int a, int level, int[] out) {
        int parents = 1 << (level - 1);
        int count = 0;
        for (int o = -1; o <= 1; o++) {
            int q = Math.floorMod((a >>> 1) + o, parents);
            count = addDistinct(out, count, 2 * q);
            count = addDistinct(out, count, 2 * q + 1);
        }
        return count;
    }

    private static int addDistinct(int[] out, int count, int v) {
        for (int i = 0; i < count; i++) {
            if (out[i] == v) {
                return count;
            }
        }
        out[count] = v;
        return count + 1;
    }

    /** Cells between a and b on a ring of n. */
    private static int torusDelta(int a, int b, int n) {
        int d = Math.abs(a - b);
        return Math.min(d, n - d);
    }

    /** The Morton code: the bits of cx and cy interleaved (cy's in the odd places); cx itself in 1D. */
    private int morton(int cx, int cy) {
        return dim == 1 ? cx : spread(cx) | (spread(cy) << 1);
    }

    /** The low 16 bits of v, each moved to twice its place. */
    private static int spread(int v) {
        v &= 0xFFFF;
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        v = (v | (v << 1)) & 0x55555555;
        return v;
    }
}
