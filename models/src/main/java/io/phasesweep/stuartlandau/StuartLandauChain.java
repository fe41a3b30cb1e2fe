package io.phasesweep.stuartlandau;

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
 * One replica of a ring of Stuart-Landau oscillators, as a {@link StochasticSystem} of dimension
 * 2N for the {@code io.phasesweep.ode} integrators: the state is (Re A_0, Im A_0, Re A_1, ...).
 * {@link #advance()} integrates to the next measurement time, as kuramoto1d's ring does. After
 * every step each oscillator's winding number (how often arg A_j passed +-pi) and each neighbour
 * pair's (how often arg(A_{j+1} conj A_j) did: a phase slip) are updated from sign tests alone, so
 * the step has no trigonometry; the unwrapped phase atan2(Im A_j, Re A_j) + 2 pi winding_j is
 * formed only when measured. Arrays are preallocated; nothing is allocated per step.
 */
public final class StuartLandauChain implements Model, StochasticSystem {
    static final String ORDER_PARAMETER = "order_parameter";
    static final String SLIP_RATE = "slip_rate";
    static final String WIDTH = "width";
    static final String LOCKED_FRACTION = "locked_fraction";
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
    private final long[] bondWindingAfterTransient;
    /** Scratch for the unwrapped phases when measuring; not state. */
    private final double[] phase;
    private final FixedStepDriver<StochasticSystem> driver;
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
     * @param transientTime time from which the scalars are measured; a measurement time
     * @param times         measurement times, increasing; {@code seriesTime}/{@code scalarTime} say what to record at each
     */
    StuartLandauChain(int n, double coupling, double c1, double c2, double diffusion, double sigma, double dt,
                      Scheme integrator, String start, double transientTime, double[] times, boolean[] seriesTime,
                      boolean[] scalarTime, UniformRandomProvider rng) {
        this.n = n;
        this.coupling = coupling;
        this.c1 = c1;
        this.c2 = c2;
        this.diffusion = diffusion;
        this.transientTime = transientTime;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.omega = new double[n];
        // Quenched disorder first, so the frequencies depend on the seed alone, not on the start.
        for (int j = 0; j < n; j++) {
            omega[j] = sigma * gauss.sample();
        }
        this.z = new double[2 * n];
        this.previous = new double[2 * n];
        this.winding = new long[n];
        this.bondWinding = new long[n];
        this.bondWindingAfterTransient = new long[n];
        this.phase = new double[n];
        double[] initial = new double[n];
        for (int j = 0; j < n; j++) {
            initial[j] = switch (start) {
                case "perturbed" -> 0.5 * (2 * rng.nextDouble() - 1);
                case "random" -> 2 * Math.PI * rng.nextDouble();
                default -> 0.0;
            };
        }
        setPhases(initial);
        // The noise continues the Gaussian stream that drew the frequencies.
        this.driver = new FixedStepDriver<>(this, integrator.create(2 * n, gauss), dt, (time, y) -> track());
        this.times = times;
        this.seriesTime = seriesTime;
        this.scalarTime = scalarTime;
        int last = -1;
        for (int k = 0; k < scalarTime.length; k++) {
            last = scalarTime[k] ? k : last;
        }
        this.lastScalar = last;
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
        System.arraycopy(bondWinding, 0, bondWindingAfterTransient, 0, n);
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
     * The amplitudes, winding numbers, time, the next output time and the slip counters. The
     * frequencies are quenched disorder, rebuilt from the seed; {@code previous} equals the state
     * between steps; the integrators' buffers are scratch.
     */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(z).longs(winding).longs(bondWinding).longs(bondWindingAfterTransient);
        out.writeInt(next).writeDouble(t).writeLong(slips).writeLong(slipsAtLastScalar).writeDouble(timeAtLastScalar);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(z);
        in.longs(winding);
        in.longs(bondWinding);
        in.longs(bondWindingAfterTransient);
        next = in.readInt();
        t = in.readDouble();
        slips = in.readLong();
        slipsAtLastScalar = in.readLong();
        timeAtLastScalar = in.readDouble();
        System.arraycopy(z, 0, previous, 0, 2 * n);
    }

    @Override
    public void advance() {
        if (next > 0 && (scalarTime[next - 1] || times[next - 1] == transientTime)) {
            // Slips are counted per interval between scalar measurements, from the transient on.
            slipsAtLastScalar = slips;
            timeAtLastScalar = t;
        }
        if (next > 0 && times[next - 1] == transientTime) {
            System.arraycopy(bondWinding, 0, bondWindingAfterTransient, 0, n);
        }
        t = driver.advance(t, z, times[next++]);
    }

    /** Advances {@code count} steps of dt, tracking windings and slips, without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        t = driver.steps(t, z, count);
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
        System.arraycopy(z, 0, previous, 0, 2 * n);
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
        for (int j = 0; j < n; j++) {
            locked += bondWinding[j] == bondWindingAfterTransient[j] ? 1 : 0;
        }
        return (double) locked / n;
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
        double mean = 0;
        for (double v : phase) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : phase) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / n);
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
        return t;
    }

    long slips() {
        return slips;
    }

    double[] frequencies() {
        return omega.clone();
    }
}
