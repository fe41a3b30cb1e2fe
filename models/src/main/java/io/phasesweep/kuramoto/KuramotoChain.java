package io.phasesweep.kuramoto;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One replica of a noisy / disordered phase-oscillator ring. {@link #advance()} integrates to the
 * next measurement time (log-spaced times for the interface width, an even grid after the
 * transient for the order parameter and slip rate); arrays are preallocated, nothing is allocated
 * per step. Sines use {@link StrictMath} so every JVM and CPU gives the same bits.
 */
public final class KuramotoChain implements Model {
    /** How the equations are stepped. */
    public enum Integrator { EULER, HEUN, RK4 }

    static final String ORDER_PARAMETER = "order_parameter";
    static final String SLIP_RATE = "slip_rate";
    static final String WIDTH = "width";
    static final String LOCKED_FRACTION = "locked_fraction";

    private final int n;
    private final double coupling;
    private final double a;
    private final double b;
    private final double diffusion;
    private final double dt;
    private final Integrator integrator;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final double[] omega;
    private final double[] theta;
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;
    private final double[] stage;
    private final double[] noise;
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
                  Integrator integrator, String start, double transientTime, double[] times, boolean[] seriesTime,
                  boolean[] scalarTime, UniformRandomProvider rng) {
        this.transientTime = transientTime;
        this.n = n;
        this.coupling = coupling;
        this.a = a;
        this.b = b;
        this.diffusion = diffusion;
        this.dt = dt;
        this.integrator = integrator;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
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
        this.k1 = new double[n];
        this.k2 = new double[n];
        this.k3 = new double[n];
        this.k4 = new double[n];
        this.stage = new double[n];
        this.noise = new double[n];
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
        double target = times[next++];
        while (t < target) {
            // The last step is shortened to land on the measurement time exactly.
            double h = Math.min(dt, target - t);
            step(h);
            t = h == target - t ? target : t + h;
            countSlips();
        }
    }

    /** Advances {@code count} steps of dt, counting slips, without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        for (int k = 0; k < count; k++) {
            step(dt);
            t += dt;
            countSlips();
        }
    }

    private void step(double h) {
        switch (integrator) {
            case RK4 -> {
                drift(theta, k1);
                axpy(theta, 0.5 * h, k1, stage);
                drift(stage, k2);
                axpy(theta, 0.5 * h, k2, stage);
                drift(stage, k3);
                axpy(theta, h, k3, stage);
                drift(stage, k4);
                for (int i = 0; i < n; i++) {
                    theta[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
            case EULER -> {
                sampleNoise(h);
                drift(theta, k1);
                for (int i = 0; i < n; i++) {
                    theta[i] += h * k1[i] + noise[i];
                }
            }
            case HEUN -> {
                sampleNoise(h);
                drift(theta, k1);
                for (int i = 0; i < n; i++) {
                    stage[i] = theta[i] + h * k1[i] + noise[i];
                }
                drift(stage, k2);
                for (int i = 0; i < n; i++) {
                    theta[i] += 0.5 * h * (k1[i] + k2[i]) + noise[i];
                }
            }
        }
    }

    private void sampleNoise(double h) {
        double amplitude = Math.sqrt(2 * diffusion * h);
        for (int i = 0; i < n; i++) {
            noise[i] = amplitude * gauss.sample();
        }
    }

    private void axpy(double[] x, double alpha, double[] y, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = x[i] + alpha * y[i];
        }
    }

    /** out_i = omega_i + K sum over both neighbours of Gamma(theta_j - theta_i); one sine/cosine per bond. */
    private void drift(double[] th, double[] out) {
        System.arraycopy(omega, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double phi = th[j] - th[i];
            double s = coupling * a * StrictMath.sin(phi);
            double q = coupling * b * (1 - StrictMath.cos(phi));
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
