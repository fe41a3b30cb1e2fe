package io.phasesweep.sir;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The distance kernel K(r) of a {@link SpatialNetwork}: {@code exponential} K = exp(-r / ell) or
 * {@code power_law} K = (1 + r / ell)^(-a), both 1 at r = 0 (the power law is regularised at the
 * origin by the length ell, so that K(0) is finite). An edge joins two nodes of relative weights w,
 * w' at distance r with probability p(r) = min(1, c w w' K(r)), where c = k_mean^2 / Z is fixed by
 * {@link #solveScale} (one weight for all, the clip included) or from {@link #integral} (weights
 * from a distribution; {@link #expectedMeanDegree} says what the clip then removes).
 *
 * @param name {@code exponential} or {@code power_law}
 * @param ell  decay length (exponential) or core length (power law), in box units
 * @param a    power-law exponent (unused by the exponential kernel)
 */
public record SpatialKernel(String name, double ell, double a) {
    public static final String EXPONENTIAL = "exponential";
    public static final String POWER_LAW = "power_law";
    private static final int SIMPSON_INTERVALS = 64;

    public SpatialKernel {
        if (!name.equals(EXPONENTIAL) && !name.equals(POWER_LAW)) {
            throw new IllegalArgumentException("kernel must be exponential or power_law, got " + name);
        }
        // The constant itself, so that value()'s test is an identity check in the construction's inner loop.
        name = name.equals(EXPONENTIAL) ? EXPONENTIAL : POWER_LAW;
        if (!(ell > 0) || (name.equals(POWER_LAW) && !(a > 0))) {
            throw new IllegalArgumentException("kernel needs ell > 0 (and a > 0 for power_law)");
        }
    }

    public double value(double r) {
        return name.equals(EXPONENTIAL) ? Math.exp(-r / ell) : Math.pow(1 + r / ell, -a);
    }

    /** Edge probability min(1, c K(r)). */
    double probability(double c, double r) {
        return Math.min(1.0, c * value(r));
    }

    /** The radius inside which c K(r) >= 1 (every pair is joined), 0 when c <= 1. */
    double clipRadius(double c) {
        if (c <= 1) {
            return 0;
        }
        return name.equals(EXPONENTIAL) ? ell * Math.log(c) : ell * (Math.pow(c, 1 / a) - 1);
    }

    /**
     * The torus average of p: the integral of min(1, c K(d(x))) over the unit torus in {@code dim}
     * dimensions, d the minimum-image distance from the origin, i.e. over the box [-1/2, 1/2]^dim.
     */
    double torusAverage(double c, int dim) {
        return torusIntegral(r -> probability(c, r), clipRadius(c), dim);
    }

    /**
     * I_K, the integral of the unclipped kernel K(d(x)) over the unit torus: a node's expected
     * number of partners is (N - 1) c I_K as long as no pair's c K exceeds 1.
     */
    double integral(int dim) {
        return torusIntegral(this::value, 0, dim);
    }

    /**
     * The integral of f(d(x)) over the unit torus. Radially: in 1D 2 * int_0^{1/2} f(r) dr; in 2D
     * the circle of radius r lies in the box with arc length 2 pi r for r &lt;= 1/2 and
     * r (2 pi - 8 arccos(1 / (2 r))) up to sqrt(2)/2, where the substitution r = 1/2 + s^2 removes
     * the square-root edge at r = 1/2. Composite Simpson on panels that double in length from
     * ell / 4, with breaks at {@code kink} (where f has a kink, e.g. the clip radius) and at 1/2.
     */
    private double torusIntegral(java.util.function.DoubleUnaryOperator f, double kink, int dim) {
        java.util.TreeSet<Double> breaks = new java.util.TreeSet<>();
        breaks.add(0.0);
        breaks.add(0.5);
        for (double r = ell / 4; r < 0.5; r *= 2) {
            breaks.add(r);
        }
        if (kink > 0 && kink < 0.5) {
            breaks.add(kink);
        }
        double total = 0;
        Double previous = null;
        for (double b : breaks) {
            if (previous != null) {
                double lo = previous;
                total += simpson(r -> f.applyAsDouble(r) * (dim == 1 ? 2 : 2 * Math.PI * r), lo, b, SIMPSON_INTERVALS);
            }
            previous = b;
        }
        if (dim == 2) {
            double sMax = Math.sqrt(Math.sqrt(0.5) - 0.5);
            java.util.function.DoubleUnaryOperator corner = s -> {
                double r = 0.5 + s * s;
                double arc = r * (2 * Math.PI - 8 * Math.acos(Math.min(1.0, 0.5 / r)));
                return f.applyAsDouble(r) * arc * 2 * s;
            };
            if (kink > 0.5 && kink < Math.sqrt(0.5)) {
                double sKink = Math.sqrt(kink - 0.5);
                total += simpson(corner, 0, sKink, 8 * SIMPSON_INTERVALS) + simpson(corner, sKink, sMax, 8 * SIMPSON_INTERVALS);
            } else {
                total += simpson(corner, 0, sMax, 16 * SIMPSON_INTERVALS);
            }
        }
        return total;
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double lo, double hi, int intervals) {
        double h = (hi - lo) / intervals;
        double sum = f.applyAsDouble(lo) + f.applyAsDouble(hi);
        for (int i = 1; i < intervals; i++) {
            sum += f.applyAsDouble(lo + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    /**
     * The scale c = k_mean^2 / Z such that every node's expected degree is {@code kMean}: a node's
     * N - 1 partners sit independently and uniformly on the torus, so its degree is
     * Binomial(N - 1, q) with q the torus average of p, and q = kMean / (N - 1) fixes c. The average
     * is increasing in c; Brent's method on ln c to double precision.
     *
     * @throws IllegalArgumentException unless 0 &lt; kMean &lt; N - 1
     */
    double solveScale(int nodes, double kMean, int dim) {
        // A pure function, asked again for every grid point that is validated and every replica
        // built; the root finding costs milliseconds, so identical questions are answered once.
        Key key = new Key(this, nodes, kMean, dim);
        Double known = SCALES.get(key);
        if (known != null) {
            return known;
        }
        double c = scaleFor(nodes, kMean, dim);
        if (SCALES.size() >= MAX_CACHED) {
            SCALES.clear();
        }
        SCALES.put(key, c);
        return c;
    }

    private record Key(SpatialKernel kernel, int nodes, double kMean, int dim) {
    }

    private static final int MAX_CACHED = 4096;
    private static final ConcurrentHashMap<Key, Double> SCALES = new ConcurrentHashMap<>();

    private double scaleFor(int nodes, double kMean, int dim) {
        double target = kMean / (nodes - 1);
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("k_mean must be in (0, N - 1), got " + kMean + " with N = " + nodes);
        }
        // In u = ln c the average rises from ~0 (c = e^-700) to 1 (every p clipped at 1).
        double u = new BrentSolver(1e-14, 1e-13).solve(500, x -> torusAverage(Math.exp(x), dim) - target, -700, 700);
        return Math.exp(u);
    }

    /**
     * The expected mean degree (N - 1) times the torus integral of E[min(1, s w w' K(d))] over the
     * pair's weights: k_mean where nothing clips, less where pairs of heavy nodes close together
     * would have s w w' K(d) &gt; 1 (exactly k_mean for fixed degrees with s from {@link #solveScale}).
     */
    double expectedMeanDegree(int nodes, double scale, int dim, DegreeDistribution degrees) {
        MeanDegreeKey key = new MeanDegreeKey(this, nodes, scale, dim, degrees);
        Double known = MEAN_DEGREES.get(key);
        if (known != null) {
            return known;
        }
        double kink = degrees.isFixed() ? clipRadius(scale) : 0;
        double mean = (nodes - 1) * torusIntegral(r -> degrees.clippedPairMean(scale * value(r)), kink, dim);
        if (MEAN_DEGREES.size() >= MAX_CACHED) {
            MEAN_DEGREES.clear();
        }
        MEAN_DEGREES.put(key, mean);
        return mean;
    }

    private record MeanDegreeKey(SpatialKernel kernel, int nodes, double scale, int dim, DegreeDistribution degrees) {
    }

    private static final ConcurrentHashMap<MeanDegreeKey, Double> MEAN_DEGREES = new ConcurrentHashMap<>();
}
