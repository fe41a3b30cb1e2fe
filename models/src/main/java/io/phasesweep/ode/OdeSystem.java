package io.phasesweep.ode;

/** An ordinary differential equation dy/dt = f(t, y) on R^dimension. */
public interface OdeSystem {

    int dimension();

    /**
     * Writes f(t, y) into {@code dydt}. Called several times per step: must not allocate and must
     * not change {@code y}.
     */
    void derivatives(double t, double[] y, double[] dydt);
}
