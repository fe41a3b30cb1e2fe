package io.phasesweep.fss;

import io.phasesweep.model.Scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Test data obeying finite-size scaling exactly: Y = L^(sign a) f((x - x_c) L^(1/nu)), measured by
 * R replicas per point with Gaussian noise of relative size {@code relError} on the point mean.
 */
final class SyntheticScaling {
    static final double XC = 2.0;
    static final double NU = 1.2;
    static final int[] SIZES = {8, 16, 32, 64};
    static final int REPLICAS = 16;

    /** A Binder-like invariant: decreasing through x_c. */
    static final DoubleUnaryOperator INVARIANT = z -> 0.45 - 0.25 * Math.tanh(0.8 * z);
    /** A susceptibility-like peak at z = 0.3 (so x_max = x_c + 0.3 L^(-1/nu)). */
    static final DoubleUnaryOperator PEAKED = z -> 0.2 + Math.exp(-0.5 * (z - 0.3) * (z - 0.3));
    /** An order-parameter-like step. */
    static final DoubleUnaryOperator STEP = z -> 0.1 + 1.2 / (1 + Math.exp(z));

    private SyntheticScaling() {
    }

    static FssAnalysis.Quantity quantity(String name, Scaling scaling, double exponent, DoubleUnaryOperator f,
                                         double relError, long seed) {
        return quantity(name, scaling, exponent, f, relError, seed, java.util.Arrays.stream(SIZES).asDoubleStream().toArray());
    }

    /** The same on other sizes, which need not be integers (a box of side sqrt(N / rho)). */
    static FssAnalysis.Quantity quantity(String name, Scaling scaling, double exponent, DoubleUnaryOperator f,
                                         double relError, long seed, double[] sizes) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<FssAnalysis.Point> points = new ArrayList<>();
        for (double size : sizes) {
            for (int i = 0; i <= 40; i++) {
                double x = 1.8 + 0.01 * i;
                double z = (x - XC) * Math.pow(size, 1 / NU);
                double truth = Math.pow(size, scaling.sign() * exponent) * f.applyAsDouble(z);
                double[][] replicas = new double[REPLICAS][1];
                for (int r = 0; r < REPLICAS; r++) {
                    replicas[r][0] = truth * (1 + relError * Math.sqrt(REPLICAS) * rng.nextGaussian());
                }
                points.add(new FssAnalysis.Point(size, Math.rint(x * 100) / 100, replicas, m -> m[0]));
            }
        }
        return new FssAnalysis.Quantity(name, scaling, points);
    }

    static FssAnalysis.Result find(List<FssAnalysis.Result> results, String quantity, String method) {
        return results.stream().filter(r -> r.quantity().equals(quantity) && r.method().label().equals(method))
                .findFirst().orElseThrow(() -> new AssertionError("no " + quantity + " by " + method + " in " + results));
    }
}
