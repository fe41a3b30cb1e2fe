/**
 * Fixed-step integrators for ordinary and stochastic differential equations with additive noise.
 *
 * <p>A system is "dimension + derivatives" ({@link io.phasesweep.ode.OdeSystem}): dy/dt = f(t, y).
 * A {@link io.phasesweep.ode.StochasticSystem} adds white noise of strength D to every component
 * (or to its first {@code noisyDimension()} ones: a state augmented with noiseless tangent vectors),
 * dy = f(t, y) dt + sqrt(2 D) dW, so that without drift each component diffuses with
 * &lt;dy^2&gt; = 2 D dt. One step of size h draws xi_i ~ N(0, 1) per component, in component order,
 * before any drift evaluation, and adds sqrt(2 D h) xi_i:
 * <ul>
 *   <li>{@link io.phasesweep.ode.EulerMaruyamaIntegrator}: y += h f(t, y) + sqrt(2 D h) xi.
 *       Strong order 1 and weak order 1 for additive noise; deterministic order 1.</li>
 *   <li>{@link io.phasesweep.ode.StochasticHeunIntegrator}: predictor p = y + h f(t, y) + sqrt(2 D h) xi,
 *       then y += h/2 (f(t, y) + f(t + h, p)) + sqrt(2 D h) xi with the same xi. Strong order 1
 *       and weak order 2 for additive noise; deterministic order 2.</li>
 *   <li>{@link io.phasesweep.ode.RungeKutta4Integrator}: the classical four-stage Runge-Kutta method,
 *       deterministic systems only; order 4.</li>
 * </ul>
 * Orders are of the global error in h: strong, of the paths for a given noise; weak, of moments.
 *
 * <p>Stability: on y' = lambda y a step multiplies y by the stability function R(h lambda): 1 + z
 * (Euler), 1 + z + z^2/2 (Heun), 1 + z + z^2/2 + z^3/6 + z^4/24 (RK4). On the negative real axis
 * |R| &lt;= 1 for -2 &lt;= h lambda &lt;= 0 (Euler and Heun) and for -2.785 &lt;= h lambda &lt;= 0
 * (RK4; -2.78529 is the real root of z^3 + 4 z^2 + 12 z + 24). Additive noise does not move
 * these limits. On a harmonic oscillator (lambda = +-i) the energy changes by |R(i h)|^2 per
 * step: 1 + h^2 (Euler), 1 + h^4/4 (Heun), 1 - h^6/72 + h^8/576 (RK4).
 *
 * <p>{@link io.phasesweep.ode.FixedStepDriver} steps a state to output times in steps of dt,
 * shortening the last step to land on each time exactly, and calls a
 * {@link io.phasesweep.ode.StepHandler} after every step. Nothing here allocates per step.
 *
 * <p>References: P. E. Kloeden and E. Platen, Numerical Solution of Stochastic Differential
 * Equations (Springer, 1992), for the stochastic schemes and their orders; E. Hairer and G. Wanner,
 * Solving Ordinary Differential Equations II (Springer, 2nd ed. 1996), Sec. IV.2, for the
 * stability functions of explicit Runge-Kutta methods.
 */
package io.phasesweep.ode;
