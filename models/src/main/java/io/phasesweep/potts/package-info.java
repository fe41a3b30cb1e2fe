/**
 * The q-state Potts model on the periodic square lattice.
 *
 * <p>H = -J sum_{<ij>} delta(s_i, s_j), s_i in {0, ..., q-1}, at temperature T (k_B = 1). Updates:
 * checkerboard Metropolis (propose a uniformly random other state) and Wolff clusters (add aligned
 * neighbours with p = 1 - exp(-J/T), move the cluster to a random other state). The order parameter
 * is the magnitude of m = (1/N) sum_i exp(2 pi i s_i / q); for q = 2 it is the Ising |m|.
 *
 * <p>Exact results (F. Y. Wu, Rev. Mod. Phys. 54, 235 (1982); R. J. Baxter, J. Phys. C 6, L445
 * (1973)): T_c = J / ln(1 + sqrt q); the transition is continuous for q <= 4 with nu = 5/6 for
 * q = 3 and 2/3 for q = 4; the energy per spin at T_c is -J (1 + 1/sqrt q); q = 2 is the Ising model
 * with K_Ising = K_Potts / 2.
 */
package io.phasesweep.potts;
