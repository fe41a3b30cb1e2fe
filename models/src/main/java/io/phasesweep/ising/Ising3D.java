package io.phasesweep.ising;

import io.phasesweep.cluster.ClusterSweeps;
import io.phasesweep.cluster.WolffClusterUpdate;
import io.phasesweep.lattice.SimpleCubicLattice;
import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.UniformThreshold;
import io.phasesweep.order.OrderParameter;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.function.IntSupplier;

/**
 * One 3D Ising replica on the simple cubic lattice (J = 1), at coupling K = J/T. Byte spins. Every
 * flip updates the bond sum and the magnetisation, so measuring reads two counters.
 */
public final class Ising3D implements Model {
    private static final int Z = SimpleCubicLattice.COORDINATION;

    private final int sites;
    private final Ising2D.Algorithm algorithm;
    private final UniformRandomProvider rng;
    private final byte[] spin;
    private final int[] neighbours;
    private final int[][] sublattices;
    // threshold[(s + 1) / 2 * 13 + (sum of neighbours + 6)]: min(1, exp(-2 K s nn)) as a UniformThreshold.
    private final long[] threshold = new long[26];
    private final ClusterSweeps clusterSweeps;
    private final WolffClusterUpdate wolff;
    private final IntSupplier flipCluster;
    /** Sum over bonds of s_i s_j, each bond once: kept by every flip. */
    private long bonds;
    /** Sum of the spins: kept by every flip. */
    private long magnetisation;

    public Ising3D(int size, double coupling, Ising2D.Algorithm algorithm, boolean orderedStart, UniformRandomProvider rng) {
        SimpleCubicLattice lattice = new SimpleCubicLattice(size);
        this.sites = lattice.sites();
        this.algorithm = algorithm;
        this.rng = rng;
        this.neighbours = lattice.neighbourTable();
        this.sublattices = new int[][]{lattice.sublattice(0), lattice.sublattice(1)};
        this.spin = new byte[sites];
        for (int i = 0; i < sites; i++) {
            spin[i] = orderedStart || rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        for (int s = -1; s <= 1; s += 2) {
            for (int nn = -Z; nn <= Z; nn++) {
                double dE = 2.0 * s * nn;
                threshold[(s + 1) / 2 * 13 + nn + Z] =
                        UniformThreshold.of(dE <= 0 ? 1.0 : StrictMath.exp(-coupling * dE));
            }
        }
        this.clusterSweeps = new ClusterSweeps(sites);
        // The cluster machinery (a stack of N ints) only where it is used.
        this.wolff = algorithm == Ising2D.Algorithm.WOLFF
                ? new WolffClusterUpdate(spin, neighbours, Z, -StrictMath.expm1(-2.0 * coupling), rng) : null;
        this.flipCluster = wolff == null ? null : this::flipWolffCluster;
        recount();
    }

    private int flipWolffCluster() {
        int size = wolff.flipIsing();
        bonds += wolff.bondChange();
        magnetisation += wolff.magnetisationChange();
        return size;
    }

    /** The bond sum and the magnetisation from the spins: once at the start and after a restore. */
    private void recount() {
        long[] counted = countedSums();
        bonds = counted[0];
        magnetisation = counted[1];
    }

    /** {bond sum, magnetisation} counted over the spins (not per update). */
    long[] countedSums() {
        long m = 0;
        for (int i = 0; i < sites; i++) {
            m += spin[i];
        }
        return new long[]{-bondEnergy(), m};
    }

    @Override
    public void advance() {
        if (algorithm == Ising2D.Algorithm.METROPOLIS) {
            metropolisSweep();
        } else {
            clusterSweeps.sweep(flipCluster);
        }
    }

    @Override
    public void startMeasuring() {
        clusterSweeps.freeze();
    }

    /** Every site once, sublattice (x + y + z even) first. */
    private void metropolisSweep() {
        for (int[] sub : sublattices) {
            for (int i : sub) {
                int b = Z * i;
                int nn = spin[neighbours[b]] + spin[neighbours[b + 1]] + spin[neighbours[b + 2]]
                        + spin[neighbours[b + 3]] + spin[neighbours[b + 4]] + spin[neighbours[b + 5]];
                int s = spin[i];
                long t = threshold[((s + 1) >> 1) * 13 + nn + Z];
                if (t == UniformThreshold.CERTAIN || UniformThreshold.below(rng, t)) {
                    spin[i] = (byte) -s;
                    bonds -= 2 * s * nn;
                    magnetisation -= 2 * s;
                }
            }
        }
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** The spins and the cluster counters; the Wolff stack is scratch, emptied by every cluster. */
    @Override
    public void checkpoint(StateWriter out) {
        out.bytes(spin);
        clusterSweeps.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        in.bytes(spin);
        clusterSweeps.restore(in);
        recount();
    }

    /** Energy in units of J: -sum over bonds s_i s_j, each bond once (the +x, +y, +z neighbours), from the spins. */
    public long bondEnergy() {
        long bonds = 0;
        for (int i = 0; i < sites; i++) {
            int b = Z * i;
            bonds += spin[i] * (spin[neighbours[b]] + spin[neighbours[b + 2]] + spin[neighbours[b + 4]]);
        }
        return -bonds;
    }

    @Override
    public void measure(Recorder out) {
        double mag = (double) magnetisation / sites;
        OrderParameter.record(out, (double) -bonds / sites, Math.abs(mag));
        out.record(Ising2DType.MAGNETIZATION, mag);
    }

    /** {bond sum, magnetisation} as the flips have kept them, for tests against {@link #countedSums()}. */
    long[] keptSums() {
        return new long[]{bonds, magnetisation};
    }
}
