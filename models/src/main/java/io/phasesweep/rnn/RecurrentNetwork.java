package io.phasesweep.rnn;

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
 * One replica of a random rate network dx_i/dt = -x_i + g sum_j J_ij phi(x_j) + I (+ sqrt(2D) xi_i),
 * integrated together with one tangent vector v (dv/dt = -v + g J (phi'(x) v)) for the largest
 * Lyapunov exponent by the Benettin method: v is renormalised every {@code renorm_interval} and at
 * every unit's end, and the logarithms of its growth, divided by the unit's length, are the unit's
 * exponent. The state is one array [x, v] of 2N so that every integrator stage moves both; the
 * noise acts on x only ({@link #noisyDimension()}).
 *
 * <p>A unit is one output interval. After each measured unit the model records the unit's
 * Lyapunov rate and the time averages (over its steps) of (1/N) sum x_i^2 and (1/N) sum phi(x_i),
 * and keeps a snapshot of x for the autocorrelation, whose connected population average is
 * recorded as a series at the end. Couplings are one column-major double array with a zero
 * diagonal; each right-hand side evaluation is one pass over it for both J phi(x) and J (phi' v).
 * {@link StrictMath#tanh} makes the bits the same on every JVM and CPU. Nothing is allocated per step.
 */
public final class RecurrentNetwork implements Model, StochasticSystem {
    /** The transfer function. */
    public enum Transfer { TANH, RELU_TANH, LINEAR }

    static final String LYAPUNOV = "lyapunov";
    static final String DELTA0 = "delta0";
    static final String MEAN_ACTIVITY = "mean_activity";
    static final String AUTOCORRELATION = "autocorrelation";
    static final String AUTOCORRELATION_TIME = "autocorrelation_time";

    private final int n;
    private final double gain;
    private final double input;
    private final double diffusion;
    private final Transfer transfer;
    private final double[] coupling;
    /** x in [0, n), the tangent vector in [n, 2n). */
    private final double[] state;
    private final double[] rate;
    private final double[] slope;
    private final double[] fieldSum;
    private final double[] tangentSum;
    private final FixedStepDriver<StochasticSystem> driver;
    /** End time of each unit; units from {@code discard} on are measured. */
    private final double[] times;
    private final int discard;
    private final int renormSteps;
    private final double lagSpacing;
    /** Ring of the last {@code lags} snapshots of x, lag-major. */
    private final double[] snapshots;
    private final double[] lagProducts;
    private final long[] lagCounts;
    private final double[] stateSums;

    private int next;
    private double t;
    private int stepsSinceRenorm;
    private long snapshotCount;
    private double unitStart;
    private double lastStepTime;
    private double unitLogGrowth;
    private double unitSquares;
    private double unitActivity;

    /**
     * @param coupling   N x N couplings J_ij (without the gain) column-major, at [j N + i]; zero diagonal; not copied, not changed
     * @param times      end times of the units, increasing from dt or more
     * @param discard    units before the first measured one
     * @param renormSteps steps between renormalisations of the tangent vector
     * @param lags       snapshots kept for the autocorrelation, {@code lagSpacing} apart
     */
    RecurrentNetwork(int n, double gain, double input, double diffusion, Transfer transfer, double[] coupling,
                     double dt, Scheme integrator, double[] times, int discard, int renormSteps, int lags,
                     double lagSpacing, UniformRandomProvider rng) {
        this.n = n;
        this.gain = gain;
        this.input = input;
        this.diffusion = diffusion;
        this.transfer = transfer;
        this.coupling = coupling;
        this.times = times;
        this.discard = discard;
        this.renormSteps = renormSteps;
        this.lagSpacing = lagSpacing;
        this.state = new double[2 * n];
        this.rate = new double[n];
        this.slope = new double[n];
        this.fieldSum = new double[n];
        this.tangentSum = new double[n];
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        // x_i(0) ~ N(0, 1), then a random unit tangent vector; the noise continues the same stream.
        for (int i = 0; i < 2 * n; i++) {
            state[i] = gauss.sample();
        }
        normaliseTangent();
        this.driver = new FixedStepDriver<>(this, integrator.create(2 * n, gauss), dt, (time, y) -> afterStep(time));
        this.snapshots = new double[lags * n];
        this.lagProducts = new double[lags];
        this.lagCounts = new long[lags];
        this.stateSums = new double[n];
    }

    @Override
    public int dimension() {
        return 2 * n;
    }

    @Override
    public int noisyDimension() {
        return n;
    }

    @Override
    public double diffusion() {
        return diffusion;
    }

    /** The drift of x and of the tangent vector: one pass over J for both products. */
    @Override
    public void derivatives(double time, double[] y, double[] out) {
        switch (transfer) {
            case TANH -> {
                for (int j = 0; j < n; j++) {
                    double th = StrictMath.tanh(y[j]);
                    rate[j] = th;
                    slope[j] = (1 - th * th) * y[n + j];
                }
            }
            case RELU_TANH -> {
                for (int j = 0; j < n; j++) {
                    double x = y[j];
                    double th = x > 0 ? StrictMath.tanh(x) : 0.0;
                    rate[j] = th;
                    slope[j] = x > 0 ? (1 - th * th) * y[n + j] : 0.0;
                }
            }
            case LINEAR -> {
                System.arraycopy(y, 0, rate, 0, n);
                System.arraycopy(y, n, slope, 0, n);
            }
        }
        // Column by column (the couplings are stored column-major): each neuron's sums run over j
        // in order, one lane per neuron, so the loop vectorises and the bits do not depend on the
        // vector width.
        java.util.Arrays.fill(fieldSum, 0.0);
        java.util.Arrays.fill(tangentSum, 0.0);
        double[] c = coupling;
        for (int j = 0; j < n; j++) {
            int column = j * n;
            double r = rate[j];
            double v = slope[j];
            for (int i = 0; i < n; i++) {
                double cij = c[column + i];
                fieldSum[i] += cij * r;
                tangentSum[i] += cij * v;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = -y[i] + gain * fieldSum[i] + input;
            out[n + i] = -y[n + i] + gain * tangentSum[i];
        }
    }

    /** phi(x) for the time average of the activity. */
    private double transfer(double x) {
        return switch (transfer) {
            case TANH -> StrictMath.tanh(x);
            case RELU_TANH -> x > 0 ? StrictMath.tanh(x) : 0.0;
            case LINEAR -> x;
        };
    }

    /** Time integrals over the unit (the value at each step's end times its length) and the renormalisation. */
    private void afterStep(double time) {
        double h = time - lastStepTime;
        lastStepTime = time;
        double squares = 0;
        double activity = 0;
        for (int i = 0; i < n; i++) {
            double x = state[i];
            squares += x * x;
            activity += transfer(x);
        }
        unitSquares += h * squares / n;
        unitActivity += h * activity / n;
        if (++stepsSinceRenorm >= renormSteps) {
            unitLogGrowth += Math.log(normaliseTangent());
        }
    }

    /** Scales the tangent vector to unit length; returns its length before. */
    private double normaliseTangent() {
        double sum = 0;
        for (int i = n; i < 2 * n; i++) {
            sum += state[i] * state[i];
        }
        double norm = Math.sqrt(sum);
        double scale = 1 / norm;
        for (int i = n; i < 2 * n; i++) {
            state[i] *= scale;
        }
        stepsSinceRenorm = 0;
        return norm;
    }

    @Override
    public void advance() {
        unitStart = t;
        lastStepTime = t;
        unitLogGrowth = 0;
        unitSquares = 0;
        unitActivity = 0;
        t = driver.advance(t, state, times[next++]);
        unitLogGrowth += Math.log(normaliseTangent());
        if (next > discard) {
            addSnapshot();
        }
    }

    /** Advances {@code count} steps of dt without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        lastStepTime = t;
        t = driver.steps(t, state, count);
    }

    /** Stores x and adds its products with the kept snapshots at every lag. */
    private void addSnapshot() {
        int lags = lagProducts.length;
        int slot = (int) (snapshotCount % lags);
        System.arraycopy(state, 0, snapshots, slot * n, n);
        for (int i = 0; i < n; i++) {
            stateSums[i] += state[i];
        }
        long available = Math.min(lags, snapshotCount + 1);
        for (int k = 0; k < available; k++) {
            int earlier = (int) ((snapshotCount - k) % lags) * n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += state[i] * snapshots[earlier + i];
            }
            lagProducts[k] += sum / n;
            lagCounts[k]++;
        }
        snapshotCount++;
    }

    @Override
    public void measure(Recorder out) {
        double length = t - unitStart;
        out.record(LYAPUNOV, unitLogGrowth / length);
        out.record(DELTA0, unitSquares / length);
        out.record(MEAN_ACTIVITY, unitActivity / length);
    }

    /** The connected autocorrelation as a series over the lag, and its 1/e time. */
    @Override
    public void finish(Recorder out) {
        double[] c = autocorrelation();
        for (int k = 0; k < c.length; k++) {
            out.series(AUTOCORRELATION, k * lagSpacing, c[k]);
        }
        out.record(AUTOCORRELATION_TIME, decayTime(c, lagSpacing));
    }

    /**
     * C(k lagSpacing) = time average of (1/N) sum_i x_i(t) x_i(t + k lagSpacing) minus (1/N) sum_i
     * (time average of x_i)^2, over the measured snapshots; the lags no pair reached are left out.
     */
    double[] autocorrelation() {
        double meanSquare = 0;
        for (int i = 0; i < n; i++) {
            double m = stateSums[i] / snapshotCount;
            meanSquare += m * m;
        }
        meanSquare /= n;
        int reached = 0;
        while (reached < lagCounts.length && lagCounts[reached] > 0) {
            reached++;
        }
        double[] c = new double[reached];
        for (int k = 0; k < reached; k++) {
            c[k] = lagProducts[k] / lagCounts[k] - meanSquare;
        }
        return c;
    }

    /**
     * The first lag at which C falls to C(0)/e, interpolated linearly between lags; the largest lag
     * if it never does (a lower bound: more lags resolve it), 0 without fluctuations (C(0) &lt;= 0).
     */
    static double decayTime(double[] c, double spacing) {
        if (c.length == 0 || !(c[0] > 0)) {
            return 0.0;
        }
        double level = c[0] / Math.E;
        for (int k = 1; k < c.length; k++) {
            if (c[k] <= level) {
                return spacing * (k - 1 + (c[k - 1] - level) / (c[k - 1] - c[k]));
            }
        }
        return spacing * (c.length - 1);
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** x and the tangent vector, time, unit, counters and the autocorrelation sums; the couplings are rebuilt from the seed. */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(state).doubles(snapshots).doubles(lagProducts).longs(lagCounts).doubles(stateSums);
        out.writeInt(next).writeDouble(t).writeInt(stepsSinceRenorm).writeLong(snapshotCount);
        out.writeDouble(unitStart).writeDouble(lastStepTime).writeDouble(unitLogGrowth).writeDouble(unitSquares)
                .writeDouble(unitActivity);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(state);
        in.doubles(snapshots);
        in.doubles(lagProducts);
        in.longs(lagCounts);
        in.doubles(stateSums);
        next = in.readInt();
        t = in.readDouble();
        stepsSinceRenorm = in.readInt();
        snapshotCount = in.readLong();
        unitStart = in.readDouble();
        lastStepTime = in.readDouble();
        unitLogGrowth = in.readDouble();
        unitSquares = in.readDouble();
        unitActivity = in.readDouble();
    }

    double time() {
        return t;
    }

    /** The neurons' state x (a copy). */
    double[] activity() {
        return java.util.Arrays.copyOf(state, n);
    }
}
