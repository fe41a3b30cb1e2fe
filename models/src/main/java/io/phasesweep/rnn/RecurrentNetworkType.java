package io.phasesweep.rnn;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import io.phasesweep.model.Schedule;
import io.phasesweep.ode.Scheme;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry entry {@code rnn}: the random rate network of {@link RecurrentNetwork}.
 *
 * <p><b>Disorder.</b> J_ij ~ N(0, 1/N) for i != j, J_ii = 0, drawn row by row from the disorder
 * stream, which depends on {@code N} alone: replica r integrates the same network at every gain,
 * input and noise, so a curve against g is one network per replica, not a new one per point.
 * x(0) ~ N(0, 1) per neuron, the tangent vector and the noise come from the replica's own stream.
 *
 * <p><b>Schedule.</b> A unit is one {@code output_interval} of time. The {@code transient} is
 * split into discarded units; then floor((t_max - transient) / output_interval) whole intervals are
 * measured, so the run ends at the last whole interval at or before {@code t_max}.
 */
public final class RecurrentNetworkType implements ModelType {
    public static final RecurrentNetworkType INSTANCE = new RecurrentNetworkType();
    /** The coupling matrix is stored: 4096^2 doubles are 128 MiB per replica. */
    static final int MAX_N = 4096;
    /** The mean-field solution is computed up to this gain (NaN above). */
    static final double THEORY_MAX_GAIN = 100;
    static final String THEORY_DELTA0 = "theory_delta0";
    static final String THEORY_LYAPUNOV = "theory_lyapunov";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", null, 2, "neurons (the N x N couplings are stored: N <= " + MAX_N + ")")
                    .withMax(MAX_N),
            ParamSpec.nonNegative("g", null, "coupling gain: dx_i/dt = -x_i + g sum_j J_ij phi(x_j) + I, J_ij ~ N(0, 1/N)"),
            ParamSpec.choice("phi", "tanh", "transfer function: tanh; relu_tanh = max(0, tanh x); linear = x",
                    "tanh", "relu_tanh", "linear"),
            ParamSpec.real("I", 0.0, "constant input to every neuron"),
            ParamSpec.nonNegative("noise", 0.0, "white-noise strength D: sqrt(2 D) xi_i(t) added to dx_i/dt"),
            ParamSpec.positive("dt", 0.05, "integration time step"),
            ParamSpec.positive("t_max", 300.0, "integration time"),
            ParamSpec.nonNegative("transient", 100.0, "time discarded before measuring"),
            ParamSpec.positive("output_interval", 1.0, "time between measurements, and the lag spacing of the autocorrelation"),
            ParamSpec.positive("renorm_interval", 1.0, "time between renormalisations of the Lyapunov tangent vector"
                    + " (rounded to whole steps, at least one; also at every output time)"),
            ParamSpec.integer("autocorrelation_lags", 40, 2, "lags of the autocorrelation series, output_interval apart"),
            ParamSpec.choice("integrator", "auto", "auto: RK4 without noise, stochastic Heun with it", "auto", "euler",
                    "heun", "rk4"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(RecurrentNetwork.LYAPUNOV, "largest Lyapunov exponent (Benettin), per output interval"
                    + " after the transient"),
            ObservableSpec.of(RecurrentNetwork.DELTA0, "population variance of activity (1/N) sum_i x_i^2, time-averaged"
                    + " over each output interval"),
            ObservableSpec.of(RecurrentNetwork.MEAN_ACTIVITY, "population rate (1/N) sum_i phi(x_i), time-averaged over"
                    + " each output interval"),
            ObservableSpec.once(RecurrentNetwork.AUTOCORRELATION_TIME, "first lag at which the connected autocorrelation"
                    + " falls to 1/e of its value at lag 0 (interpolated; the largest lag if it never does)"),
            ObservableSpec.series(RecurrentNetwork.AUTOCORRELATION, "connected population autocorrelation C(tau) ="
                    + " [x_i(t) x_i(t + tau)] - [x_i]^2 after the transient; the t column is the lag tau"));

    private static final List<DerivedQuantity> DERIVED = List.of(new DerivedQuantity(THEORY_DELTA0,
            "dynamical mean-field Delta0 at this g (Sompolinsky, Crisanti, Sommers 1988): tanh, I = 0, noise = 0 only,"
                    + " NaN otherwise; the value to plot beside delta0",
            List.of(RecurrentNetwork.DELTA0), (means, p) -> theoryDelta0(p)),
            new DerivedQuantity(THEORY_LYAPUNOV, "mean-field largest Lyapunov exponent at this g (the same theory's"
                    + " tangent problem): g - 1 below g = 1, quadratic in g - 1 just above; tanh, I = 0, noise = 0 only, NaN"
                    + " otherwise; the value to plot beside lyapunov",
                    List.of(RecurrentNetwork.LYAPUNOV), (means, p) -> theoryLyapunov(p)));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public RecurrentNetworkType() {
    }

    @Override
    public String name() {
        return "rnn";
    }

    @Override
    public String description() {
        return "random recurrent rate network (Sompolinsky-Crisanti-Sommers): transition to chaos at g = 1, Lyapunov"
                + " exponent, mean-field Delta0 beside the data";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<String> disorderParameters() {
        return List.of("N");
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 40, "g", 2.0, "t_max", 30.0, "transient", 10.0, "dt", 0.1, "autocorrelation_lags", 8);
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ObservableSpec> observables() {
        return OBSERVABLES;
    }

    @Override
    public List<DerivedQuantity> derived() {
        return DERIVED;
    }

    /** The mean-field Delta0 where the theory applies (tanh, no input, no noise, g <= 100); NaN elsewhere. */
    static double theoryDelta0(Params p) {
        return theoryApplies(p) ? MeanFieldTheory.delta0(p.getDouble("g")) : Double.NaN;
    }

    /** The mean-field Lyapunov exponent where the theory applies; NaN elsewhere. */
    static double theoryLyapunov(Params p) {
        return theoryApplies(p) ? MeanFieldTheory.lyapunov(p.getDouble("g")) : Double.NaN;
    }

    private static boolean theoryApplies(Params p) {
        return p.getString("phi").equals("tanh") && p.getDouble("I") == 0 && p.getDouble("noise") == 0
                && p.getDouble("g") <= THEORY_MAX_GAIN;
    }

    /** Chaotic where the Lyapunov exponent is positive by two standard errors, stable where negative by two. */
    @Override
    public Optional<PhaseClassifier> phaseClassifier() {
        return Optional.of((values, p) -> {
            double[] lyapunov = values.getOrDefault(RecurrentNetwork.LYAPUNOV, new double[] {Double.NaN, Double.NaN});
            double error = Double.isNaN(lyapunov[1]) ? 0 : lyapunov[1];
            String evidence = String.format(Locale.ROOT, "lyapunov = %.4g +- %.2g, g = %s", lyapunov[0], lyapunov[1],
                    p.getDouble("g"));
            String phase = lyapunov[0] - 2 * error > 0 ? "chaotic" : lyapunov[0] + 2 * error < 0 ? "stable" : "marginal";
            return new PhaseClassifier.Phase(phase, evidence);
        });
    }

    @Override
    public void validate(Params p) {
        double tMax = p.getDouble("t_max");
        double transientTime = p.getDouble("transient");
        if (transientTime >= tMax) {
            throw new InvalidParameterException("transient", "transient must be < t_max = " + tMax);
        }
        if (measuredUnits(p) < 1) {
            throw new InvalidParameterException("output_interval", "output_interval = " + p.getDouble("output_interval")
                    + " must fit between transient = " + transientTime + " and t_max = " + tMax);
        }
        if (tMax / p.getDouble("dt") > 1e10) {
            throw new InvalidParameterException("dt", "t_max / dt > 1e10 steps");
        }
        if (p.getString("integrator").equals("rk4") && p.getDouble("noise") > 0) {
            throw new InvalidParameterException("integrator", "rk4 is for deterministic runs (noise = 0); use heun or"
                    + " euler with noise");
        }
    }

    /** Whole output intervals between the transient and t_max. */
    static long measuredUnits(Params p) {
        return (long) Math.floor((p.getDouble("t_max") - p.getDouble("transient")) / p.getDouble("output_interval")
                + 1e-9);
    }

    /** End times of the discarded units (the transient in output intervals, the last one shortened), then the measured. */
    static double[] unitTimes(Params p) {
        double interval = p.getDouble("output_interval");
        double transientTime = p.getDouble("transient");
        List<Double> times = new ArrayList<>();
        for (long k = 1; k * interval < transientTime * (1 - 1e-12); k++) {
            times.add(k * interval);
        }
        if (transientTime > 0) {
            times.add(transientTime);
        }
        for (long k = 1; k <= measuredUnits(p); k++) {
            times.add(transientTime + k * interval);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public Schedule schedule(Params p) {
        long measured = measuredUnits(p);
        return new Schedule(unitTimes(p).length - measured, measured);
    }

    @Override
    public long seriesPoints(Params p) {
        return p.getInt("autocorrelation_lags");
    }

    /** The couplings (8 N^2), the state and integrator stages (2N each), the autocorrelation snapshots. */
    @Override
    public long memoryBytes(Params p) {
        long n = p.getInt("N");
        return 8 * n * n + 8 * n * (2 * 7 + 3) + 8 * n * p.getInt("autocorrelation_lags") + 1024;
    }

    @Override
    public List<String> warnings(Params p) {
        List<String> warnings = new ArrayList<>();
        Scheme scheme = integrator(p);
        double limit = scheme.realAxisLimit();
        // The Jacobian -1 + g J phi' has its spectrum in the disc of radius g about -1 (|phi'| <= 1).
        double reach = p.getDouble("dt") * (1 + p.getDouble("g"));
        if (reach > limit) {
            warnings.add(String.format(Locale.ROOT, "dt = %s is beyond the stability range of %s for g = %s"
                    + " (dt (1 + g) = %.3g > %s): the results are numerical artefacts; use dt <= %.3g", p.getDouble("dt"),
                    scheme.label(), p.getDouble("g"), reach, limit,
                    limit / (1 + p.getDouble("g"))));
        }
        if (p.getString("phi").equals("linear") && p.getDouble("g") >= 1) {
            warnings.add("phi = linear with g = " + p.getDouble("g") + " >= 1: -1 + g J has eigenvalues with positive"
                    + " real part, so the activity grows without bound and the task ends with non-finite values");
        }
        if (p.getInt("autocorrelation_lags") > measuredUnits(p)) {
            warnings.add("autocorrelation_lags = " + p.getInt("autocorrelation_lags") + " exceeds the "
                    + measuredUnits(p) + " measured output intervals: the series stops at the last lag reached");
        }
        return warnings;
    }

    private static Scheme integrator(Params p) {
        return Scheme.choose(p.getString("integrator"), p.getDouble("noise") > 0);
    }

    /** J_ij ~ N(0, 1/N) off the diagonal, drawn row by row; J_ii = 0. Stored column-major: J_ij at [j N + i]. */
    static double[] couplings(int n, UniformRandomProvider disorder) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(disorder);
        double scale = 1 / Math.sqrt(n);
        double[] j = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                j[col * n + row] = row == col ? 0.0 : scale * gauss.sample();
            }
        }
        return j;
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        throw new IllegalStateException(name() + " draws its couplings from the disorder stream: use create(params, rng,"
                + " disorder)");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, UniformRandomProvider disorder) {
        int n = p.getInt("N");
        return create(p, couplings(n, disorder), rng);
    }

    /** A replica on given couplings (column-major as {@link #couplings} stores them; read, not copied). */
    static RecurrentNetwork create(Params p, double[] couplings, UniformRandomProvider rng) {
        double[] times = unitTimes(p);
        int discard = (int) (times.length - measuredUnits(p));
        double dt = p.getDouble("dt");
        int renormSteps = (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.round(p.getDouble("renorm_interval") / dt)));
        RecurrentNetwork.Transfer transfer = RecurrentNetwork.Transfer.valueOf(p.getString("phi").toUpperCase(Locale.ROOT));
        return new RecurrentNetwork(p.getInt("N"), p.getDouble("g"), p.getDouble("I"), p.getDouble("noise"), transfer,
                couplings, dt, integrator(p), times, discard, renormSteps, p.getInt("autocorrelation_lags"),
                p.getDouble("output_interval"), rng);
    }
}
