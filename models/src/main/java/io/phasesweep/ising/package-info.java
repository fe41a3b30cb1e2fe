/**
 * The Ising model on the periodic square lattice.
 *
 * <p>H = -J sum_{<ij>} s_i s_j - h sum_i s_i with s_i = +-1, at temperature T (k_B = 1). Updates:
 * checkerboard Metropolis (each sweep visits the two sublattices in turn; a site's neighbours all
 * belong to the other sublattice, so the order inside one sublattice does not matter), and the
 * Wolff single-cluster algorithm (U. Wolff, Phys. Rev. Lett. 62, 361 (1989)) for h = 0, J > 0, where
 * one "sweep" flips clusters until about N spins have been flipped.
 *
 * <p>Exact results used by the tests: the critical temperature T_c = 2J / ln(1 + sqrt 2)
 * = 2.269185... and the infinite-lattice energy per spin at T_c, -sqrt(2) J (L. Onsager, Phys. Rev.
 * 65, 117 (1944)); the finite periodic lattice's partition function (B. Kaufman, Phys. Rev. 76,
 * 1232 (1949); A. E. Ferdinand and M. E. Fisher, Phys. Rev. 185, 832 (1969)).
 */
package io.phasesweep.ising;
