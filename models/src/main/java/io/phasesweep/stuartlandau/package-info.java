/**
 * Limit-cycle oscillators: a ring of N Stuart-Landau oscillators, the lattice complex
 * Ginzburg-Landau equation, with noise and/or quenched (columnar) random frequencies.
 *
 * <p>dA_j/dt = (1 + i omega_j) A_j - (1 + i c2) |A_j|^2 A_j + K (1 + i c1) (A_{j+1} + A_{j-1} - 2 A_j)
 * + sqrt(2 D) (xi_j + i eta_j), with independent Gaussian white noises xi, eta (each real part gets
 * kuramoto1d's sqrt(2 D) xi) and omega_j ~ N(0, sigma^2) drawn once per replica. c1 is the linear
 * dispersion, c2 the non-isochronicity (the amplitude dependence of the frequency). The interface
 * is the phase h_j = arg A_j, unwrapped in time by continuity: a winding number per oscillator,
 * changed when A_j passes the negative real axis within a step. A pair whose phase difference
 * passes +-pi slips.
 *
 * <p>Limit cycle. Alone and without noise, A = R exp(i phi) obeys dR/dt = R (1 - R^2) and
 * dphi/dt = omega_j - c2 R^2: R = 1 whatever omega_j (it multiplies i A: it turns A, never
 * stretches it), and the phase turns at omega_j - c2. A flat start (A_j = 1) without noise or
 * disorder stays synchronised on it: A_j(t) = exp(-i c2 t) exactly.
 *
 * <p>Phase reduction (Y. Kuramoto, Chemical Oscillations, Waves, and Turbulence (Springer, 1984),
 * ch. 2 and 4; I. S. Aranson and L. Kramer, Rev. Mod. Phys. 74, 99 (2002), for the continuum
 * equation). For slowly varying phases the ring is dh/dt = omega_j - c2 + nu h'' + (lambda/2) h'^2
 * + sqrt(2 D_h) xi with
 * <ul>
 *   <li>lambda = 2 K (c2 - c1), from the plane waves A_j = R exp(i (q j + Omega t)), exact solutions
 *   of the ring: R^2 = 1 - K kappa and Omega = omega - c2 + K (c2 - c1) kappa with kappa = 2 - 2 cos q
 *   ~ q^2, which is (lambda/2) (h')^2 at h' = q. (With h = -arg A, or the conjugate equation, the
 *   sign flips, giving the form 2 K (c1 - c2) that issue 25 quotes. The sign only maps h to -h:
 *   the growth class and g do not depend on it.)</li>
 *   <li>nu = K (1 + c1 c2), from the linearisation about the synchronised state. With
 *   A_j = (1 + r_j) exp(i (phi_j + (omega - c2) t)) and (r, phi) ~ exp(i q j),
 *   d/dt (r, phi) = M (r, phi), M = [[-(2 + K kappa), K kappa c1], [-(2 c2 + K kappa c1), -K kappa]]:
 *   the amplitude relaxes at rate 2, and the slow eigenvalue is
 *   -K kappa (1 + c1 c2) + O(kappa^2), the diffusion of the phase. nu <= 0 is the Benjamin-Feir
 *   instability (phase turbulence): no continuum limit, the coefficients below are NaN.</li>
 *   <li>D_h = D (1 + c2^2), not D alone. The noise's component across A_j moves the phase
 *   directly, with strength D / |A|^2 = D on the limit cycle; the component along A_j moves the
 *   amplitude, and a non-isochronous oscillator (c2 != 0) turns amplitude into phase: with
 *   M at kappa = 0, r relaxes at rate 2 while phi drifts at -2 c2 r, so the slow variable is
 *   psi = phi - c2 r (the left null vector (-c2, 1) of M), whose noise is sqrt(2 D)
 *   (dW_phi - c2 dW_r): variance 2 D (1 + c2^2) dt. Uncoupled phases started on the limit
 *   cycle therefore spread as &lt;h^2&gt; = 2 D [t + c2^2 (t - (1 - e^(-2t)) + (1 - e^(-4t))/4)]
 *   to first order in D, 2 D (1 + c2^2) t - (3/2) D c2^2 for t &gt;&gt; 1, which the tests check.</li>
 *   <li>The frequencies omega_j enter the phase equation unchanged (they only turn A_j): columnar
 *   disorder of spread sigma, as in kuramoto1d.</li>
 * </ul>
 * So c1 = c2 is Edwards-Wilkinson (lambda = 0) however large c1, |c1 - c2| with 1 + c1 c2 > 0 adds the
 * KPZ non-linearity, and without coupling the phases grow as random deposition (noise) or
 * linearly (disorder: h_j = (omega_j - c2) t, W = sd(omega) t exactly). The KPZ coupling
 * g = lambda^2 D_h / nu^3 and the crossover time t_x = nu^5 / (D_h^2 lambda^4) follow from these
 * coefficients by {@link io.phasesweep.kuramoto.ContinuumCoefficients}. The reduction needs |A|
 * near 1 (observables {@code amplitude}, {@code min_amplitude}) and phase gradients inside the
 * band where plane waves are stable (Eckhaus: q^2 &lt; (1 + c1 c2) / (3 + c1 c2 + 2 c2^2) in the
 * continuum limit). With c2 != 0 the noise on the phases grows as the band narrows: a ring with
 * c1 = 0, c2 = 3, D = 0.005 (slope spread 0.22 rad against a band of 0.22) broke up into slips
 * by t ~ 250, where c1 = -3, c2 = 0, D = 0.05 (the same nu, |lambda| and noise_eff) stays synchronised.
 *
 * <p>Integrators: those of {@code io.phasesweep.ode} on the 2N real components, chosen as
 * kuramoto1d chooses them (stochastic Heun with noise, RK4 without). The drift has no
 * trigonometry; the windings are tracked after every step by sign tests.
 */
package io.phasesweep.stuartlandau;
