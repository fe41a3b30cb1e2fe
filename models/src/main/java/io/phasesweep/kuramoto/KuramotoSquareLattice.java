package io.phasesweep.kuramoto;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.ode.FixedStepDriver;
import io.phasesweep.ode.StochasticSystem;
import io.phasesweep.oscillator.Phases;
import io.phasesweep.oscillator.RunSettings;
import io.phasesweep.oscillator.ScheduledRun;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One replica of a noisy / disordered L x L periodic square lattice of phase oscillators, the
 * two-dimensional {@link KuramotoChain}: site (x, y) has index y L + x, and each site owns two
 * bonds, to its right neighbour (x + 1, y) and to the one below (x, y + 1), so every one of the 2N
 * bonds (N = L^2) is visited once per drift evaluation. {@link #advance()} integrates to the next
 * measurement time, counting phase slips on every bond after every step; arrays are preallocated,
 * nothing is allocated per step. Tangents and sines use {@link StrictMath}, so every JVM and CPU gives
 * the same bits.
 *
 * <p>Branches: bond b's phase difference phi lies on the 2 pi sheet floor((phi + pi) / 2 pi); a
 * change of sheet is a phase slip. Going round a plaquette the four unwrapped differences sum to
 * zero, so the wrapped ones sum to -2 pi times the signed sum of the four sheets: that integer is
 * the plaquette's vortex charge, exact, with no rounding of angles involved.
 */
public final class KuramotoSquareLattice implements Model, StochasticSystem {
    static final String ORDER_PARAMETER = Phases.ORDER_PARAMETER;
    static final String SLIP_RATE = ScheduledRun.SLIP_RATE;
    static final String WIDTH = Phases.WIDTH;
    static final String LOCKED_FRACTION = ScheduledRun.LOCKED_FRACTION;
    static final String VORTEX_DENSITY = "vortex_density";

    private final int size;
    private final int n;
    private final double coupling;
    private final double a;
    private final double b;
    private final double diffusion;
    private final FixedStepDriver<StochasticSystem> driver;
    private final double[] omega;
    private final double[] theta;
    /** Sheet of each bond: [2 i] to the right neighbour of site i, [2 i + 1] to the one below. */
    private final long[] branch;
    /** The schedule, the time, the slip counters and every bond's sheet at the end of the transient. */
    private final ScheduledRun run;

    /**
     * @param size L, the lattice's side
     * @param a    Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b    see {@code a}
     */
    KuramotoSquareLattice(int size, double coupling, double a, double b, RunSettings settings, UniformRandomProvider rng) {
        this.size = size;
        this.n = size * size;
        this.coupling = coupling;
        this.a = a;
        this.b = b;
        this.diffusion = settings.diffusion();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.omega = Phases.naturalFrequencies(n, settings.sigma(), gauss);
        this.theta = new double[n];
        Phases.start(settings.start(), theta, rng);
        this.driver = new FixedStepDriver<>(this, settings.integrator().create(n, gauss), settings.dt(), (time, y) -> countSlips());
        this.branch = new long[2 * n];
        this.run = new ScheduledRun(settings.schedule(), branch);
        resetBranches();
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /**
     * Phases, then the run's sheets, time, next output time and slip counters. The frequencies are
     * quenched disorder, rebuilt from the seed; the integrators' buffers are scratch.
     */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(theta);
        run.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(theta);
        run.restore(in);
    }

    /** Which 2 pi sheet a neighbour difference is on; a change is a phase slip. */
    private static long branchOf(double phi) {
        return (long) Math.floor((phi + Math.PI) / (2 * Math.PI));
    }

    @Override
    public void advance() {
        run.advance(driver, theta);
    }

    /** Advances {@code count} steps of dt, counting slips, without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        run.steps(driver, theta, count);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double diffusion() {
        return diffusion;
    }

    /**
     * The drift: out_i = omega_i + K sum over the four neighbours j of Gamma(theta_j - theta_i),
     * each bond visited once from the site that owns it. One tangent per bond instead of a sine and
     * a cosine (the transcendental calls are most of a step's cost; one is about 1.5 times cheaper
     * than two): with u = tan(phi / 2), sin(phi) = 2u / (1 + u^2) and 1 - cos(phi) = 2u^2 / (1 + u^2),
     * both to a few ulps, exactly 0 at phi = 0, and finite for every double phi (no double is within
     * 2^-62 of an odd multiple of pi, so |u| stays below 2^62 and u^2 does not overflow).
     */
    @Override
    public void derivatives(double time, double[] th, double[] out) {
        System.arraycopy(omega, 0, out, 0, n);
        double ka = coupling * a;
        double kb = coupling * b;
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                double u = StrictMath.tan(0.5 * (th[right] - th[i]));
                double w = 2 * u / (1 + u * u);
                double s = ka * w;
                double q = kb * u * w;
                // Gamma(phi) acts on i, Gamma(-phi) on its neighbour: the odd part changes sign, the even part does not.
                out[i] += s + q;
                out[right] += q - s;
                int below = i + down;
                u = StrictMath.tan(0.5 * (th[below] - th[i]));
                w = 2 * u / (1 + u * u);
                s = ka * w;
                q = kb * u * w;
                out[i] += s + q;
                out[below] += q - s;
            }
        }
    }

    private void countSlips() {
        long count = 0;
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                long k = branchOf(theta[right] - theta[i]);
                count += Math.abs(k - branch[2 * i]);
                branch[2 * i] = k;
                k = branchOf(theta[i + down] - theta[i]);
                count += Math.abs(k - branch[2 * i + 1]);
                branch[2 * i + 1] = k;
            }
        }
        run.addSlips(count);
    }

    @Override
    public void measure(Recorder out) {
        if (run.seriesDue()) {
            out.series(WIDTH, run.time(), width());
        }
        if (run.scalarsDue()) {
            out.record(ORDER_PARAMETER, orderParameter());
            out.record(SLIP_RATE, run.slipRate());
            out.record(VORTEX_DENSITY, vortexDensity());
            if (run.lastScalars()) {
                out.record(LOCKED_FRACTION, run.lockedFraction());
            }
        }
    }

    double orderParameter() {
        return Phases.orderParameter(theta);
    }

    /**
     * Vortices and antivortices per plaquette: the mean |charge| over the N plaquettes, where a
     * plaquette's charge is minus the signed sum of its bonds' sheets (right bond of (x, y), down
     * bond of (x + 1, y), minus the right bond of (x, y + 1) and the down bond of (x, y)).
     */
    double vortexDensity() {
        long total = 0;
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                long charge = branch[2 * i] + branch[2 * right + 1] - branch[2 * (i + down)] - branch[2 * i + 1];
                total += Math.abs(charge);
            }
        }
        return (double) total / n;
    }

    /** W = sqrt(mean (theta_i - mean theta)^2), the interface width. */
    double width() {
        return Phases.width(theta);
    }

    double time() {
        return run.time();
    }

    /** The phases themselves, for tests that shift or inspect them; do not keep the array. */
    double[] phases() {
        return theta;
    }

    /** Re-reads every bond's sheet from the phases, after a test changed them in place. */
    void resetBranches() {
        for (int y = 0, i = 0; y < size; y++) {
            int down = y + 1 == size ? -y * size : size;
            for (int x = 0; x < size; x++, i++) {
                int right = x + 1 == size ? i + 1 - size : i + 1;
                branch[2 * i] = branchOf(theta[right] - theta[i]);
                branch[2 * i + 1] = branchOf(theta[i + down] - theta[i]);
            }
        }
        run.resetLocking();
    }

    long slips() {
        return run.slips();
    }

    double[] frequencies() {
        return omega.clone();
    }
}
