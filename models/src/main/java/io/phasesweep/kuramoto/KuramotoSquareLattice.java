package io.phasesweep.kuramoto;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.ode.FixedStepDriver;
import io.phasesweep.ode.Scheme;
import io.phasesweep.ode.StochasticSystem;
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
    static final String ORDER_PARAMETER = KuramotoChain.ORDER_PARAMETER;
    static final String SLIP_RATE = KuramotoChain.SLIP_RATE;
    static final String WIDTH = KuramotoChain.WIDTH;
    static final String LOCKED_FRACTION = KuramotoChain.LOCKED_FRACTION;
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
    /** Each bond's sheet at the end of the transient: the net winding since then decides locking. */
    private final long[] branchAfterTransient;
    private final double transientTime;
    private final double[] times;
    private final boolean[] seriesTime;
    private final boolean[] scalarTime;
    private final int lastScalar;
    private int next;
    private double t;
    private long slips;
    private long slipsAtLastScalar;
    private double timeAtLastScalar;

    /**
     * @param size          L, the lattice's side
     * @param a             Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b             see {@code a}
     * @param transientTime time from which the scalars are measured; a measurement time
     * @param times         measurement times, increasing; {@code seriesTime}/{@code scalarTime} say what to record at each
     */
    KuramotoSquareLattice(int size, double coupling, double a, double b, double diffusion, double sigma, double dt,
                          Scheme integrator, String start, double transientTime, double[] times, boolean[] seriesTime,
                          boolean[] scalarTime, UniformRandomProvider rng) {
        this.size = size;
        this.n = size * size;
        this.coupling = coupling;
        this.a = a;
        this.b = b;
        this.diffusion = diffusion;
        this.transientTime = transientTime;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.omega = new double[n];
        this.theta = new double[n];
        // Quenched disorder first, so the frequencies depend on the seed alone, not on the start.
        for (int i = 0; i < n; i++) {
            omega[i] = sigma * gauss.sample();
        }
        for (int i = 0; i < n; i++) {
            theta[i] = switch (start) {
                case "perturbed" -> 0.5 * (2 * rng.nextDouble() - 1);
                case "random" -> 2 * Math.PI * rng.nextDouble();
                default -> 0.0;
            };
        }
        // The noise continues the Gaussian stream that drew the frequencies.
        this.driver = new FixedStepDriver<>(this, integrator.create(n, gauss), dt, (time, y) -> countSlips());
        this.branch = new long[2 * n];
        this.branchAfterTransient = new long[2 * n];
        resetBranches();
        this.times = times;
        this.seriesTime = seriesTime;
        this.scalarTime = scalarTime;
        int last = -1;
        for (int k = 0; k < scalarTime.length; k++) {
            last = scalarTime[k] ? k : last;
        }
        this.lastScalar = last;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /**
     * Phases, sheets, time, the next output time and the slip counters. The frequencies are
     * quenched disorder, rebuilt from the seed; the integrators' buffers are scratch.
     */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(theta).longs(branch).longs(branchAfterTransient);
        out.writeInt(next).writeDouble(t).writeLong(slips).writeLong(slipsAtLastScalar).writeDouble(timeAtLastScalar);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(theta);
        in.longs(branch);
        in.longs(branchAfterTransient);
        next = in.readInt();
        t = in.readDouble();
        slips = in.readLong();
        slipsAtLastScalar = in.readLong();
        timeAtLastScalar = in.readDouble();
    }

    /** Which 2 pi sheet a neighbour difference is on; a change is a phase slip. */
    private static long branchOf(double phi) {
        return (long) Math.floor((phi + Math.PI) / (2 * Math.PI));
    }

    @Override
    public void advance() {
        if (next > 0 && (scalarTime[next - 1] || times[next - 1] == transientTime)) {
            // Slips are counted per interval between scalar measurements, from the transient on.
            slipsAtLastScalar = slips;
            timeAtLastScalar = t;
        }
        if (next > 0 && times[next - 1] == transientTime) {
            System.arraycopy(branch, 0, branchAfterTransient, 0, branch.length);
        }
        t = driver.advance(t, theta, times[next++]);
    }

    /** Advances {@code count} steps of dt, counting slips, without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        t = driver.steps(t, theta, count);
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
        slips += count;
    }

    @Override
    public void measure(Recorder out) {
        int at = next - 1;
        if (seriesTime[at]) {
            out.series(WIDTH, t, width());
        }
        if (scalarTime[at]) {
            out.record(ORDER_PARAMETER, orderParameter());
            double elapsed = t - timeAtLastScalar;
            out.record(SLIP_RATE, elapsed > 0 ? (slips - slipsAtLastScalar) / (elapsed * 2 * n) : 0.0);
            out.record(VORTEX_DENSITY, vortexDensity());
            if (at == lastScalar) {
                out.record(LOCKED_FRACTION, lockedFraction());
            }
        }
    }

    double orderParameter() {
        double c = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            c += StrictMath.cos(theta[i]);
            s += StrictMath.sin(theta[i]);
        }
        return Math.hypot(c, s) / n;
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

    /**
     * Fraction of bonds with no net phase slip between the end of the transient and now: their
     * two oscillators' mean frequencies agree to better than 2 pi / (time since the transient).
     */
    double lockedFraction() {
        int locked = 0;
        for (int k = 0; k < branch.length; k++) {
            locked += branch[k] == branchAfterTransient[k] ? 1 : 0;
        }
        return (double) locked / branch.length;
    }

    /** W = sqrt(mean (theta_i - mean theta)^2), the interface width. */
    double width() {
        double mean = 0;
        for (double v : theta) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : theta) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / n);
    }

    double time() {
        return t;
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
        System.arraycopy(branch, 0, branchAfterTransient, 0, branch.length);
    }

    long slips() {
        return slips;
    }

    double[] frequencies() {
        return omega.clone();
    }
}
