package io.phasesweep.sk;

import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.TemperedModel;
import io.phasesweep.model.UniformThreshold;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Two real replicas a and b of the Sherrington-Kirkpatrick model on the same couplings, at one
 * temperature (see the package documentation). The state is each replica's spins and, kept up to
 * date after every accepted flip, its local fields h_i = sum_j J_ij s_j: a flip of spin i costs
 * dE = 2 s_i h_i and updates the N fields from row i of J, O(N), allocation-free.
 *
 * <p>For parallel tempering the two replicas travel together: a member is the pair, its weight the
 * product exp(-(E_a + E_b) / T), so {@link #logWeightRatio} is -(1/T' - 1/T)(E_a + E_b) and an
 * accepted exchange moves both replicas (detailed balance for the product measure, whose marginals
 * are the two independent Boltzmann distributions the overlap needs).
 */
final class SherringtonKirkpatrick implements TemperedModel {

    /** The largest double below 1: where q = 1 is counted in P(q). */
    private static final double Q_TOP = Math.nextDown(1.0);

    private final int n;
    private final CouplingMatrix couplings;
    private final float[] j;
    private final UniformRandomProvider rng;
    /** spin[r][i] = +-1, replica r = 0 (a) or 1 (b). */
    private final byte[][] spin = new byte[2][];
    /** field[r][i] = sum_j J_ij spin[r][j], updated incrementally. */
    private final double[][] field = new double[2][];
    private double temperature;
    private double beta;

    SherringtonKirkpatrick(CouplingMatrix couplings, double temperature, UniformRandomProvider rng) {
        this.n = couplings.n;
        this.couplings = couplings;
        this.j = couplings.j;
        this.rng = rng;
        setTemperature(temperature);
        for (int r = 0; r < 2; r++) {
            byte[] s = new byte[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
            }
            spin[r] = s;
            field[r] = fieldsFromScratch(r);
        }
    }

    private void setTemperature(double t) {
        this.temperature = t;
        this.beta = 1.0 / t;
    }

    /** One Metropolis sweep of each replica, a then b, sites in index order. */
    @Override
    public void advance() {
        sweep(0);
        sweep(1);
    }

    /**
     * Sites 0..N-1 once each: a flip that does not raise the energy is taken without a draw,
     * otherwise with probability exp(-dE/T). A sequential sweep keeps the Boltzmann weight
     * stationary (each single-site step does), and needs no random numbers for the order.
     */
    void sweep(int r) {
        byte[] s = spin[r];
        double[] h = field[r];
        for (int i = 0; i < n; i++) {
            double dE = 2.0 * s[i] * h[i];
            // StrictMath: the same bits on every JVM and CPU; the threshold compare is nextDouble() < p.
            if (dE <= 0.0 || UniformThreshold.below(rng, UniformThreshold.of(StrictMath.exp(-beta * dE)))) {
                flip(r, i);
            }
        }
    }

    /** Flips spin i of replica r and updates the N local fields: h_k += 2 s_i' J_ki (J_ii = 0 keeps h_i). */
    void flip(int r, int i) {
        byte[] s = spin[r];
        double[] h = field[r];
        s[i] = (byte) -s[i];
        double twice = 2.0 * s[i];
        int row = i * n;
        for (int k = 0; k < n; k++) {
            h[k] += twice * j[row + k];
        }
    }

    /** E_r = -sum_{i<j} J_ij s_i s_j = -(1/2) sum_i s_i h_i, from the kept fields. */
    double energy(int r) {
        byte[] s = spin[r];
        double[] h = field[r];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += s[i] * h[i];
        }
        return -0.5 * sum;
    }

    /** q = (1/N) sum_i s_i^a s_i^b. */
    double overlap() {
        byte[] a = spin[0];
        byte[] b = spin[1];
        int same = 0;
        for (int i = 0; i < n; i++) {
            same += a[i] * b[i];
        }
        return (double) same / n;
    }

    @Override
    public void measure(Recorder out) {
        double q = overlap();
        double q2 = q * q;
        out.record(SherringtonKirkpatrickType.ENERGY, (energy(0) + energy(1)) / (2.0 * n));
        out.record(SherringtonKirkpatrickType.Q2, q2);
        out.record(SherringtonKirkpatrickType.Q4, q2 * q2);
        out.record(SherringtonKirkpatrickType.ABS_Q, Math.abs(q));
        // The bins cover [-1, 1): q = 1 joins the top bin, as q = -1 sits in the bottom one.
        out.record(SherringtonKirkpatrickType.Q, q < 1.0 ? q : Q_TOP);
    }

    /** -(1/T' - 1/T)(E_a + E_b): both replicas move with an exchange. Exactly 0 for T' = T. */
    @Override
    public double logWeightRatio(Params to) {
        double t = to.getDouble(SherringtonKirkpatrickType.TEMPERATURE);
        return -(1.0 / t - beta) * (energy(0) + energy(1));
    }

    @Override
    public void moveTo(Params to) {
        setTemperature(to.getDouble(SherringtonKirkpatrickType.TEMPERATURE));
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /**
     * Spins and fields of both replicas: the fields are incremental sums whose last bits depend on
     * the flip history, so they are saved rather than recomputed. The couplings come again from
     * the disorder seed; the temperature from the parameters (and, in a ladder, from the framework's
     * moveTo before restore).
     */
    @Override
    public void checkpoint(StateWriter out) {
        for (int r = 0; r < 2; r++) {
            out.bytes(spin[r]).doubles(field[r]);
        }
    }

    @Override
    public void restore(StateReader in) {
        for (int r = 0; r < 2; r++) {
            in.bytes(spin[r]);
            in.doubles(field[r]);
        }
    }

    // --- for tests ---

    double[] fieldsFromScratch(int r) {
        double[] h = new double[n];
        byte[] s = spin[r];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * n;
            for (int k = 0; k < n; k++) {
                sum += j[row + k] * s[k];
            }
            h[i] = sum;
        }
        return h;
    }

    double[] fields(int r) {
        return field[r].clone();
    }

    byte[] spins(int r) {
        return spin[r].clone();
    }

    CouplingMatrix couplings() {
        return couplings;
    }

    double temperature() {
        return temperature;
    }
}
