/**
 * Kuramoto-Sakaguchi oscillator chains: N phase oscillators on a ring with nearest-neighbour
 * coupling, time-dependent noise and/or quenched (columnar) random natural frequencies.
 *
 * <p>d theta_i/dt = omega_i + K sum_{j = i +- 1} Gamma(theta_j - theta_i) + sqrt(2 D) xi_i(t), with
 * Gaussian white noise xi and omega_i ~ N(0, sigma^2) drawn once per replica. Coupling functions:
 * Gamma(phi) = sin(phi - alpha) + sin(alpha) (Sakaguchi; alpha measures the non-oddity) and
 * Gamma(phi) = sin(phi) + c (1 - cos(phi)); both are A sin(phi) + B (1 - cos(phi)) with (A, B) =
 * (cos alpha, sin alpha) or (1, c), and Gamma(0) = 0. Phases are never wrapped, so h_i(t) =
 * theta_i(t) is a growing interface with width W(t) = sqrt(mean (h_i - mean h)^2).
 *
 * <p>Known growth laws (checked by the tests): random deposition W ~ t^(1/2) without coupling
 * under noise; W = sigma t exactly without coupling under columnar disorder; Edwards-Wilkinson
 * W ~ t^(1/4) for strong coupling and weak noise; W ~ t^(3/4) for the linear equation with columnar
 * noise; KPZ W ~ t^(1/3) for non-odd coupling with noise. See T. Kuramoto, Chemical Oscillations,
 * Waves and Turbulence (1984); A.-L. Barabasi and H. E. Stanley, Fractal Concepts in Surface Growth
 * (1995); and for the chain as an interface R. Gutierrez and R. Cuerno, Phys. Rev. E 102, 052212 (2020).
 *
 * <p>Integrators (from {@code io.phasesweep.ode}, chosen by the {@code integrator} parameter): RK4
 * without noise; stochastic Heun (predictor-corrector with the same noise increment, weak order 2
 * for additive noise) or Euler-Maruyama with noise. Phase slips are counted after every step.
 */
package io.phasesweep.kuramoto;
