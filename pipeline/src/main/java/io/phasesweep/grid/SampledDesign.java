package io.phasesweep.grid;

import io.phasesweep.model.ParamType;
import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The points of a sampled design over a box of real parameters, drawn once from a seed (the
 * sweep's, through {@link io.phasesweep.seed.DesignSeed}) with the project's generator
 * (xoshiro256++ from SplitMix64, {@link ReplicaRunner#rng}): the same seed gives the same points,
 * bit for bit, on any machine; the partitioning never sees them being drawn.
 *
 * <ul>
 *   <li>{@code sobol}: Commons Math's Sobol sequence (Joe and Kuo's direction numbers), from its
 *   first point, each coordinate's 52 bits XORed with a random mask drawn from the seed (a random
 *   digital shift: it keeps the sequence's net structure, so any 2^k leading points stay evenly
 *   spread, and moves the all-zero first point off the corner);</li>
 *   <li>{@code random}: independent uniform draws, point by point, coordinate by coordinate;</li>
 *   <li>{@code latin_hypercube}: for each coordinate in turn a random permutation of the n strata
 *   (Commons RNG's PermutationSampler), then for each point a uniform position inside its stratum
 *   of each coordinate: every coordinate has exactly one point in each of its n equal slices.</li>
 * </ul>
 * A unit coordinate u becomes low + u (high - low).
 */
public final class SampledDesign {
    /** Sobol coordinates are multiples of 2^-52 (Commons Math's BITS). */
    private static final double SOBOL_SCALE = 0x1p52;

    private SampledDesign() {
    }

    /**
     * The design as a factor of the grid: one column per parameter, one entry per point.
     *
     * @param form  {@code SOBOL}, {@code RANDOM} or {@code LATIN_HYPERCUBE}
     * @param low   each parameter's lower bound; {@code high} its upper bound (greater)
     */
    public static Factor factor(Factor.Form form, List<String> names, double[] low, double[] high, int points, long seed) {
        double[][] unit = unitPoints(form, names.size(), points, seed);
        List<Axis> columns = new ArrayList<>();
        for (int d = 0; d < names.size(); d++) {
            List<Object> values = new ArrayList<>(points);
            for (double[] u : unit) {
                values.add(low[d] + u[d] * (high[d] - low[d]));
            }
            columns.add(new Axis(names.get(d), ParamType.DOUBLE, values));
        }
        Factor factor = new Factor(form, columns);
        Set<List<Object>> distinct = new HashSet<>();
        for (int i = 0; i < points; i++) {
            if (!distinct.add(List.of(factor.entry(i)))) {
                // Two equal points would be one grid point run twice with one seed: never silently.
                throw new IllegalStateException("the " + form.label() + " design drew point " + i + " twice");
            }
        }
        return factor;
    }

    /** {@code points} points of the unit cube [0, 1)^dimension. */
    static double[][] unitPoints(Factor.Form form, int dimension, int points, long seed) {
        UniformRandomProvider rng = ReplicaRunner.rng(seed);
        double[][] u = new double[points][dimension];
        switch (form) {
            case SOBOL -> {
                long[] mask = new long[dimension];
                for (int d = 0; d < dimension; d++) {
                    mask[d] = rng.nextLong() >>> 12;
                }
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimension);
                for (int i = 0; i < points; i++) {
                    double[] x = sobol.nextVector();
                    for (int d = 0; d < dimension; d++) {
                        u[i][d] = (((long) (x[d] * SOBOL_SCALE)) ^ mask[d]) / SOBOL_SCALE;
                    }
                }
            }
            case RANDOM -> {
                for (int i = 0; i < points; i++) {
                    for (int d = 0; d < dimension; d++) {
                        u[i][d] = rng.nextDouble();
                    }
                }
            }
            case LATIN_HYPERCUBE -> {
                int[][] strata = new int[dimension][];
                for (int d = 0; d < dimension; d++) {
                    strata[d] = new PermutationSampler(rng, points, points).sample();
                }
                for (int i = 0; i < points; i++) {
                    for (int d = 0; d < dimension; d++) {
                        u[i][d] = (strata[d][i] + rng.nextDouble()) / points;
                    }
                }
            }
            default -> throw new IllegalArgumentException(form + " is not a sampled design");
        }
        return u;
    }
}
