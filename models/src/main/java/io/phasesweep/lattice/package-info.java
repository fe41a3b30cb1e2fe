/** Periodic lattices: site indexing and neighbour tables shared by the lattice models. */
package io.phasesweep.lattice;
