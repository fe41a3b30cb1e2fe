package io.phasesweep.sir;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.util.Arrays;

/**
 * The distribution of the nodes' expected degrees kappa_i, as relative weights w_i = kappa_i / k_mean
 * of mean 1:
 * <ul>
 *   <li>{@code fixed}: w = 1 for every node;</li>
 *   <li>{@code exponential}: w ~ Exp(1), so the degrees are mixed-Poisson with an exponential
 *   mixing law, i.e. geometric: P(k) = k_mean^k / (1 + k_mean)^(k + 1) as N grows;</li>
 *   <li>{@code power_law}: Pareto, density proportional to w^-gamma for w &gt;= w_min, gamma the
 *   {@code degree_exponent} (&gt; 2 for a finite mean); the minimum w_min = (gamma - 2) / (gamma - 1)
 *   makes the mean 1, i.e. kappa_min = k_mean (gamma - 2) / (gamma - 1). E[w^2] is finite only
 *   for gamma &gt; 3.</li>
 * </ul>
 *
 * @param name     {@code fixed}, {@code exponential} or {@code power_law}
 * @param exponent gamma of {@code power_law} (unused otherwise)
 */
public record DegreeDistribution(String name, double exponent) {
    public static final String FIXED = "fixed";
    public static final String EXPONENTIAL = "exponential";
    public static final String POWER_LAW = "power_law";

    public DegreeDistribution {
        if (!name.equals(FIXED) && !name.equals(EXPONENTIAL) && !name.equals(POWER_LAW)) {
            throw new IllegalArgumentException("degrees must be fixed, exponential or power_law, got " + name);
        }
        if (name.equals(POWER_LAW) && !(exponent > 2)) {
            throw new IllegalArgumentException("degree_exponent must be > 2 (a finite mean degree), got " + exponent);
        }
        // Only the power law has an exponent; one value for the others keeps equal distributions equal.
        exponent = name.equals(POWER_LAW) ? exponent : Double.NaN;
    }

    public static DegreeDistribution fixed() {
        return new DegreeDistribution(FIXED, Double.NaN);
    }

    public boolean isFixed() {
        return name.equals(FIXED);
    }

    /** The smallest relative weight: 0 (exponential), (gamma - 2) / (gamma - 1) (power law), 1 (fixed). */
    public double minimum() {
        return switch (name) {
            case FIXED -> 1;
            case EXPONENTIAL -> 0;
            default -> (exponent - 2) / (exponent - 1);
        };
    }

    /** E[w^2] = E[kappa^2] / k_mean^2: 1, 2, or (gamma - 2)^2 / ((gamma - 1)(gamma - 3)), infinite for gamma &lt;= 3. */
    public double secondMoment() {
        return switch (name) {
            case FIXED -> 1;
            case EXPONENTIAL -> 2;
            default -> exponent > 3 ? (exponent - 2) * (exponent - 2) / ((exponent - 1) * (exponent - 3))
                    : Double.POSITIVE_INFINITY;
        };
    }

    /** n relative weights drawn from {@code rng} in node order (no draws for {@code fixed}). */
    public double[] draw(int n, UniformRandomProvider rng) {
        double[] w = new double[n];
        if (isFixed()) {
            Arrays.fill(w, 1.0);
            return w;
        }
        // Pareto with shape gamma - 1 has density proportional to w^-gamma.
        SharedStateContinuousSampler sampler = name.equals(EXPONENTIAL) ? ZigguratSampler.Exponential.of(rng)
                : InverseTransformParetoSampler.of(rng, minimum(), exponent - 1);
        for (int i = 0; i < n; i++) {
            w[i] = sampler.sample();
        }
        return w;
    }

    /** Quantile panels [1 - 2^-k, 1 - 2^-(k+1)] of {@link #expectation}; beyond the last a bounded f weighs 2^-40. */
    private static final int PANELS = 40;
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(16, 0, 1);

    /**
     * E[min(1, x w w')] over two independent weights: the clipped edge probability averaged over the
     * weights of the pair, for a pair whose unclipped probability would be x w w'. The inner average
     * over w' in closed form, g(y) = E[min(1, y w')]: min(1, y) (fixed); y (1 - e^(-1/y))
     * (exponential); 1 for y w_min &gt;= 1, else y - w_min^alpha y^alpha / (alpha - 1) with
     * alpha = gamma - 1 (power law); the outer by {@link #expectation}.
     */
    public double clippedPairMean(double x) {
        return isFixed() ? Math.min(1.0, x) : expectation(w -> inner(x * w));
    }

    /**
     * E[f(w)] for a bounded f: 16-point Gauss-Legendre on panels of the quantile v = F(w) that halve
     * towards 1 (w = F^-1(v) grows without bound there), up to 1 - 2^-{@value #PANELS}.
     */
    public double expectation(java.util.function.DoubleUnaryOperator f) {
        if (isFixed()) {
            return f.applyAsDouble(1);
        }
        double total = 0;
        for (int k = 0; k < PANELS; k++) {
            double lo = 1 - Math.scalb(1.0, -k);
            double width = Math.scalb(1.0, -k - 1);
            for (int q = 0; q < RULE.getNumberOfPoints(); q++) {
                total += width * RULE.getWeight(q) * f.applyAsDouble(quantile(lo + width * RULE.getPoint(q)));
            }
        }
        return total;
    }

    private double quantile(double v) {
        return name.equals(EXPONENTIAL) ? -Math.log1p(-v) : minimum() * Math.pow(1 - v, -1 / (exponent - 1));
    }

    /** g(y) = E[min(1, y w')]. */
    private double inner(double y) {
        if (name.equals(EXPONENTIAL)) {
            return y == 0 ? 0 : -y * Math.expm1(-1 / y);
        }
        double m = minimum();
        double alpha = exponent - 1;
        return y * m >= 1 ? 1 : y - Math.pow(m * y, alpha) / (alpha - 1);
    }
}
