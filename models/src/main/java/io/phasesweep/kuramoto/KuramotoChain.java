package io.phasesweep.kuramoto;

import io.phasesweep.math.Fdlibm;
import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.ode.FixedStepDriver;
import io.phasesweep.ode.StochasticSystem;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import io.phasesweep.oscillator.Phases;
import io.phasesweep.oscillator.RunSettings;
import io.phasesweep.oscillator.ScheduledRun;
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
    static final String ORDER_PARAMETER = Phases.ORDER_PARAMETER;
    static final String SLIP_RATE = ScheduledRun.SLIP_RATE;
    static final String WIDTH = Phases.WIDTH;
    static final String LOCKED_FRACTION = ScheduledRun.LOCKED_FRACTION;

    private final int n;
    private final double coupling;
    private final double a;
    private final double b;
    private final double diffusion;
    private final FixedStepDriver<StochasticSystem> driver;
    private final double[] omega;
    private final double[] theta;
    /** Each neighbour pair's 2 pi sheet: pair i is (i, i + 1). */
    private final long[] branch;
    /** The schedule, the time, the slip counters and the sheets at the end of the transient. */
    private final ScheduledRun run;

    /**
     * @param a Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b see {@code a}
     */
    KuramotoChain(int n, double coupling, double a, double b, RunSettings settings, UniformRandomProvider rng) {
        this.n = n;
        this.coupling = coupling;
        this.a = a;
        this.b = b;
        this.diffusion = settings.diffusion();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.omega = Phases.naturalFrequencies(n, settings.sigma(), gauss);
        this.theta = new double[n];
        Phases.start(settings.start(), theta, rng);
        this.driver = new FixedStepDriver<>(this, settings.integrator().create(n, gauss), settings.dt(), (time, y) -> countSlips());
        this.branch = new long[n];
        for (int i = 0; i < n; i++) {
            branch[i] = branchOf(theta[(i + 1) % n] - theta[i]);
        }
        this.run = new ScheduledRun(settings.schedule(), branch);
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /**
     * Phases, then the run's sheets, time, next output time and slip counters. The frequencies are
     * quenched disorder, rebuilt from the seed; the integrators' buffers are scratch, overwritten by
     * every step; the Gaussian sampler keeps no state besides the generator the framework saves.
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
        long count = 0;
        for (int i = 0; i < n; i++) {
            long k = branchOf(theta[i + 1 == n ? 0 : i + 1] - theta[i]);
            count += Math.abs(k - branch[i]);
            branch[i] = k;
        }
        run.addSlips(count);
    }

    @Override
    public void measure(Recorder out) {
        if (run.seriesDue()) {
            out.series(WIDTH, run.time(), width());
        }
        if (run.scalarsDue()) {
            out.record(ORDER_PARAMETER, Phases.orderParameter(theta));
            out.record(SLIP_RATE, run.slipRate());
            if (run.lastScalars()) {
                out.record(LOCKED_FRACTION, lockedFraction());
            }
        }
    }

    /**
     * Fraction of neighbour pairs with no net phase slip between the end of the transient and now:
     * their mean frequencies agree to better than 2 pi / (time since the transient).
     */
    double lockedFraction() {
        return run.lockedFraction();
    }

    /** W = sqrt(mean (theta_i - mean theta)^2), the interface width. */
    double width() {
        return Phases.width(theta);
    }

    double time() {
        return run.time();
    }

    double[] frequencies() {
        return omega.clone();
    }
}
