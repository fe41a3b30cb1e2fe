package io.phasesweep.sir;

import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spatial network: the torus quadrature behind its normalisation, binomial degrees with mean k_mean, locality. */
class SpatialNetworkTest {
    /** Standard errors allowed: a correct model fails one check with probability 6e-5 (seeds are fixed). */
    private static final double K = 4;

    @Test
    void torusQuadratureIntegratesTheBoxAndANarrowKernel() {
        SpatialKernel flat = new SpatialKernel(SpatialKernel.EXPONENTIAL, 1e12, 0);
        for (int dim = 1; dim <= 2; dim++) {
            assertEquals(1.0, flat.torusAverage(1.0, dim), 1e-9, "area of the unit torus, dim " + dim);
        }
        // Far from the box's edges: int_0^inf c exp(-r/ell) 2 pi r dr = 2 pi c ell^2; in 1D 2 c ell.
        double ell = 0.01;
        SpatialKernel narrow = new SpatialKernel(SpatialKernel.EXPONENTIAL, ell, 0);
        assertEquals(2 * Math.PI * 0.3 * ell * ell, narrow.torusAverage(0.3, 2), 1e-8 * 2 * Math.PI * 0.3 * ell * ell);
        assertEquals(2 * 0.3 * ell, narrow.torusAverage(0.3, 1), 1e-8 * 2 * 0.3 * ell);
        // Clipped at 1 inside r* = ell ln c: pi r*^2 + 2 pi ell (r* + ell).
        double c = 50;
        double rStar = ell * Math.log(c);
        double clipped = Math.PI * rStar * rStar + 2 * Math.PI * ell * (rStar + ell);
        assertEquals(clipped, narrow.torusAverage(c, 2), 1e-7 * clipped);
        // The unclipped integral I_K, whatever c.
        assertEquals(2 * Math.PI * ell * ell, narrow.integral(2), 1e-8 * 2 * Math.PI * ell * ell);
        assertEquals(2 * ell, narrow.integral(1), 1e-8 * 2 * ell);
    }

    /**
     * A node's degree is Binomial(N - 1, q), q = k_mean / (N - 1), and distinct pair indicators
     * are uncorrelated on the torus (given one end, the other is uniform), so 2E / N has mean
     * k_mean and standard error 2 sqrt(M q (1 - q)) / N per network, M = N (N - 1) / 2. The sample
     * variance of the degrees within a network has mean k_mean (1 - q) - O(k_mean / N); its error
     * comes from the spread over independent networks, since neighbouring nodes of a spatial network
     * share partners and their degrees are correlated.
     */
    private static void assertBinomialDegrees(String label, int n, int dim, double kMean, SpatialKernel kernel,
                                              long seed) {
        int networks = 6;
        double q = kMean / (n - 1);
        double meanSum = 0;
        double[] variances = new double[networks];
        for (int r = 0; r < networks; r++) {
            SpatialNetwork net = SpatialNetwork.build(n, dim, kMean, kernel, ReplicaRunner.rng(seed + r));
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                sum += net.degree(i);
                sumSq += (double) net.degree(i) * net.degree(i);
            }
            double mean = sum / n;
            meanSum += mean;
            variances[r] = (sumSq - n * mean * mean) / (n - 1);
        }
        double mean = meanSum / networks;
        double pairs = n * (n - 1) / 2.0;
        double meanError = 2 * Math.sqrt(pairs * q * (1 - q)) / n / Math.sqrt(networks);
        assertEquals(kMean, mean, K * meanError, label + ": mean degree");
        double var = java.util.Arrays.stream(variances).average().orElseThrow();
        double spread = Math.sqrt(java.util.Arrays.stream(variances).map(v -> (v - var) * (v - var)).sum() / (networks - 1));
        double varError = spread / Math.sqrt(networks);
        double expectedVar = kMean * (1 - q);
        assertEquals(expectedVar, var, K * varError, label + ": degree variance");
        System.out.printf("%s: mean degree %.4f (k_mean %.1f +- %.4f), variance %.3f +- %.3f (binomial %.3f)%n",
                label, mean, kMean, meanError, var, varError, expectedVar);
    }

    @Test
    void degreesAreBinomialWithMeanKMeanForEveryKernel() {
        assertBinomialDegrees("wide exponential", 3000, 2, 10, new SpatialKernel(SpatialKernel.EXPONENTIAL, 100, 0), 1);
        assertBinomialDegrees("2D exponential ell 0.004", 10_000, 2, 8,
                new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.004, 0), 10);
        assertBinomialDegrees("1D exponential ell 0.001", 10_000, 1, 6,
                new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.001, 0), 20);
        assertBinomialDegrees("2D power law a = 3", 3000, 2, 10, new SpatialKernel(SpatialKernel.POWER_LAW, 0.01, 3), 30);
        // Refused before this construction: a power law at N = 2 * 10^4.
        assertBinomialDegrees("1D power law a = 1.5, N = 20000", 20_000, 1, 10,
                new SpatialKernel(SpatialKernel.POWER_LAW, 0.001, 1.5), 40);
    }

    /**
     * Given kappa_i a node's degree is Binomial(N - 1, kappa_i / (N - 1)) (no pair clipped: a kernel
     * wider than the box), so the degrees are that binomial mixed over the weights: the pooled
     * histogram of 4 networks against it by the chi-square test (tail bins merged to 5 expected).
     */
    @Test
    void distributedDegreesAreMixedBinomial() {
        int n = 5000;
        double kMean = 8;
        SpatialKernel wide = new SpatialKernel(SpatialKernel.EXPONENTIAL, 100, 0);
        for (DegreeDistribution degrees : new DegreeDistribution[]{
                new DegreeDistribution(DegreeDistribution.EXPONENTIAL, Double.NaN),
                new DegreeDistribution(DegreeDistribution.POWER_LAW, 3.5)}) {
            int networks = 4;
            int bins = 120;
            long[] observed = new long[bins];
            double sum = 0;
            for (int r = 0; r < networks; r++) {
                SpatialNetwork net = SpatialNetwork.build(n, 2, kMean, degrees, wide, ReplicaRunner.rng(50 + r));
                for (int i = 0; i < n; i++) {
                    observed[Math.min(bins - 1, net.degree(i))]++;
                    sum += net.degree(i);
                }
            }
            double[] expected = new double[bins];
            double below = 0;
            for (int k = 0; k < bins - 1; k++) {
                int degree = k;
                expected[k] = networks * n * degrees.expectation(
                        w -> new BinomialDistribution(null, n - 1, Math.min(1, kMean * w / (n - 1))).probability(degree));
                below += expected[k];
            }
            expected[bins - 1] = networks * n - below;
            double[][] merged = mergeTail(expected, observed, 5);
            double pValue = new ChiSquareTest().chiSquareTest(merged[0], java.util.Arrays.stream(merged[1])
                    .mapToLong(v -> (long) v).toArray());
            System.out.printf("%s degrees: mean %.3f, chi-square against the mixed binomial over %d bins: p = %.3f%n",
                    degrees.name(), sum / (networks * n), merged[0].length, pValue);
            assertTrue(pValue > 6e-5, degrees.name() + ": p = " + pValue);
        }
    }

    /** Expected and observed counts with the bins from the first whose expectation is below min merged into one. */
    private static double[][] mergeTail(double[] expected, long[] observed, double min) {
        int last = 0;
        while (last < expected.length && expected[last] >= min) {
            last++;
        }
        double[][] out = new double[2][last + 1];
        for (int k = 0; k < expected.length; k++) {
            out[0][Math.min(k, last)] += expected[k];
            out[1][Math.min(k, last)] += observed[k];
        }
        return out;
    }

    /**
     * Distributed degrees on a short kernel: pairs of heavy nodes close together are clipped, and the
     * mean degree falls below k_mean to the expected value (N - 1) E[min(1, s w w' K(d))]. Its error per
     * network is mostly the fluctuation of the weights' sum: Var(2E / N) ~ 2 k (1 + k Var w) / N.
     */
    @Test
    void clippedMeanDegreeMatchesItsExpectation() {
        int n = 10_000;
        double kMean = 10;
        SpatialKernel kernel = new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.01, 0);
        DegreeDistribution degrees = new DegreeDistribution(DegreeDistribution.EXPONENTIAL, Double.NaN);
        double expected = kernel.expectedMeanDegree(n, SpatialNetwork.scale(n, 2, kMean, degrees, kernel), 2, degrees);
        int networks = 4;
        double sum = 0;
        for (int r = 0; r < networks; r++) {
            sum += 2.0 * SpatialNetwork.build(n, 2, kMean, degrees, kernel, ReplicaRunner.rng(70 + r)).edges() / n;
        }
        double error = Math.sqrt(2 * kMean * (1 + kMean) / n / networks);
        System.out.printf("clipped exponential degrees: mean degree %.3f against %.3f +- %.3f (k_mean %.0f)%n",
                sum / networks, expected, error, kMean);
        assertTrue(expected < 0.9 * kMean, "the clip should matter here: " + expected);
        assertEquals(expected, sum / networks, K * error);
        // Fixed degrees are normalised with the clip: exactly k_mean.
        assertEquals(kMean, kernel.expectedMeanDegree(n, kernel.solveScale(n, kMean, 2), 2, DegreeDistribution.fixed()),
                1e-6 * kMean);
    }

    @Test
    void shortKernelJoinsNearNodesOnly() {
        SpatialKernel local = new SpatialKernel(SpatialKernel.EXPONENTIAL, 0.004, 0);
        SpatialNetwork net = SpatialNetwork.build(20_000, 2, 8, local, ReplicaRunner.rng(5));
        double sum = 0;
        int count = 0;
        int[] offsets = net.offsets();
        int[] neighbours = net.neighbours();
        for (int i = 0; i < net.nodes(); i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                assertTrue(neighbours[e] != i, "self-loop at " + i);
                sum += net.distance(i, neighbours[e]);
                count++;
            }
        }
        // Edge lengths follow p(r) 2 pi r: with ell = 0.004 and clipping near r = 0 the mean is a few ell.
        double meanLength = sum / count;
        assertTrue(meanLength > 0.004 && meanLength < 0.03, "mean edge length " + meanLength);
    }
}
