package io.phasesweep.ode;

/** dy_i = lambda y_i dt + sqrt(2 D) dW_i: exponential decay for D = 0, Ornstein-Uhlenbeck for D &gt; 0. */
record LinearSystem(int dimension, double lambda, double diffusion) implements StochasticSystem {

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        for (int i = 0; i < y.length; i++) {
            dydt[i] = lambda * y[i];
        }
    }
}
