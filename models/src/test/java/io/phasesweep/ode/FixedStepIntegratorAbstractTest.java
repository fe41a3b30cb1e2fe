package io.phasesweep.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named deterministic problems with known answers, solved by every integrator: exponential decay
 * (order of convergence, stability function, stability limit) and the harmonic oscillator
 * (energy change per step).
 */
abstract class FixedStepIntegratorAbstractTest {
    /** How far the observed order may be from the scheme's: h is small enough for the leading term to dominate. */
    static final double ORDER_TOLERANCE = 0.1;

    /** x' = v, v' = -x: the flow conserves (x^2 + v^2) / 2. */
    static final StochasticSystem HARMONIC_OSCILLATOR = new StochasticSystem() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = y[1];
            dydt[1] = -y[0];
        }

        @Override
        public double diffusion() {
            return 0;
        }
    };

    /** The scheme under test, for states of the given dimension. */
    abstract FixedStepIntegrator<? super StochasticSystem> integrator(int dimension);

    /** The order of the global error on deterministic problems. */
    abstract int order();

    /** Coefficients c_k of the stability function R(z) = sum_k c_k z^k, the growth per step of y' = lambda y at z = h lambda. */
    abstract double[] stabilityPolynomial();

    /** |z| at the left end of the stability interval [-|z|, 0] on the negative real axis. */
    abstract double stabilityLimit();

    double stabilityFunction(double z) {
        double r = 0;
        double[] c = stabilityPolynomial();
        for (int k = c.length - 1; k >= 0; k--) {
            r = r * z + c[k];
        }
        return r;
    }

    /** |R(i h)|^2, the energy factor per step on the harmonic oscillator. */
    double squaredModulusOnImaginaryAxis(double h) {
        double re = 0;
        double im = 0;
        double[] c = stabilityPolynomial();
        for (int k = 0; k < c.length; k++) {
            // i^k cycles through 1, i, -1, -i.
            double term = c[k] * Math.pow(h, k);
            switch (k % 4) {
                case 0 -> re += term;
                case 1 -> im += term;
                case 2 -> re -= term;
                default -> im -= term;
            }
        }
        return re * re + im * im;
    }

    FixedStepDriver<StochasticSystem> driver(StochasticSystem system, double dt) {
        return new FixedStepDriver<>(system, integrator(system.dimension()), dt, StepHandler.NONE);
    }

    /** |y(1) - e^-1| for y' = -y, y(0) = 1, in steps of h. */
    double decayError(double h) {
        double[] y = {1.0};
        driver(new LinearSystem(1, -1.0, 0.0), h).advance(0.0, y, 1.0);
        return Math.abs(y[0] - Math.exp(-1.0));
    }

    @Test
    void exponentialDecayConvergesAtTheSchemesOrder() {
        double observed = Math.log(decayError(0.1) / decayError(0.05)) / Math.log(2);
        assertEquals(order(), observed, ORDER_TOLERANCE);
    }

    @Test
    void oneStepOfLinearDecayMultipliesByTheStabilityFunction() {
        for (double z : new double[]{-0.3, -1.0, -2.0, -2.7}) {
            double[] y = {1.0};
            integrator(1).step(new LinearSystem(1, z, 0.0), 0.0, 1.0, y);
            assertEquals(stabilityFunction(z), y[0], 1e-15, "z = " + z);
        }
    }

    @Test
    void linearDecayIsStableExactlyUpToTheStabilityLimit() {
        double h = 0.1;
        double[] inside = {1.0};
        double[] outside = {1.0};
        driver(new LinearSystem(1, -0.99 * stabilityLimit() / h, 0.0), h).steps(0.0, inside, 1000);
        driver(new LinearSystem(1, -1.01 * stabilityLimit() / h, 0.0), h).steps(0.0, outside, 1000);
        assertTrue(Math.abs(inside[0]) < 1, "|y| = " + Math.abs(inside[0]) + " just inside the limit");
        assertTrue(Math.abs(outside[0]) > 1, "|y| = " + Math.abs(outside[0]) + " just outside the limit");
    }

    @Test
    void harmonicOscillatorEnergyChangesByTheSquaredStabilityFunctionAtIH() {
        double h = 0.1;
        int steps = 630;
        double[] y = {1.0, 0.0};
        driver(HARMONIC_OSCILLATOR, h).steps(0.0, y, steps);
        double energyRatio = y[0] * y[0] + y[1] * y[1];
        double expected = Math.pow(squaredModulusOnImaginaryAxis(h), steps);
        assertEquals(expected, energyRatio, 1e-12 * expected);
    }
}
