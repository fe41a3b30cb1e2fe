package io.phasesweep.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RungeKutta4IntegratorTest extends FixedStepIntegratorAbstractTest {

    @Override
    FixedStepIntegrator<? super StochasticSystem> integrator(int dimension) {
        return new RungeKutta4Integrator(dimension);
    }

    @Override
    int order() {
        return 4;
    }

    @Override
    double[] stabilityPolynomial() {
        return new double[]{1, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24};
    }

    /** The real root of z^3 + 4 z^2 + 12 z + 24. */
    @Override
    double stabilityLimit() {
        return 2.785293563405282;
    }

    /** Energy loses h^6 / 72 per step: 3e-8 over a hundred periods at h = 0.02. */
    @Test
    void harmonicOscillatorEnergyDriftIsBelowOnePartInTenMillionOverAHundredPeriods() {
        double h = 0.02;
        double[] y = {1.0, 0.0};
        driver(HARMONIC_OSCILLATOR, h).advance(0.0, y, 200 * Math.PI);
        double drift = Math.abs(y[0] * y[0] + y[1] * y[1] - 1);
        assertTrue(drift < 1e-7, "relative energy drift " + drift);
    }
}
