package io.phasesweep.potts;

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

/** One 2D q-state Potts replica (J = 1). States are bytes 0..q-1; updates allocate nothing. */
public final class Potts2D implements Model {
    /** How a unit of work updates the lattice. */
    public enum Algorithm { METROPOLIS, WOLFF }

    private final int size;
    private final int sites;
    private final int q;
    private final Algorithm algorithm;
    private final UniformRandomProvider rng;
    private final byte[] spin;
    private final int[] neighbours;
    // threshold[(aligned neighbours in new state) - (in old state) + 4]: min(1, exp(-dE / T)),
    // as a UniformThreshold.
    private final long[] threshold = new long[9];
    private final double[] cos;
    private final double[] sin;
    private final int[] counts;
    private final ClusterSweeps clusterSweeps;
    private final IntSupplier flipCluster;

    public Potts2D(int size, int q, double temperature, Algorithm algorithm, boolean orderedStart, UniformRandomProvider rng) {
        SquareLattice lattice = new SquareLattice(size);
        this.size = size;
        this.sites = lattice.sites();
        this.q = q;
        this.algorithm = algorithm;
        this.rng = rng;
        this.neighbours = lattice.neighbourTable();
        this.spin = new byte[sites];
        for (int i = 0; i < sites; i++) {
            spin[i] = orderedStart ? 0 : (byte) rng.nextInt(q);
        }
        for (int d = -4; d <= 4; d++) {
            // dE = -(aligned after - aligned before) J
            threshold[d + 4] = UniformThreshold.of(d >= 0 ? 1.0 : StrictMath.exp(d / temperature));
        }
        cos = new double[q];
        sin = new double[q];
        for (int s = 0; s < q; s++) {
            cos[s] = StrictMath.cos(2 * Math.PI * s / q);
            sin[s] = StrictMath.sin(2 * Math.PI * s / q);
        }
        counts = new int[q];
        this.clusterSweeps = new ClusterSweeps(sites);
        // The cluster machinery (a stack of N ints) only where it is used.
        if (algorithm == Algorithm.WOLFF) {
            WolffClusterUpdate wolff = new WolffClusterUpdate(spin, neighbours, SquareLattice.COORDINATION,
                    -StrictMath.expm1(-1.0 / temperature), rng);
            this.flipCluster = () -> wolff.flipPotts(q);
        } else {
            this.flipCluster = null;
        }
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

    /** Checkerboard sweep; each site proposes a uniformly random state different from its own. */
    private void metropolisSweep() {
        for (int parity = 0; parity < 2; parity++) {
            for (int y = 0; y < size; y++) {
                for (int x = (y + parity) & 1; x < size; x += 2) {
                    int i = y * size + x;
                    int b = SquareLattice.COORDINATION * i;
                    int old = spin[i];
                    int proposal = rng.nextInt(q - 1);
                    if (proposal >= old) {
                        proposal++;
                    }
                    int gain = 0;
                    for (int k = 0; k < SquareLattice.COORDINATION; k++) {
                        int s = spin[neighbours[b + k]];
                        gain += (s == proposal ? 1 : 0) - (s == old ? 1 : 0);
                    }
                    long t = threshold[gain + 4];
                    if (t == UniformThreshold.CERTAIN || UniformThreshold.below(rng, t)) {
                        spin[i] = (byte) proposal;
                    }
                }
            }
        }
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** The states and the cluster counters; the Wolff stack and the measurement counts are scratch. */
    @Override
    public void checkpoint(StateWriter out) {
        out.bytes(spin);
        clusterSweeps.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        in.bytes(spin);
        clusterSweeps.restore(in);
    }

    /** Number of aligned bonds, each bond once (right and down neighbours). */
    public long alignedBonds() {
        long aligned = 0;
        for (int i = 0; i < sites; i++) {
            int b = SquareLattice.COORDINATION * i;
            aligned += (spin[neighbours[b]] == spin[i] ? 1 : 0) + (spin[neighbours[b + 2]] == spin[i] ? 1 : 0);
        }
        return aligned;
    }

    @Override
    public void measure(Recorder out) {
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < sites; i++) {
            counts[spin[i]]++;
        }
        double mx = 0;
        double my = 0;
        for (int s = 0; s < q; s++) {
            mx += counts[s] * cos[s];
            my += counts[s] * sin[s];
        }
        OrderParameter.record(out, -(double) alignedBonds() / sites, Math.hypot(mx, my) / sites);
    }
}
