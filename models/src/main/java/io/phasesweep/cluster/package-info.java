/**
 * Cluster updates (U. Wolff, Phys. Rev. Lett. 62, 361 (1989)): grow a cluster of like spins from a
 * random seed, adding each aligned neighbour with probability p = 1 - exp(-2 beta J) (Ising) or
 * 1 - exp(-beta J) (Potts), then flip it as a whole. Detailed balance holds because the bonds left
 * out of the cluster carry exactly the Boltzmann weight of the flip.
 */
package io.phasesweep.cluster;
