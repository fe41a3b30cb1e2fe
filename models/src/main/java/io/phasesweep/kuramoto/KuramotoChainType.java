package io.phasesweep.kuramoto;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Schedule;
import io.phasesweep.ode.Scheme;
import io.phasesweep.oscillator.RunSettings;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Registry entry {@code kuramoto1d}: the oscillator ring of {@link KuramotoChain}. */
public final class KuramotoChainType implements ModelType {
    public static final KuramotoChainType INSTANCE = new KuramotoChainType();
    static final String BETA_EFF = "beta_eff";
    static final String T_CROSS = "t_cross";
    static final String T_CONTINUUM = "t_continuum";
    /** The interface width is sampled from this many time steps on (earlier it is pure noise). */
    public static final int FIRST_SERIES_STEP = 10;
    /** Far beyond any ring people integrate, and within a Java array. */
    static final int MAX_N = 1 << 30;
    /** A million log-spaced samples resolve any growth law; more would only fill the tables. */
    public static final int MAX_SERIES_POINTS = 1_000_000;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", null, 3, "oscillators on the ring").withMax(MAX_N),
            ParamSpec.nonNegative("K", 1.0, "nearest-neighbour coupling"),
            ParamSpec.nonNegative("D", 0.0, "noise strength: sqrt(2D) xi_i(t)"),
            ParamSpec.nonNegative("sigma", 0.0, "width of the quenched Gaussian natural frequencies omega_i"),
            ParamSpec.choice("coupling_function", "sakaguchi",
                    "sakaguchi: sin(phi - alpha) + sin(alpha); odd_even: sin(phi) + c (1 - cos(phi))", "sakaguchi", "odd_even"),
            ParamSpec.real("alpha", 0.0, "Sakaguchi phase lag (non-oddity of the coupling)"),
            ParamSpec.real("c", 0.0, "even part of the odd_even coupling function"),
            ParamSpec.positive("dt", 0.02, "integration time step"),
            ParamSpec.positive("t_max", 100.0, "integration time"),
            ParamSpec.nonNegative("transient", 10.0, "time before the order parameter and slip rate are averaged"),
            ParamSpec.positive("output_interval", 1.0, "time between order-parameter measurements"),
            ParamSpec.integer("series_points", 40, 2, "log-spaced times at which the interface width is recorded")
                    .withMax(MAX_SERIES_POINTS),
            ParamSpec.optionalPositive("series_from", "time of the first interface-width sample (default 10 dt);"
                    + " earlier resolves the growth of small rings that saturate quickly"),
            ParamSpec.choice("integrator", "auto", "auto: stochastic Heun with noise, RK4 without", "auto", "euler", "heun", "rk4"),
            ParamSpec.choice("start", "flat", "initial phases: flat (all 0), perturbed (+-0.25 rad), random", "flat", "perturbed",
                    "random"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(KuramotoChain.ORDER_PARAMETER, "Kuramoto order parameter r = |mean exp(i theta)|, after the transient"),
            ObservableSpec.of(KuramotoChain.SLIP_RATE, "phase slips per oscillator per unit time, after the transient"),
            ObservableSpec.of(KuramotoChain.LOCKED_FRACTION, "fraction of frequency-locked neighbour pairs: no net phase slip"
                    + " from the transient to the last measurement"),
            ObservableSpec.series(KuramotoChain.WIDTH, "interface width W(t) = sqrt(mean (theta_i - mean theta)^2)"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public KuramotoChainType() {
    }

    @Override
    public String name() {
        return "kuramoto1d";
    }

    @Override
    public String description() {
        return "Kuramoto-Sakaguchi ring with noise and/or quenched frequencies; phases as a growing interface";
    }

    @Override
    public String version() {
        // 2: the replica rows gained the continuum coefficients (nu_eff, lambda_eff, kpz_coupling, t_cross).
        return "2";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("N", 16, "D", 0.1, "sigma", 0.1, "t_max", 20.0, "transient", 5.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ObservableSpec> observables() {
        return OBSERVABLES;
    }

    /** The continuum (KPZ) coefficients of the point: functions of its parameters alone (no inputs). */
    @Override
    public List<io.phasesweep.model.DerivedQuantity> derived() {
        return List.of(
                io.phasesweep.model.DerivedQuantity.ofParameters("nu_eff",
                        "nu of dh/dt = nu h'' + (lambda/2) h'^2 + eta: K cos(alpha) (Sakaguchi) or K (odd_even)",
                        p -> ContinuumCoefficients.of(p).nu()),
                io.phasesweep.model.DerivedQuantity.ofParameters("lambda_eff",
                        "lambda of the KPZ equation: 2 K sin(alpha) (Sakaguchi) or 2 K c (odd_even)",
                        p -> ContinuumCoefficients.of(p).lambda()),
                io.phasesweep.model.DerivedQuantity.ofParameters("kpz_coupling",
                        "dimensionless KPZ coupling g = lambda^2 D / nu^3 (NaN without noise or with nu <= 0)",
                        p -> ContinuumCoefficients.of(p).coupling()),
                io.phasesweep.model.DerivedQuantity.ofParameters(T_CROSS,
                        "EW-to-KPZ crossover time nu^5 / (D^2 lambda^4), or nu^(5/3) / (sigma lambda)^(4/3) with"
                                + " columnar disorder alone (NaN when lambda = 0)",
                        p -> ContinuumCoefficients.of(p).crossoverTime()),
                io.phasesweep.model.DerivedQuantity.ofParameters(T_CONTINUUM,
                        "time from which the ring follows the continuum equation: " + ContinuumCoefficients.CONTINUUM_TIMES
                                + " / nu (random deposition lasts until about 1 / nu); NaN where nu <= 0",
                        p -> ContinuumCoefficients.of(p).continuumTime()));
    }

    @Override
    public List<io.phasesweep.model.SeriesQuantity> seriesQuantities() {
        return List.of(new io.phasesweep.model.SeriesQuantity(KuramotoChain.WIDTH,
                (t, mean, stderr, p) -> GrowthAnalysis.analyse(t, mean, stderr))
                .withPowerLaw("beta", "beta_t_from", "beta_t_to"));
    }

    /** beta_eff(t): the crossover from EW's 1/4 to KPZ's 1/3 point by point, read against t / t_cross. */
    @Override
    public List<io.phasesweep.model.DerivedSeries> derivedSeries() {
        return List.of(io.phasesweep.model.DerivedSeries.localLogSlope(BETA_EFF,
                "local growth exponent d ln W / d ln t (between the neighbouring samples of width)", KuramotoChain.WIDTH)
                .withTimeScale(T_CROSS, T_CONTINUUM));
    }

    /**
     * The desynchronisation boundary K_c: along K, where the slip rate falls through the classifier's
     * threshold (a ring with fewer slips counts as synchronised).
     */
    @Override
    public List<io.phasesweep.model.Boundary> boundaries() {
        return List.of(new io.phasesweep.model.Boundary("desync", KuramotoChain.SLIP_RATE, "K", GrowthClass.SLIP_THRESHOLD,
                "K_c: coupling above which the ring has fewer than " + GrowthClass.SLIP_THRESHOLD
                        + " phase slips per oscillator per unit time"));
    }

    @Override
    public List<io.phasesweep.model.SizeExponent> sizeExponents() {
        return List.of(new io.phasesweep.model.SizeExponent("roughness_exponent", "w_sat", "N",
                "alpha in w_sat ~ N^alpha (1/2 for EW and KPZ, 3/2 for EW with columnar noise)"),
                new io.phasesweep.model.SizeExponent("dynamic_exponent", "t_sat", "N",
                        "z in t_sat ~ N^z (2 for EW, 3/2 for KPZ)"));
    }

    @Override
    public java.util.Optional<io.phasesweep.model.PhaseClassifier> phaseClassifier() {
        return java.util.Optional.of(new GrowthClass());
    }

    @Override
    public void validate(Params p) {
        if (p.getDouble("transient") >= p.getDouble("t_max")) {
            throw new InvalidParameterException("transient", "transient must be < t_max = " + p.getDouble("t_max"));
        }
        if (p.getDouble("output_interval") > p.getDouble("t_max") - p.getDouble("transient")) {
            throw new InvalidParameterException("output_interval", "output_interval must fit between transient and t_max");
        }
        if (p.has("series_from")) {
            if (p.getDouble("series_from") >= p.getDouble("t_max")) {
                throw new InvalidParameterException("series_from", "series_from must be < t_max = " + p.getDouble("t_max"));
            }
        } else if (p.getDouble("dt") * FIRST_SERIES_STEP >= p.getDouble("t_max")) {
            throw new InvalidParameterException("dt", "dt must be well below t_max (t_max > " + FIRST_SERIES_STEP + " dt)");
        }
        if (p.getDouble("t_max") / p.getDouble("dt") > 1e10) {
            throw new InvalidParameterException("dt", "t_max / dt > 1e10 steps");
        }
        if (p.getString("integrator").equals("rk4") && p.getDouble("D") > 0) {
            throw new InvalidParameterException("integrator", "rk4 is for deterministic runs (D = 0); use heun or euler with noise");
        }
    }

    /**
     * Linear stability of the step: near any state the drift's Jacobian is K Gamma'(phi) times the
     * ring's Laplacian, whose eigenvalues lie in [-4, 0], and |Gamma'| is at most 1 (Sakaguchi) or
     * sqrt(1 + c^2) (odd_even). A step with dt times that rate beyond the scheme's stability limit
     * makes the integration blow up or, with slips counted modulo 2 pi, produce smooth-looking noise.
     */
    @Override
    public List<String> warnings(Params p) {
        double slope = p.getString("coupling_function").equals("sakaguchi") ? 1.0 : Math.hypot(1.0, p.getDouble("c"));
        double rate = 4 * p.getDouble("K") * slope;
        String scheme = integrator(p).label();
        double limit = integrator(p).realAxisLimit();
        double dt = p.getDouble("dt");
        if (dt * rate <= limit) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "dt = %s is beyond the stability range of %s for K = %s"
                + " (dt * 4 K max|Gamma'| = %.3g > %s): the results are numerical artefacts; use dt <= %.3g",
                dt, scheme, p.getDouble("K"), dt * rate, limit, limit / rate));
    }

    private static Scheme integrator(Params p) {
        return Scheme.choose(p.getString("integrator"), p.getDouble("D") > 0);
    }

    /** The first sample of the interface width: ten steps in by default, where W is past the first step's noise. */
    private static double seriesFrom(Params p) {
        return p.has("series_from") ? p.getDouble("series_from") : FIRST_SERIES_STEP * p.getDouble("dt");
    }

    /**
     * Measurement times and what to record at each: {time -> {series?, scalar?}}. From the
     * parameters t_max, transient, output_interval, series_points, series_from and dt, which any
     * interface-growth model with this schedule shares (stuart_landau1d does).
     */
    public static TreeMap<Double, boolean[]> measurementTimes(Params p) {
        double tMax = p.getDouble("t_max");
        double transientTime = p.getDouble("transient");
        double interval = p.getDouble("output_interval");
        int points = p.getInt("series_points");
        double first = seriesFrom(p);
        TreeMap<Double, boolean[]> times = new TreeMap<>();
        for (int k = 0; k < points; k++) {
            double t = k == points - 1 ? tMax : first * StrictMath.pow(tMax / first, (double) k / (points - 1));
            times.computeIfAbsent(t, x -> new boolean[2])[0] = true;
        }
        if (transientTime > 0) {
            times.computeIfAbsent(transientTime, x -> new boolean[2]);
        }
        for (long k = 1; transientTime + k * interval <= tMax * (1 + 1e-12); k++) {
            times.computeIfAbsent(Math.min(tMax, transientTime + k * interval), x -> new boolean[2])[1] = true;
        }
        return times;
    }

    /** Nine double arrays (phases, frequencies, integrator stages, noise) and two long arrays (branches) of N. */
    @Override
    public long memoryBytes(Params p) {
        return 88L * p.getInt("N");
    }

    @Override
    public long seriesPoints(Params p) {
        return p.getInt("series_points");
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, measurementTimes(p).size());
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        boolean sakaguchi = p.getString("coupling_function").equals("sakaguchi");
        double alpha = p.getDouble("alpha");
        double a = sakaguchi ? StrictMath.cos(alpha) : 1.0;
        double b = sakaguchi ? StrictMath.sin(alpha) : p.getDouble("c");
        return new KuramotoChain(p.getInt("N"), p.getDouble("K"), a, b, RunSettings.of(p), rng);
    }
}
