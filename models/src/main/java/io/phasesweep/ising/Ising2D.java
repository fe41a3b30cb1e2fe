package io.phasesweep.ising;

import io.phasesweep.lattice.SquareLattice;
import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;

import org.apache.commons.rng.UniformRandomProvider;

/** State and updates of one 2D Ising replica. Spins are bytes (+1/-1); updates allocate nothing. */
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
    // acceptance[(s + 1) / 2 * 5 + (sum of neighbours + 4) / 2] = min(1, exp(-dE / T)) for flipping s.
    private final double[] acceptance = new double[10];
    private final double addProbability;
    private final int[] clusterStack;
    // Wolff: clusters per sweep. While equilibrating, a sweep flips clusters until about N spins
    // have flipped; startMeasuring() then fixes the count. Stopping at "N spins flipped" while
    // measuring would sample at a trajectory-dependent time and over-weight states just after a
    // large cluster (inspection paradox): at L = 4, T = 3 that biases |m| by 15%.
    private long clustersPerSweep;
    private long clustersFlipped;
    private long spinsFlipped;

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
                acceptance[(s + 1) / 2 * 5 + (nn + 4) / 2] = dE <= 0 ? 1.0 : StrictMath.exp(-beta * dE);
            }
        }
        this.addProbability = -StrictMath.expm1(-2.0 * beta * coupling);
        this.clusterStack = algorithm == Algorithm.WOLFF ? new int[sites] : null;
    }

    @Override
    public void advance() {
        if (algorithm == Algorithm.METROPOLIS) {
            metropolisSweep();
        } else if (clustersPerSweep > 0) {
            for (long c = 0; c < clustersPerSweep; c++) {
                wolffCluster();
            }
        } else {
            long flipped = 0;
            while (flipped < sites) {
                flipped += wolffCluster();
            }
        }
    }

    @Override
    public void startMeasuring() {
        if (algorithm == Algorithm.WOLFF) {
            clustersPerSweep = spinsFlipped == 0 ? 1
                    : Math.max(1, Math.round((double) sites * clustersFlipped / spinsFlipped));
        }
    }

    /** One checkerboard sweep: every site once, sublattice (x + y even) first. */
    public void metropolisSweep() {
        for (int parity = 0; parity < 2; parity++) {
            for (int y = 0; y < size; y++) {
                int row = y * size;
                int up = ((y + size - 1) % size) * size;
                int down = ((y + 1) % size) * size;
                for (int x = (y + parity) & 1; x < size; x += 2) {
                    int i = row + x;
                    int left = x == 0 ? row + size - 1 : i - 1;
                    int right = x == size - 1 ? row : i + 1;
                    int s = spin[i];
                    int nn = spin[left] + spin[right] + spin[up + x] + spin[down + x];
                    double p = acceptance[((s + 1) >> 1) * 5 + ((nn + 4) >> 1)];
                    if (p >= 1.0 || rng.nextDouble() < p) {
                        spin[i] = (byte) -s;
                    }
                }
            }
        }
    }

    /** Grows and flips one Wolff cluster from a random seed site; returns its size. */
    public int wolffCluster() {
        int seed = rng.nextInt(sites);
        byte s0 = spin[seed];
        byte flippedValue = (byte) -s0;
        // Flipping on entry marks a site as visited: it no longer matches s0.
        spin[seed] = flippedValue;
        clusterStack[0] = seed;
        int top = 1;
        int clusterSize = 1;
        while (top > 0) {
            int i = clusterStack[--top];
            int base = SquareLattice.COORDINATION * i;
            for (int k = 0; k < SquareLattice.COORDINATION; k++) {
                int j = neighbours[base + k];
                if (spin[j] == s0 && rng.nextDouble() < addProbability) {
                    spin[j] = flippedValue;
                    clusterStack[top++] = j;
                    clusterSize++;
                }
            }
        }
        clustersFlipped++;
        spinsFlipped += clusterSize;
        return clusterSize;
    }

    /** Total energy -J sum s_i s_j - h sum s_i, each bond counted once (right and down). */
    public double energy() {
        long bonds = 0;
        long magnetisation = 0;
        for (int i = 0; i < sites; i++) {
            int base = SquareLattice.COORDINATION * i;
            bonds += spin[i] * (spin[neighbours[base]] + spin[neighbours[base + 2]]);
            magnetisation += spin[i];
        }
        return -coupling * bonds - field * magnetisation;
    }

    public long magnetisation() {
        long m = 0;
        for (int i = 0; i < sites; i++) {
            m += spin[i];
        }
        return m;
    }

    @Override
    public void measure(Recorder out) {
        double e = energy() / sites;
        double m = (double) magnetisation() / sites;
        double m2 = m * m;
        out.record(Ising2DType.ENERGY, e);
        out.record(Ising2DType.ENERGY2, e * e);
        out.record(Ising2DType.MAGNETIZATION, m);
        out.record(Ising2DType.ABS_MAGNETIZATION, Math.abs(m));
        out.record(Ising2DType.M2, m2);
        out.record(Ising2DType.M4, m2 * m2);
    }

    /** A copy of the spins, for tests. */
    public byte[] spins() {
        return spin.clone();
    }
}
