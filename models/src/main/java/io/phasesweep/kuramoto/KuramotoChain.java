package io.phasesweep.kuramoto;

import io.phasesweep.math.Fdlibm;
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
 * One replica of a noisy / disordered phase-oscillator ring, as a {@link StochasticSystem} for the
 * {@code io.phasesweep.ode} integrators. {@link #advance()} integrates to the next measurement time
 * (log-spaced times for the interface width, an even grid after the transient for the order
 * parameter and slip rate), counting phase slips after every step; arrays are preallocated,
 * nothing is allocated per step. Sines and cosines have StrictMath's bits on every JVM and CPU: the
 * step's come from {@link Fdlibm} (StrictMath's algorithm in plain Java, which the JIT inlines).
 */
public final class KuramotoChain implements Model, StochasticSystem {
    static final String ORDER_PARAMETER = "order_parameter";
    static final String SLIP_RATE = "slip_rate";
    static final String WIDTH = "width";
    static final String LOCKED_FRACTION = "locked_fraction";

    private final int n;
    private final double coupling;
    private final double a;
    private final double b;
    private final double diffusion;
    private final FixedStepDriver<StochasticSystem> driver;
    private final double[] omega;
    private final double[] theta;
    private final long[] branch;
    /** Each pair's 2 pi sheet at the end of the transient: the net winding since then decides locking. */
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
     * @param a         Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b         see {@code a}
     * @param transientTime time from which the order parameter and slip rate are measured; a measurement time
     * @param times     measurement times, increasing; {@code seriesTime}/{@code scalarTime} say what to record at each
     */
    KuramotoChain(int n, double coupling, double a, double b, double diffusion, double sigma, double dt,
                  Scheme integrator, String start, double transientTime, double[] times, boolean[] seriesTime,
                  boolean[] scalarTime, UniformRandomProvider rng) {
        this.transientTime = transientTime;
        this.n = n;
        this.coupling = coupling;
        this.a = a;
        this.b = b;
        this.diffusion = diffusion;
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
        this.branch = new long[n];
        for (int i = 0; i < n; i++) {
            branch[i] = branchOf(theta[(i + 1) % n] - theta[i]);
        }
        this.branchAfterTransient = branch.clone();
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
     * Phases, time, the next output time and the slip counters. The frequencies are quenched
     * disorder, rebuilt from the seed; the integrators' buffers are scratch, overwritten by every
     * step; the Gaussian sampler keeps no state besides the generator the framework saves.
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
            System.arraycopy(branch, 0, branchAfterTransient, 0, n);
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

    /** The drift: out_i = omega_i + K sum_{j = i +- 1} Gamma(theta_j - theta_i); one sine/cosine per bond. */
    @Override
    public void derivatives(double time, double[] th, double[] out) {
        System.arraycopy(omega, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double phi = th[j] - th[i];
            double s = coupling * a * Fdlibm.sin(phi);
            double q = coupling * b * (1 - Fdlibm.cos(phi));
            // Gamma(phi) acts on i, Gamma(-phi) on j: the odd part changes sign, the even part does not.
            out[i] += s + q;
            out[j] += q - s;
        }
    }

    private void countSlips() {
        for (int i = 0; i < n; i++) {
            long k = branchOf(theta[i + 1 == n ? 0 : i + 1] - theta[i]);
            slips += Math.abs(k - branch[i]);
            branch[i] = k;
        }
    }

    @Override
    public void measure(Recorder out) {
        int at = next - 1;
        if (seriesTime[at]) {
            out.series(WIDTH, t, width());
        }
        if (scalarTime[at]) {
            double c = 0;
            double s = 0;
            for (int i = 0; i < n; i++) {
                c += StrictMath.cos(theta[i]);
                s += StrictMath.sin(theta[i]);
            }
            out.record(ORDER_PARAMETER, Math.hypot(c, s) / n);
            double elapsed = t - timeAtLastScalar;
            out.record(SLIP_RATE, elapsed > 0 ? (slips - slipsAtLastScalar) / (elapsed * n) : 0.0);
            if (at == lastScalar) {
                out.record(LOCKED_FRACTION, lockedFraction());
            }
        }
    }

    /**
     * Fraction of neighbour pairs with no net phase slip between the end of the transient and now:
     * their mean frequencies agree to better than 2 pi / (time since the transient).
     */
    double lockedFraction() {
        int locked = 0;
        for (int i = 0; i < n; i++) {
            locked += branch[i] == branchAfterTransient[i] ? 1 : 0;
        }
        return (double) locked / n;
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

    double[] frequencies() {
        return omega.clone();
    }
}
