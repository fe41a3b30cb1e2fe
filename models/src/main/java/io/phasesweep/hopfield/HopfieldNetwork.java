package io.phasesweep.hopfield;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.UniformThreshold;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Two real replicas of a p-body Hebbian network over the same stored patterns (see the package
 * documentation for the energy and its convention). The state is the neurons of each replica and,
 * kept up to date after every accepted flip, their integer pattern overlaps M_mu = sum_i xi_i^mu s_i
 * (m_mu = M_mu / N): integers, so the bookkeeping never drifts and every zero-temperature decision
 * is exact. Nothing N x N is ever built; an update reads one neuron's P pattern bits and the P
 * overlaps, O(P), and allocates nothing.
 */
public final class HopfieldNetwork implements Model {

    private final int n;
    private final int patterns;
    private final int body;
    /**
     * xi[i * P + mu]: neuron-major, so an update (and a flip) reads its neuron's P bits
     * contiguously; pattern-major order (stride N in the random update order) took twice as long
     * per field at N = 4000, P = 400.
     */
    private final byte[] xi;
    private final double temperature;
    private final UniformRandomProvider rng;
    /** Replica r's neurons and overlaps: spin[r], overlap[r]. */
    private final byte[][] spin = new byte[2][];
    private final int[][] overlap = new int[2][];
    /** Update order of the current sweep; rebuilt from the identity every sweep, so not state. */
    private final int[] order;
    /** 1 / (p N^(p-1)): energy change = 2 G / (p N^(p-1)) for the integer G of {@link #flipGain}. */
    private final double gainScale;

    /** Sweeps run per replica (T = 0: only until its fixed point). */
    private final long[] sweeps = new long[2];
    /** Sweeps that flipped at least one neuron, per replica. */
    private final long[] activeSweeps = new long[2];
    /** T = 0: whether replica r's last sweep flipped nothing (a fixed point of the dynamics). */
    private final boolean[] fixed = new boolean[2];

    /**
     * @param xi       patterns, neuron-major: xi[i * patterns + mu] = +-1 (kept, not copied)
     * @param body        p >= 2, the order of the interaction
     * @param fromPattern both replicas start from pattern 1 (with {@code flips} cue errors); otherwise at random
     * @param flips       neurons of pattern 1 flipped in each replica (distinct, chosen at random), when started from it
     */
    HopfieldNetwork(int n, int patterns, int body, byte[] xi, double temperature, boolean fromPattern, int flips,
                    UniformRandomProvider rng) {
        if (xi.length != n * patterns || body < 2 || flips < 0 || flips > n) {
            throw new IllegalArgumentException("inconsistent network: N = " + n + ", P = " + patterns
                    + ", p = " + body + ", flips = " + flips);
        }
        this.n = n;
        this.patterns = patterns;
        this.body = body;
        this.xi = xi;
        this.temperature = temperature;
        this.rng = rng;
        this.order = new int[n];
        double scale = body;
        for (int k = 1; k < body; k++) {
            scale *= n;
        }
        this.gainScale = 1.0 / scale;
        for (int r = 0; r < 2; r++) {
            byte[] s = new byte[n];
            if (fromPattern) {
                for (int i = 0; i < n; i++) {
                    s[i] = xi[i * patterns];
                }
                // Partial Fisher-Yates: the first `flips` entries are a uniform random subset.
                identity();
                for (int k = 0; k < flips; k++) {
                    int j = k + rng.nextInt(n - k);
                    int t = order[k];
                    order[k] = order[j];
                    order[j] = t;
                    s[order[k]] = (byte) -s[order[k]];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    s[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
                }
            }
            spin[r] = s;
            overlap[r] = new int[patterns];
            recomputeOverlaps(r);
        }
    }

    private void identity() {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /** M_mu = sum_i xi_i^mu s_i from scratch. */
    private void recomputeOverlaps(int r) {
        int[] m = overlap[r];
        java.util.Arrays.fill(m, 0);
        byte[] s = spin[r];
        for (int i = 0; i < n; i++) {
            int base = i * patterns;
            int si = s[i];
            for (int mu = 0; mu < patterns; mu++) {
                m[mu] += xi[base + mu] * si;
            }
        }
    }

    /**
     * One sweep of each replica: T = 0, every neuron once in a fresh random order, aligned with its
     * local field (ties keep the state), skipping replicas already at a fixed point; T > 0, one
     * heat-bath sweep in a fresh random order.
     */
    @Override
    public void advance() {
        for (int r = 0; r < 2; r++) {
            if (temperature != 0.0 || !fixed[r]) {
                sweep(r);
            }
        }
    }

    /**
     * One sweep of replica r alone, at T = 0 also when it already sits at a fixed point (every
     * neuron's field is still evaluated): the unit a benchmark times, N neuron updates.
     */
    public void sweep(int r) {
        if (temperature == 0.0) {
            zeroTemperatureSweep(r);
        } else {
            heatBathSweep(r);
        }
    }

    /** Fisher-Yates from the identity: a uniform permutation, independent of the previous sweep's. */
    private void shuffle() {
        identity();
        for (int k = n - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }

    private void zeroTemperatureSweep(int r) {
        shuffle();
        boolean flipped = false;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            // Energy strictly decreases with every accepted flip, so the dynamics must reach a fixed point.
            if (flipGain(r, i) < 0) {
                flip(r, i);
                flipped = true;
            }
        }
        sweeps[r]++;
        if (flipped) {
            activeSweeps[r]++;
        } else {
            fixed[r] = true;
        }
    }

    /** Glauber heat bath: the neuron takes the state of its conditional Boltzmann weight, i.e. flips with 1/(1 + e^(dE/T)). */
    private void heatBathSweep(int r) {
        shuffle();
        boolean flipped = false;
        double beta = 1.0 / temperature;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double dE = 2.0 * flipGain(r, i) * gainScale;
            // StrictMath: the same bits on every JVM and CPU.
            double p = 1.0 / (1.0 + StrictMath.exp(beta * dE));
            if (UniformThreshold.below(rng, UniformThreshold.of(p))) {
                flip(r, i);
                flipped = true;
            }
        }
        sweeps[r]++;
        if (flipped) {
            activeSweeps[r]++;
        }
    }

    /**
     * The integer G with energy change 2 G / (p N^(p-1)) if neuron i of replica r flipped: with
     * t_mu = xi_i^mu s_i and M'_mu = M_mu - 2 t_mu,
     * H' - H = -(1 / (p N^(p-1))) sum_mu (M'^p - M^p) and M'^p - M^p = (M' - M) S_mu with
     * S_mu = sum_{k<p} M'^k M^(p-1-k), so G = sum_mu t_mu S_mu. Exact in long arithmetic
     * (the type refuses sizes where |G| could exceed 2^62), no pow, no cancellation.
     */
    long flipGain(int r, int i) {
        int[] m = overlap[r];
        int base = i * patterns;
        int si = spin[r][i];
        long g = 0;
        switch (body) {
            case 2 -> {
                // S = 2M - 2t, t S = 2 t M - 2: G = 2 (s_i sum xi M - P); the self-term cancels exactly.
                // |sum xi M| <= P N, which the type keeps below 2^31: an int sum, which the JIT vectorises.
                int dot = 0;
                for (int mu = 0; mu < patterns; mu++) {
                    dot += xi[base + mu] * m[mu];
                }
                g = 2 * ((long) si * dot - patterns);
            }
            case 3 -> {
                // S = 3M^2 - 6tM + 4: t S = t (3M^2 + 4) - 6M.
                for (int mu = 0; mu < patterns; mu++) {
                    long mm = m[mu];
                    int t = xi[base + mu] * si;
                    g += t * (3 * mm * mm + 4) - 6 * mm;
                }
            }
            default -> {
                for (int mu = 0; mu < patterns; mu++) {
                    long b = m[mu];
                    int t = xi[base + mu] * si;
                    long a = b - 2 * t;
                    // Horner: S_1 = 1, S_{k+1} = a S_k + b^k.
                    long sum = 1;
                    long bk = 1;
                    for (int k = 1; k < body; k++) {
                        bk *= b;
                        sum = a * sum + bk;
                    }
                    g += t * sum;
                }
            }
        }
        return g;
    }

    /** Flips neuron i of replica r and updates its P overlaps: O(P). */
    void flip(int r, int i) {
        byte[] s = spin[r];
        int[] m = overlap[r];
        int base = i * patterns;
        int twice = 2 * s[i];
        for (int mu = 0; mu < patterns; mu++) {
            m[mu] -= twice * xi[base + mu];
        }
        s[i] = (byte) -s[i];
    }

    /** T = 0: both replicas sit at a fixed point (a sweep flipped nothing). Never at T > 0. */
    @Override
    public boolean done() {
        return temperature == 0.0 && fixed[0] && fixed[1];
    }

    /** Each quantity is the mean of the two real replicas' (see {@link HopfieldNetworkType}). */
    @Override
    public void measure(Recorder out) {
        double cued = 0;
        double other = 0;
        double energy = 0;
        double retrieved = 0;
        for (int r = 0; r < 2; r++) {
            int[] m = overlap[r];
            double m1 = Math.abs((double) m[0]) / n;
            cued += m1;
            retrieved += m1 > HopfieldNetworkType.RETRIEVAL_THRESHOLD ? 1 : 0;
            int largest = 0;
            for (int mu = 1; mu < patterns; mu++) {
                largest = Math.max(largest, Math.abs(m[mu]));
            }
            other += (double) largest / n;
            energy += energyPerNeuron(r);
        }
        long same = 0;
        byte[] a = spin[0];
        byte[] b = spin[1];
        for (int i = 0; i < n; i++) {
            same += a[i] * b[i];
        }
        out.record(HopfieldNetworkType.OVERLAP, cued / 2);
        out.record(HopfieldNetworkType.MAX_OTHER_OVERLAP, other / 2);
        out.record(HopfieldNetworkType.ENERGY, energy / 2);
        out.record(HopfieldNetworkType.Q, (double) same / n);
        out.record(HopfieldNetworkType.RETRIEVED, retrieved / 2);
    }

    /** H / N = -(1/p) sum_mu m_mu^p, from the kept overlaps. */
    double energyPerNeuron(int r) {
        double sum = 0;
        for (int mu = 0; mu < patterns; mu++) {
            double x = (double) overlap[r][mu] / n;
            double power = x;
            for (int k = 1; k < body; k++) {
                power *= x;
            }
            sum += power;
        }
        return -sum / body;
    }

    /**
     * Sweeps that flipped a neuron before the fixed point, mean of the two replicas (T = 0); NaN
     * at T > 0, or when a replica reached the sweep cap without a fixed point. And P.
     */
    @Override
    public void finish(Recorder out) {
        double toFixedPoint = temperature == 0.0 && fixed[0] && fixed[1]
                ? (activeSweeps[0] + activeSweeps[1]) / 2.0 : Double.NaN;
        out.record(HopfieldNetworkType.SWEEPS_TO_FIXED_POINT, toFixedPoint);
        out.record(HopfieldNetworkType.PATTERNS, patterns);
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** Neurons, overlaps and counters of both replicas; the patterns come again from the disorder seed. */
    @Override
    public void checkpoint(StateWriter out) {
        for (int r = 0; r < 2; r++) {
            out.bytes(spin[r]).ints(overlap[r]);
        }
        out.longs(sweeps).longs(activeSweeps).booleans(fixed);
    }

    @Override
    public void restore(StateReader in) {
        for (int r = 0; r < 2; r++) {
            in.bytes(spin[r]);
            in.ints(overlap[r]);
        }
        in.longs(sweeps);
        in.longs(activeSweeps);
        in.booleans(fixed);
    }

    // --- for tests ---

    int size() {
        return n;
    }

    int patternCount() {
        return patterns;
    }

    /** A copy of replica r's overlaps M_mu (integers; m_mu = M_mu / N). */
    int[] overlaps(int r) {
        return overlap[r].clone();
    }

    /** Replica r's overlaps recomputed from its neurons, without touching the kept ones. */
    int[] overlapsFromScratch(int r) {
        int[] m = new int[patterns];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < patterns; mu++) {
                m[mu] += xi[i * patterns + mu] * spin[r][i];
            }
        }
        return m;
    }

    /** H = -N sum_mu (1/p) m_mu^p of replica r, from its neurons alone (Math.pow; tests only). */
    double energyFromScratch(int r) {
        int[] m = overlapsFromScratch(r);
        double sum = 0;
        for (int mu = 0; mu < patterns; mu++) {
            sum += Math.pow((double) m[mu] / n, body) / body;
        }
        return -n * sum;
    }

    /** The energy change of flipping neuron i of replica r, from the overlaps. */
    double flipEnergyChange(int r, int i) {
        return 2.0 * flipGain(r, i) * gainScale;
    }

    /** A copy of the patterns, neuron-major. */
    byte[] patternBits() {
        return xi.clone();
    }

    byte[] spins(int r) {
        return spin[r].clone();
    }

    long activeSweeps(int r) {
        return activeSweeps[r];
    }
}
