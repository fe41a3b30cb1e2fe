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
 * <p>{@link io.phasesweep.kuramoto.KuramotoSquareLattice} ({@code kuramoto2d}) is the same equation on an
 * L x L periodic square lattice, sum over the four nearest neighbours. For slowly varying phases it
 * is dh/dt = nu Laplacian h + (lambda/2) |grad h|^2 + noise with the ring's nu and lambda, and
 * g = lambda^2 D / nu^3 is dimensionless. Odd coupling gives the 2D Edwards-Wilkinson interface,
 * which roughens logarithmically, W^2 = (D / (4 pi nu)) ln t + const (checked against the exact
 * lattice sums). The 2D KPZ class has beta = 0.2415(15), alpha = 0.393(4) (J. Kelling and G. Odor,
 * Phys. Rev. E 84, 061150 (2011); T. Halpin-Healy, Phys. Rev. Lett. 109, 170602 (2012) and Phys.
 * Rev. E 88, 042118 (2013)), but in d = 2 the KPZ coupling is marginal: the crossover to it takes
 * t ~ exp(16 pi / g) / nu at one loop, and a lattice with g large enough to cross over within
 * reach desynchronises explosively first, through vortices and phase slips (R. Lauter, A. Mitra
 * and F. Marquardt, Phys. Rev. E 96, 012220 (2017)). The tests show both.
 *
 * <p>Integrators (from {@code io.phasesweep.ode}, chosen by the {@code integrator} parameter): RK4
 * without noise; stochastic Heun (predictor-corrector with the same noise increment, weak order 2
 * for additive noise) or Euler-Maruyama with noise. Phase slips are counted after every step.
 */
package io.phasesweep.kuramoto;
