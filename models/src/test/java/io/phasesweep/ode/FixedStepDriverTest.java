package io.phasesweep.ode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedStepDriverTest {
    /** y' = 1: y(t) = t, which every scheme integrates exactly up to rounding. */
    static final OdeSystem CLOCK = new OdeSystem() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = 1;
        }
    };

    final List<Double> stepTimes = new ArrayList<>();
    final FixedStepDriver<OdeSystem> driver =
            new FixedStepDriver<>(CLOCK, new RungeKutta4Integrator(1), 0.3, (t, y) -> stepTimes.add(t));

    @Test
    void lastStepIsShortenedToLandExactlyOnTheOutputTime() {
        double[] y = {0.0};
        double t = driver.advance(0.0, y, 1.0);
        assertEquals(1.0, t);
        // Three whole steps of 0.3, then one of about 0.1.
        assertEquals(4, stepTimes.size());
        assertEquals(1.0, stepTimes.get(3));
        assertEquals(0.9, stepTimes.get(2), 1e-15);
        assertEquals(1.0, y[0], 1e-15);
    }

    @Test
    void everyOutputTimeIsReachedExactly() {
        double[] y = {0.0};
        double t = 0;
        for (double target : new double[]{0.07, 0.5, Math.PI, 7.0 / 3, 7.0 / 3 + 1e-9, 10}) {
            if (target > t) {
                t = driver.advance(t, y, target);
                assertEquals(target, t);
                assertEquals(target, stepTimes.get(stepTimes.size() - 1));
            }
        }
        assertEquals(10.0, y[0], 1e-12);
    }

    @Test
    void noStepIsTakenToATimeAlreadyReached() {
        double[] y = {1.0};
        assertEquals(2.0, driver.advance(2.0, y, 2.0));
        assertEquals(2.0, driver.advance(2.0, y, 1.0));
        assertTrue(stepTimes.isEmpty());
        assertEquals(1.0, y[0]);
    }

    @Test
    void stepsTakeWholeStepsWithoutLanding() {
        double[] y = {0.0};
        double t = driver.steps(0.0, y, 5);
        assertEquals(0.3 + 0.3 + 0.3 + 0.3 + 0.3, t);
        assertEquals(5, stepTimes.size());
        assertEquals(t, stepTimes.get(4));
        assertEquals(1.5, y[0], 1e-15);
    }
}
