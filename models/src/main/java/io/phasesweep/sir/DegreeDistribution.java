package io.phasesweep.sir;

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
}
