/**
 * Spin glasses: the Sherrington-Kirkpatrick (SK) model.
 *
 * <p>N Ising spins s_i = +-1 with quenched all-to-all couplings J_ij = J_ji, J_ii = 0,
 * <pre>
 *   H = -sum_{i<j} J_ij s_i s_j,   e = H / N,
 * </pre>
 * J_ij independent with mean 0 and variance 1/N: Gaussian, or +-1/sqrt(N) ("pm_j"). Units: k_B = 1,
 * T in units of the coupling scale; the spin-glass transition is at T_c = 1 (D. Sherrington and
 * S. Kirkpatrick, Phys. Rev. Lett. 35, 1792 (1975)), with no magnetised phase at zero mean coupling.
 *
 * <p>Update: Metropolis, sites in index order; a flip of s_i changes the energy by dE = 2 s_i h_i
 * with the local field h_i = sum_j J_ij s_j, which every accepted flip updates for all N spins
 * (O(N) per flip, O(N^2) memory for the matrix, stored as floats). Two real replicas a and b share
 * the couplings and are simulated independently; their overlap q = (1/N) sum_i s_i^a s_i^b is the
 * order parameter. Parallel tempering over T (K. Hukushima and K. Nemoto, J. Phys. Soc. Jpn. 65,
 * 1604 (1996)) moves the pair as one configuration of weight exp(-(E_a + E_b)/T).
 *
 * <p>Reference values the tests and the conf use:
 * <ul>
 *   <li>T &gt; 1, N -&gt; infinity: the paramagnet, [e] = -1/(2T) (annealed average: the
 *   high-temperature expansion of the free energy, -beta f = ln 2 + beta^2/4).</li>
 *   <li>Gaussian couplings, any N, any T, in equilibrium: [e] = -(1 - [q2]) / (2T). Proof: for a
 *   Gaussian J of variance 1/N, [J f(J)] = (1/N) [df/dJ], and d&lt;s_i s_j&gt;/dJ_ij =
 *   beta (1 - &lt;s_i s_j&gt;^2), so [e] = -(beta/(2N^2)) sum_{i != j} (1 - [&lt;s_i s_j&gt;^2]); with
 *   q^2 = (1/N^2) (N + sum_{i != j} s_i^a s_j^a s_i^b s_j^b) the sum is N^2 (1 - [&lt;q^2&gt;]).
 *   The framework checks it as {@code link_relation_gap}; Katzgraber, Palassini and Young,
 *   Phys. Rev. B 63, 184422 (2001), use the same identity as an equilibration test.</li>
 *   <li>The overlap Binder parameter g = (3 - [q4]/[q2]^2) / 2 of successive N crosses at T_c = 1;
 *   near it g and N^(-1/3) N [q2] are functions of N^(1/3) (T - T_c) (mean-field finite-size
 *   scaling with the upper critical dimension: N plays L^d, nu_N = 3, chi_SG ~ N^(1/3)).</li>
 *   <li>Small N: exact Boltzmann averages by enumerating the 2^N states of one sample (the tests).</li>
 * </ul>
 */
package io.phasesweep.sk;
