package io.phasesweep.ising;

import io.phasesweep.cluster.ClusterSweeps;
import io.phasesweep.cluster.WolffClusterUpdate;
import io.phasesweep.lattice.SquareLattice;
import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.UniformThreshold;
import io.phasesweep.order.OrderParameter;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.function.IntSupplier;

/**
 * State and updates of one 2D Ising replica. Spins are bytes (+1/-1); updates allocate nothing.
 * Every flip updates the bond sum and the magnetisation by what it changed, so measuring after a
 * sweep reads two counters instead of passing over the lattice twice.
 */
public final class Ising2D implements Model {

    /** How a unit of work ({@link #advance()}) updates the lattice. */
    public enum Algorithm { METROPOLIS, WOLFF }

    private final int size;
    private final int sites;
    private final double coupling;
    private final double field;
    private final Algorithm algorithm;
    private final UniformRandomProvider rng;
    private final byte[] spin;
    private final int[] neighbours;
    /**
     * threshold[(s + 1) / 2 * 5 + (sum of neighbours + 4) / 2] for flipping s: the acceptance
     * min(1, exp(-dE/T)) as a {@link UniformThreshold}.
     */
    private final long[] threshold = new long[10];
    private final ClusterSweeps clusterSweeps;
    private final WolffClusterUpdate wolff;
    private final IntSupplier flipCluster;
    /** Sum over bonds of s_i s_j, each bond once: kept by every flip. */
    private long bonds;
    /** Sum of the spins: kept by every flip. */
    private long magnetisation;

    public Ising2D(int size, double temperature, double coupling, double field, Algorithm algorithm,
                   boolean orderedStart, UniformRandomProvider rng) {
        SquareLattice lattice = new SquareLattice(size);
        this.size = size;
        this.sites = lattice.sites();
        this.coupling = coupling;
        this.field = field;
        this.algorithm = algorithm;
        this.rng = rng;
        this.neighbours = lattice.neighbourTable();
        this.spin = new byte[sites];
        for (int i = 0; i < sites; i++) {
            spin[i] = orderedStart || rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        double beta = 1.0 / temperature;
        for (int s = -1; s <= 1; s += 2) {
            for (int nn = -4; nn <= 4; nn += 2) {
                double dE = 2.0 * s * (coupling * nn + field);
                // StrictMath: the same bits on every JVM and CPU, so runs are reproducible anywhere.
                threshold[(s + 1) / 2 * 5 + (nn + 4) / 2] =
                        UniformThreshold.of(dE <= 0 ? 1.0 : StrictMath.exp(-beta * dE));
            }
        }
        this.clusterSweeps = new ClusterSweeps(sites);
        // The cluster machinery (a stack of N ints) only where it is used.
        this.wolff = algorithm == Algorithm.WOLFF ? new WolffClusterUpdate(spin, neighbours,
                SquareLattice.COORDINATION, -StrictMath.expm1(-2.0 * beta * coupling), rng) : null;
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
        bonds = bondSum();
        magnetisation = spinSum();
    }

    @Override
    public void advance() {
        if (algorithm == Algorithm.METROPOLIS) {
            metropolisSweep();
        } else {
            clusterSweeps.sweep(flipCluster);
        }
    }

    @Override
    public void startMeasuring() {
        clusterSweeps.freeze();
    }

    /**
     * One checkerboard sweep: every site once, sublattice (x + y even) first. The row's two edge
     * columns are peeled off so the interior loop has plain i +- 1 neighbours: linear indices the
     * JIT can prove in bounds, and no wrap-around branches.
     */
    public void metropolisSweep() {
        int last = size - 1;
        // The flips' changes, summed in a local (a register) rather than in the fields: see attempt().
        long changes = 0;
        for (int parity = 0; parity < 2; parity++) {
            for (int y = 0; y < size; y++) {
                int row = y * size;
                int up = ((y + size - 1) % size) * size;
                int down = ((y + 1) % size) * size;
                int x = (y + parity) & 1;
                if (x == 0) {
                    changes += attempt(row, row + last, row + 1, up, down);
                    x = 2;
                }
                for (; x < last; x += 2) {
                    int i = row + x;
                    changes += attempt(i, i - 1, i + 1, up + x, down + x);
                }
                if (x == last) {
                    changes += attempt(row + last, row + last - 1, row, up + last, down + last);
                }
            }
        }
        // changes = (sum of s nn) 2^32 + sum of s over the flipped spins, |sum of s| <= N < 2^31.
        int spinSum = (int) changes;
        bonds -= 2 * ((changes - spinSum) >> 32);
        magnetisation -= 2L * spinSum;
    }

    /**
     * Metropolis step of site i; downhill moves need no random number. Returns s nn 2^32 + s for a
     * flip of spin s with neighbour sum nn (it changes the bond sum by -2 s nn and the
     * magnetisation by -2 s), 0 otherwise: one number the sweep sums in a register.
     */
    private long attempt(int i, int left, int right, int up, int down) {
        int s = spin[i];
        int nn = spin[left] + spin[right] + spin[up] + spin[down];
        long t = threshold[((s + 1) >> 1) * 5 + ((nn + 4) >> 1)];
        if (t == UniformThreshold.CERTAIN || UniformThreshold.below(rng, t)) {
            spin[i] = (byte) -s;
            return ((long) (s * nn) << 32) + s;
        }
        return 0;
    }

    /** Total energy -J sum s_i s_j - h sum s_i, each bond counted once. */
    public double energy() {
        return -coupling * bonds - field * magnetisation;
    }

    public long magnetisation() {
        return magnetisation;
    }

    /** Sum over bonds of s_i s_j, each bond counted once (right and down), from the spins. */
    long bondSum() {
        long sum = 0;
        for (int i = 0; i < sites; i++) {
            int base = SquareLattice.COORDINATION * i;
            sum += spin[i] * (spin[neighbours[base]] + spin[neighbours[base + 2]]);
        }
        return sum;
    }

    /** Sum of the spins, from the spins. */
    long spinSum() {
        long m = 0;
        for (int i = 0; i < sites; i++) {
            m += spin[i];
        }
        return m;
    }

    /** The bond sum the flips have kept, for tests against {@link #bondSum()}. */
    long keptBondSum() {
        return bonds;
    }

    @Override
    public void measure(Recorder out) {
        double m = (double) magnetisation() / sites;
        OrderParameter.record(out, energy() / sites, Math.abs(m));
        out.record(Ising2DType.MAGNETIZATION, m);
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

    /** Spins flipped by Wolff clusters so far (0 for Metropolis): the work done, for benchmarks. */
    public long clusterSpinsFlipped() {
        return clusterSweeps.spinsFlipped();
    }

    /** A copy of the spins, for tests. */
    public byte[] spins() {
        return spin.clone();
    }
}
