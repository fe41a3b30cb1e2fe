/**
 * The Vicsek model of self-propelled particles: the model {@code vicsek}
 * ({@link io.phasesweep.vicsek.VicsekModelType}, {@link io.phasesweep.vicsek.VicsekModel}) and its
 * neighbour search ({@link io.phasesweep.vicsek.CellList}).
 *
 * <p>N particles in a periodic L x L box, L = sqrt(N / rho), move at constant speed v0 and align
 * with the particles within distance 1 (the unit of length), themselves included. With the
 * heading theta_i as the unit vector e(theta_i) = (cos theta_i, sin theta_i), one time step is
 * synchronous:
 * <pre>
 *   S_i(t)         = sum over j with |x_j(t) - x_i(t)| &lt;= 1 of e(theta_j(t))     (i included, nearest periodic image)
 *   theta_i(t + 1) = arg S_i(t) + eta xi_i,                 xi_i uniform in [-1/2, 1/2)   (angular noise)
 *   theta_i(t + 1) = arg [S_i(t) + (eta / 2 pi) n_i(t) u_i],  u_i a uniform unit vector  (vectorial noise)
 *   x_i(t + 1)     = x_i(t) + v0 e(theta_i(t + 1))
 * </pre>
 * with n_i the number of terms in S_i. All new headings come from the old positions and headings;
 * then every particle moves with its new heading (the convention of Gregoire and Chate and of most
 * later work). Vicsek et al. write the move as x_i(t + 1) = x_i(t) + v_i(t) dt, and papers differ in
 * which heading, before or after the update, they take that to be: compare conventions before
 * comparing numbers. eta runs from 0 (no noise) to
 * 2 pi (angular noise: the new heading is uniformly random). eta / 2 pi is the eta of Gregoire and
 * Chate, who write the angular noise as eta times a number uniform in [-pi, pi].
 *
 * <p>Order parameter: phi = |sum_i v_i| / (N v0) = |sum_i e(theta_i)| / N, 1 for a flock moving as
 * one; for N independent uniform headings E[phi^2] = 1/N and E[phi] = sqrt(pi / (4N)) (phi is then
 * Rayleigh distributed for large N). Derived: the Binder cumulant 1 - [phi^4] / (3 [phi^2]^2), 2/3
 * deep in the ordered phase and 1 - 2/3 = 1/3 for random headings (E[phi^4] = 2/N^2 for large N), and
 * the susceptibility N ([phi^2] - [phi]^2).
 *
 * <p>Vicsek et al. found the order vanishing continuously at a noise eta_c(rho); Gregoire and Chate
 * argued that for large enough systems the onset is discontinuous, with travelling bands, for both
 * noises, the crossover size growing as v0 decreases.
 *
 * <p>References: T. Vicsek, A. Czirok, E. Ben-Jacob, I. Cohen and O. Shochet, Phys. Rev. Lett. 75,
 * 1226 (1995); G. Gregoire and H. Chate, Phys. Rev. Lett. 92, 025702 (2004); H. Chate, F. Ginelli,
 * G. Gregoire and F. Raynaud, Phys. Rev. E 77, 046113 (2008); G. Baglietto and E. V. Albano, Phys.
 * Rev. E 78, 021125 (2008).
 */
package io.phasesweep.vicsek;
