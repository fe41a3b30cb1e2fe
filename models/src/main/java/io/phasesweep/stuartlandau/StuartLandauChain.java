package io.phasesweep.stuartlandau;

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
 * One replica of a ring of Stuart-Landau oscillators, as a {@link StochasticSystem} of dimension
 * 2N for the {@code io.phasesweep.ode} integrators: the state is (Re A_0, Im A_0, Re A_1, ...).
 * {@link #advance()} integrates to the next measurement time, as kuramoto1d's ring does. After
 * every step each oscillator's winding number (how often arg A_j passed +-pi) and each neighbour
 * pair's (how often arg(A_{j+1} conj A_j) did: a phase slip) are updated from sign tests alone, so
 * the step has no trigonometry; the unwrapped phase atan2(Im A_j, Re A_j) + 2 pi winding_j is
 * formed only when measured. Arrays are preallocated; nothing is allocated per step.
 */
public final class StuartLandauChain implements Model, StochasticSystem {
    static final String ORDER_PARAMETER = Phases.ORDER_PARAMETER;
    static final String SLIP_RATE = ScheduledRun.SLIP_RATE;
    static final String WIDTH = Phases.WIDTH;
    static final String LOCKED_FRACTION = ScheduledRun.LOCKED_FRACTION;
    static final String AMPLITUDE = "amplitude";
    static final String MIN_AMPLITUDE = "min_amplitude";

    private final int n;
    private final double coupling;
    private final double c1;
    private final double c2;
    private final double diffusion;
    private final double[] omega;
    /** A_j = z[2j] + i z[2j + 1]. */
    private final double[] z;
    /** z before the last step: the winding numbers follow each point across one step. */
    private final double[] previous;
    /** arg A_j unwrapped = atan2(Im A_j, Re A_j) + 2 pi winding[j]. */
    private final long[] winding;
    /** Net passes of the pair (j, j + 1)'s phase difference through +-pi: its slips, with sign. */
    private final long[] bondWinding;
    /** Scratch for the unwrapped phases when measuring; not state. */
    private final double[] phase;
    private final FixedStepDriver<StochasticSystem> driver;
    /** The schedule, the time, the slip counters and the pairs' windings at the end of the transient. */
    private final ScheduledRun run;

    StuartLandauChain(int n, double coupling, double c1, double c2, RunSettings settings, UniformRandomProvider rng) {
        this.n = n;
        this.coupling = coupling;
        this.c1 = c1;
        this.c2 = c2;
        this.diffusion = settings.diffusion();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.omega = Phases.naturalFrequencies(n, settings.sigma(), gauss);
        this.z = new double[2 * n];
        this.previous = new double[2 * n];
        this.winding = new long[n];
        this.bondWinding = new long[n];
        this.run = new ScheduledRun(settings.schedule(), bondWinding);
        this.phase = new double[n];
        double[] initial = new double[n];
        Phases.start(settings.start(), initial, rng);
        setPhases(initial);
        this.driver = new FixedStepDriver<>(this, settings.integrator().create(2 * n, gauss), settings.dt(), (time, y) -> track());
    }

    /**
     * Puts every oscillator on the limit cycle, A_j = exp(i phi_j), with winding numbers that make
     * the unwrapped phases phi_j themselves (not only modulo 2 pi).
     */
    void setPhases(double[] phi) {
        setState(phi, null);
    }

    /** A_j = rho_j exp(i phi_j) (rho_j = 1 where {@code rho} is null), unwrapped phases phi_j. */
    void setState(double[] phi, double[] rho) {
        for (int j = 0; j < n; j++) {
            double r = rho == null ? 1.0 : rho[j];
            z[2 * j] = r * StrictMath.cos(phi[j]);
            z[2 * j + 1] = r * StrictMath.sin(phi[j]);
            winding[j] = Math.round((phi[j] - argument(z[2 * j], z[2 * j + 1])) / (2 * Math.PI));
            bondWinding[j] = 0;
        }
        System.arraycopy(z, 0, previous, 0, 2 * n);
        run.resetLocking();
    }

    /** atan2 in (-pi, pi], with -0.0 read as +0.0: the same half planes as {@link #crossing}. */
    private static double argument(double x, double y) {
        return StrictMath.atan2(y + 0.0, x);
    }

    /**
     * How a point that moved from (x0, y0) to (x1, y1) in one step, turning by less than pi, changed
     * its winding number: +1 if it passed the negative real axis counterclockwise (its argument
     * passed +pi), -1 if clockwise, 0 otherwise. The half planes are y >= 0 (argument in [0, pi])
     * and y < 0; the sign of the cross product says which way the point turned, so which half of
     * the real axis it crossed.
     */
    static int crossing(double x0, double y0, double x1, double y1) {
        boolean upper0 = y0 >= 0;
        if (upper0 == (y1 >= 0)) {
            return 0;
        }
        boolean counterclockwise = x0 * y1 - x1 * y0 >= 0;
        if (upper0) {
            return counterclockwise ? 1 : 0;
        }
        return counterclockwise ? 0 : -1;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /**
     * The amplitudes and winding numbers, then the run's pair windings, time, next output time and
     * slip counters. The frequencies are quenched disorder, rebuilt from the seed; {@code previous}
     * equals the state between steps; the integrators' buffers are scratch.
     */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(z).longs(winding);
        run.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(z);
        in.longs(winding);
        run.restore(in);
        System.arraycopy(z, 0, previous, 0, 2 * n);
    }

    @Override
    public void advance() {
        run.advance(driver, z);
    }

    /** Advances {@code count} steps of dt, tracking windings and slips, without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        run.steps(driver, z, count);
    }

    @Override
    public int dimension() {
        return 2 * n;
    }

    @Override
    public double diffusion() {
        return diffusion;
    }

    /**
     * The drift: (1 + i omega_j) A_j - (1 + i c2) |A_j|^2 A_j + K (1 + i c1) (A_{j+1} + A_{j-1} - 2 A_j),
     * in real and imaginary parts.
     */
    @Override
    public void derivatives(double time, double[] y, double[] out) {
        int last = 2 * (n - 1);
        drift(y, out, 0, last, 2);
        // The bulk without the ring's wrap, so the loop has no branch on the neighbours' indices.
        for (int re = 2; re < last; re += 2) {
            drift(y, out, re, re - 2, re + 2);
        }
        drift(y, out, last, last - 2, 0);
    }

    /** The drift of the oscillator whose real part is y[re], with neighbours at y[left] and y[right]. */
    private void drift(double[] y, double[] out, int re, int left, int right) {
        double x = y[re];
        double v = y[re + 1];
        double lx = y[left] + y[right] - 2 * x;
        double lv = y[left + 1] + y[right + 1] - 2 * v;
        double s = x * x + v * v;
        double w = omega[re >> 1];
        out[re] = x - w * v - s * (x - c2 * v) + coupling * (lx - c1 * lv);
        out[re + 1] = v + w * x - s * (v + c2 * x) + coupling * (lv + c1 * lx);
    }

    /** After every step: each oscillator's winding and each pair's slips, from the state before and after it. */
    private void track() {
        double x0 = previous[0];
        double y0 = previous[1];
        double x1 = z[0];
        double y1 = z[1];
        winding[0] += crossing(x0, y0, x1, y1);
        long slips = 0;
        for (int j = 0; j < n; j++) {
            int k = j + 1 == n ? 0 : j + 1;
            double nx0 = previous[2 * k];
            double ny0 = previous[2 * k + 1];
            double nx1 = z[2 * k];
            double ny1 = z[2 * k + 1];
            if (k != 0) {
                winding[k] += crossing(nx0, ny0, nx1, ny1);
            }
            // The pair's phase difference is the argument of A_k conj(A_j); its real part matters
            // only when the imaginary part changed sign (rarely), so it is computed only then.
            double im0 = ny0 * x0 - nx0 * y0;
            double im1 = ny1 * x1 - nx1 * y1;
            if ((im0 >= 0) != (im1 >= 0)) {
                int c = crossing(nx0 * x0 + ny0 * y0, im0, nx1 * x1 + ny1 * y1, im1);
                bondWinding[j] += c;
                slips += Math.abs(c);
            }
            x0 = nx0;
            y0 = ny0;
            x1 = nx1;
            y1 = ny1;
        }
        run.addSlips(slips);
        System.arraycopy(z, 0, previous, 0, 2 * n);
    }

    @Override
    public void measure(Recorder out) {
        if (run.seriesDue()) {
            out.series(WIDTH, run.time(), width());
        }
        if (run.scalarsDue()) {
            double c = 0;
            double s = 0;
            double amplitude = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double r = Math.hypot(z[2 * j], z[2 * j + 1]);
                if (r > 0) {
                    c += z[2 * j] / r;
                    s += z[2 * j + 1] / r;
                }
                amplitude += r;
                smallest = Math.min(smallest, r);
            }
            out.record(ORDER_PARAMETER, Math.hypot(c, s) / n);
            out.record(AMPLITUDE, amplitude / n);
            out.record(MIN_AMPLITUDE, smallest);
            out.record(SLIP_RATE, run.slipRate());
            if (run.lastScalars()) {
                out.record(LOCKED_FRACTION, run.lockedFraction());
            }
        }
    }

    /** The unwrapped phases arg A_j, into {@code out}. */
    void phases(double[] out) {
        for (int j = 0; j < n; j++) {
            out[j] = argument(z[2 * j], z[2 * j + 1]) + 2 * Math.PI * winding[j];
        }
    }

    /** W = sqrt(mean (phi_j - mean phi)^2) of the unwrapped phases, the interface width. */
    double width() {
        phases(phase);
        return Phases.width(phase);
    }

    /** Net slips of each neighbour pair so far (a copy). */
    long[] bondWindings() {
        return bondWinding.clone();
    }

    /** |A_j|, into {@code out}. */
    void amplitudes(double[] out) {
        for (int j = 0; j < n; j++) {
            out[j] = Math.hypot(z[2 * j], z[2 * j + 1]);
        }
    }

    double time() {
        return run.time();
    }

    long slips() {
        return run.slips();
    }

    double[] frequencies() {
        return omega.clone();
    }
}
