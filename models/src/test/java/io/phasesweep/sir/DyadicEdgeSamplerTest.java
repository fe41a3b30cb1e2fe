package io.phasesweep.sir;

import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cell-pair edge sampler is exact: every pair is tested once and joined with its probability
 * min(1, s w_i w_j K(d)), its networks are distributed as the all-pairs loop's, and its work grows as
 * N log N, not N^2.
 */
class DyadicEdgeSamplerTest {
    /** Standard errors allowed: a correct sampler fails one check with probability 6e-5 (seeds are fixed). */
    private static final double K = 4;
    /** The p-value below which a chi-square comparison fails, the two-sided tail of K standard errors. */
    private static final double P_VALUE = 6e-5;

    private record Nodes(int dim, double[] x, double[] y, double[] w) {
        static Nodes random(int n, int dim, DegreeDistribution degrees, long seed) {
            UniformRandomProvider rng = ReplicaRunner.rng(seed);
            double[] x = new double[n];
            double[] y = dim == 2 ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble();
                if (y != null) {
                    y[i] = rng.nextDouble();
                }
            }
            return new Nodes(dim, x, y, degrees.draw(n, rng));
        }

        double p(int i, int j, double scale, SpatialKernel kernel) {
            return Math.min(1.0, scale * w[i] * w[j] * kernel.value(SpatialNetwork.distance(dim, x, y, i, j)));
        }
    }

    /**
     * Over R networks on the same nodes, pair (i, j) is joined Binomial(R, p_ij) times. Checked: pairs
     * with p = 1 every time, p = 0 never, no pair twice in one network; pairs with
     * R p (1 - p) &gt;= 10 by their summed z^2 against chi^2 with one degree of freedom per pair
     * (within K of its standard deviation sqrt(2 dof)); the rest pooled per decade of p, each decade's
     * total against R sum p within K sqrt(R sum p (1 - p)).
     */
    private static void assertEachPairJoinedWithItsProbability(String label, Nodes nodes, double scale,
                                                               SpatialKernel kernel, int networks, long seed) {
        int n = nodes.x.length;
        int[][] joined = new int[n][n];
        UniformRandomProvider rng = ReplicaRunner.rng(seed);
        for (int r = 0; r < networks; r++) {
            EdgeList edges = new EdgeList(16);
            DyadicEdgeSampler.sample(nodes.dim, nodes.x, nodes.y, nodes.w, scale, kernel, rng, edges);
            boolean[][] seen = new boolean[n][n];
            for (int e = 0; e < edges.size; e++) {
                int i = Math.min(edges.from[e], edges.to[e]);
                int j = Math.max(edges.from[e], edges.to[e]);
                assertTrue(i != j, label + ": self-loop");
                assertFalse(seen[i][j], label + ": pair " + i + ", " + j + " joined twice in one network");
                seen[i][j] = true;
                joined[i][j]++;
            }
        }
        double chi2 = 0;
        int dof = 0;
        double[] pooledCount = new double[400];
        double[] pooledMean = new double[400];
        double[] pooledVariance = new double[400];
        int certain = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = nodes.p(i, j, scale, kernel);
                int count = joined[i][j];
                if (p == 1) {
                    assertEquals(networks, count, label + ": pair with p = 1");
                    certain++;
                } else if (p == 0) {
                    assertEquals(0, count, label + ": pair with p = 0");
                } else if (networks * p * (1 - p) >= 10) {
                    double z = (count - networks * p) / Math.sqrt(networks * p * (1 - p));
                    chi2 += z * z;
                    dof++;
                } else {
                    int decade = (int) Math.max(0, Math.min(399, -Math.floor(Math.log10(p))));
                    pooledCount[decade] += count;
                    pooledMean[decade] += networks * p;
                    pooledVariance[decade] += networks * p * (1 - p);
                }
            }
        }
        System.out.printf("%s: %d pairs with p = 1, chi2 %.0f over %d pairs (%.2f sd)%n", label, certain, chi2, dof,
                (chi2 - dof) / Math.sqrt(2.0 * dof));
        assertTrue(dof > 100, label + ": too few well-measured pairs: " + dof);
        assertEquals(dof, chi2, K * Math.sqrt(2.0 * dof), label + ": chi2 of the well-measured pairs");
        for (int d = 0; d < pooledCount.length; d++) {
            if (pooledVariance[d] > 0) {
                if (pooledMean[d] > 0.5) {
                    System.out.printf("  p ~ 1e-%d: joined %.0f times against %.1f%n", d, pooledCount[d], pooledMean[d]);
                }
                assertEquals(pooledMean[d], pooledCount[d], K * Math.sqrt(pooledVariance[d]) + 1e-9,
                        label + ": pairs with p ~ 1e-" + d);
            }
        }
    }

    @Test
    void everyPairIsJoinedWithItsProbabilityExactlyOnce() {
        int n = 150;
        int networks = 2000;
        // 2D power law, Pareto weights (gamma = 2.5: hubs in their own layers, clipped pairs).
        SpatialKernel powerLaw = new SpatialKernel(SpatialKernel.POWER_LAW, 0.02, 3);
        DegreeDistribution pareto = new DegreeDistribution(DegreeDistribution.POWER_LAW, 2.5);
        assertEachPairJoinedWithItsProbability("2D power law, power-law weights", Nodes.random(n, 2, pareto, 1),
                20 / ((n - 1) * powerLaw.integral(2)), powerLaw, networks, 2);
        // 1D short exponential, one weight, clipped near d = 0 (c from the exact clipped normalisation).
        SpatialKernel shortExponential = new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.01, 0);
        assertEachPairJoinedWithItsProbability("1D exponential, fixed", Nodes.random(n, 1, DegreeDistribution.fixed(), 3),
                shortExponential.solveScale(n, 10, 1), shortExponential, networks, 4);
        // 2D wide exponential (nearly well mixed), exponential weights.
        SpatialKernel wide = new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.3, 0);
        DegreeDistribution exponential = new DegreeDistribution(DegreeDistribution.EXPONENTIAL, Double.NaN);
        assertEachPairJoinedWithItsProbability("2D wide exponential, exponential weights",
                Nodes.random(n, 2, exponential, 5), 15 / ((n - 1) * wide.integral(2)), wide, networks, 6);
    }

    /** The all-pairs loop the sampler replaces: one uniform per pair, in index order. */
    private static EdgeList allPairs(Nodes nodes, double scale, SpatialKernel kernel, UniformRandomProvider rng) {
        EdgeList edges = new EdgeList(16);
        for (int i = 0; i < nodes.x.length; i++) {
            for (int j = i + 1; j < nodes.x.length; j++) {
                if (rng.nextDouble() < nodes.p(i, j, scale, kernel)) {
                    edges.add(i, j);
                }
            }
        }
        return edges;
    }

    /**
     * Networks on fresh random nodes from the sampler and from the all-pairs loop: their edge-length
     * histograms (20 bins in ln d) and degree histograms agree by the two-sample chi-square test.
     * Pair indicators on the torus are pairwise independent, so bin counts of edges have the variance
     * the test assumes; degrees of neighbouring nodes are correlated through shared partners, so the
     * degree comparison uses a wide kernel.
     */
    @Test
    void networksAreDistributedAsTheAllPairsLoops() {
        int n = 1500;
        int networks = 8;
        SpatialKernel kernel = new SpatialKernel(SpatialKernel.POWER_LAW, 0.01, 2.5);
        DegreeDistribution pareto = new DegreeDistribution(DegreeDistribution.POWER_LAW, 3.5);
        double scale = 10 / ((n - 1) * kernel.integral(2));
        long[][] lengths = new long[2][20];
        long[][] degrees = new long[2][40];
        UniformRandomProvider rng = ReplicaRunner.rng(7);
        for (int r = 0; r < networks; r++) {
            for (int method = 0; method < 2; method++) {
                Nodes nodes = Nodes.random(n, 2, pareto, 100 + 2 * r + method);
                EdgeList edges = new EdgeList(16);
                if (method == 0) {
                    DyadicEdgeSampler.sample(2, nodes.x, nodes.y, nodes.w, scale, kernel, rng, edges);
                } else {
                    edges = allPairs(nodes, scale, kernel, rng);
                }
                int[] degree = new int[n];
                for (int e = 0; e < edges.size; e++) {
                    double d = SpatialNetwork.distance(2, nodes.x, nodes.y, edges.from[e], edges.to[e]);
                    // ln d from ln 1e-4 to ln(sqrt(2) / 2) in 20 bins.
                    int bin = (int) Math.floor((Math.log(d) - Math.log(1e-4)) / (Math.log(0.7072 / 1e-4) / 20));
                    lengths[method][Math.max(0, Math.min(19, bin))]++;
                    degree[edges.from[e]]++;
                    degree[edges.to[e]]++;
                }
                for (int k : degree) {
                    degrees[method][Math.min(39, k)]++;
                }
            }
        }
        ChiSquareTest test = new ChiSquareTest();
        double lengthP = test.chiSquareTestDataSetsComparison(nonEmpty(lengths)[0], nonEmpty(lengths)[1]);
        double degreeP = test.chiSquareTestDataSetsComparison(nonEmpty(degrees)[0], nonEmpty(degrees)[1]);
        System.out.printf("sampler vs all pairs: edge lengths p = %.3f, degrees p = %.3f (%d vs %d edges)%n",
                lengthP, degreeP, java.util.Arrays.stream(lengths[0]).sum(), java.util.Arrays.stream(lengths[1]).sum());
        assertTrue(lengthP > P_VALUE, "edge-length histograms differ: p = " + lengthP);
        assertTrue(degreeP > P_VALUE, "degree histograms differ: p = " + degreeP);
    }

    /** The two rows without the bins empty in both (the test needs a positive total per bin). */
    private static long[][] nonEmpty(long[][] rows) {
        int kept = 0;
        for (int b = 0; b < rows[0].length; b++) {
            kept += rows[0][b] + rows[1][b] > 0 ? 1 : 0;
        }
        long[][] out = new long[2][kept];
        int k = 0;
        for (int b = 0; b < rows[0].length; b++) {
            if (rows[0][b] + rows[1][b] > 0) {
                out[0][k] = rows[0][b];
                out[1][k++] = rows[1][b];
            }
        }
        return out;
    }

    /**
     * Work (visited pairs plus blocks) per node at N = 2000 and 16 times more: within a factor 2
     * (N log N allows 1.4 here), where testing every pair would grow 16-fold per node. Counts, not
     * timings: deterministic for the seeds.
     */
    @Test
    void workPerNodeGrowsLogarithmicallyNotLinearly() {
        for (SpatialKernel kernel : new SpatialKernel[]{new SpatialKernel(SpatialKernel.POWER_LAW, 0.01, 3),
                new SpatialKernel(SpatialKernel.EXPONENTIAL, 100, 0), new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.002, 0)}) {
            for (DegreeDistribution degrees : new DegreeDistribution[]{DegreeDistribution.fixed(),
                    new DegreeDistribution(DegreeDistribution.POWER_LAW, 2.5)}) {
                double[] perNode = new double[2];
                int[] sizes = {2000, 32_000};
                for (int s = 0; s < 2; s++) {
                    Nodes nodes = Nodes.random(sizes[s], 2, degrees, 11 + s);
                    double scale = SpatialNetwork.scale(sizes[s], 2, 10, degrees, kernel);
                    DyadicEdgeSampler sampler = DyadicEdgeSampler.sample(2, nodes.x, nodes.y, nodes.w, scale, kernel,
                            ReplicaRunner.rng(13 + s), new EdgeList(16));
                    perNode[s] = (double) (sampler.visited + sampler.blocks) / sizes[s];
                }
                System.out.printf("%s, %s degrees: work per node %.1f at N = 2000, %.1f at N = 32000%n", kernel,
                        degrees.name(), perNode[0], perNode[1]);
                assertTrue(perNode[1] < 2 * perNode[0], kernel + ", " + degrees.name() + ": work per node "
                        + perNode[0] + " -> " + perNode[1]);
            }
        }
    }
}
