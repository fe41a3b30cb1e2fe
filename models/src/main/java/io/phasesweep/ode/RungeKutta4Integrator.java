package io.phasesweep.ode;

/** The classical fourth-order Runge-Kutta method (global error O(h^4)), for deterministic systems. */
public final class RungeKutta4Integrator implements FixedStepIntegrator<OdeSystem> {
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] stage;

    public RungeKutta4Integrator(int dimension) {
        this.k1 = new double[dimension];
        this.k2 = new double[dimension];
        this.k3 = new double[dimension];
        this.k4 = new double[dimension];
        this.stage = new double[dimension];
    }

    @Override
    public void step(OdeSystem system, double t, double h, double[] y) {
        system.derivatives(t, y, k1);
        axpy(y, 0.5 * h, k1, stage);
        system.derivatives(t + 0.5 * h, stage, k2);
        axpy(y, 0.5 * h, k2, stage);
        system.derivatives(t + 0.5 * h, stage, k3);
        axpy(y, h, k3, stage);
        system.derivatives(t + h, stage, k4);
        for (int i = 0; i < y.length; i++) {
            y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /** out = x + alpha k. */
    private static void axpy(double[] x, double alpha, double[] k, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + alpha * k[i];
        }
    }
}
