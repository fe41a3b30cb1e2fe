package io.phasesweep.ode;

/**
 * A stochastic differential equation with additive white noise, the same strength on every
 * component: dy_i = f_i(t, y) dt + sqrt(2 D) dW_i, with independent Wiener processes W_i and
 * {@link #derivatives} as the drift f. Examples: a noisy oscillator ring (dtheta = (omega + K
 * coupling) dt + sqrt(2 D) dW), a random recurrent network (dx = (-x + g J phi(x)) dt + sqrt(2 D) dW).
 */
public interface StochasticSystem extends OdeSystem {

    /**
     * The noise strength D &gt;= 0 (the diffusion coefficient). It must not depend on the state
     * (additive noise: Ito and Stratonovich agree); it is read once per step. D = 0 gives the
     * deterministic equation, though the integrators still draw (and discard) the Gaussians, so
     * the random stream does not depend on D.
     */
    double diffusion();

    /**
     * How many leading components the noise acts on; the rest evolve by their drift alone. All of
     * them by default. A system augmented with tangent vectors (a Lyapunov exponent along a noisy
     * path) puts its own state first and the tangent components, which get no noise, after it.
     */
    default int noisyDimension() {
        return dimension();
    }
}
