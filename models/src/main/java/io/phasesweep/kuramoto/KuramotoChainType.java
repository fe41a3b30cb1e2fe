package io.phasesweep.kuramoto;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Schedule;
import io.phasesweep.oscillator.MeasurementSchedule;
import io.phasesweep.oscillator.OscillatorParameters;
import io.phasesweep.oscillator.RunSettings;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/** Registry entry {@code kuramoto1d}: the oscillator ring of {@link KuramotoChain}. */
public final class KuramotoChainType implements ModelType {
    public static final KuramotoChainType INSTANCE = new KuramotoChainType();
    static final String BETA_EFF = "beta_eff";
    static final String T_CROSS = "t_cross";
    static final String T_CONTINUUM = "t_continuum";
    /** Far beyond any ring people integrate, and within a Java array. */
    static final int MAX_N = 1 << 30;
    /** The ring's Laplacian has eigenvalues down to -4: the drift's Jacobian, down to -4 K max|Gamma'|. */
    static final int LAPLACIAN_BOUND = 4;

    private static final List<ParamSpec> PARAMETERS = KuramotoParameters.of(
            ParamSpec.integer("N", null, 3, "oscillators on the ring").withMax(MAX_N),
            "nearest-neighbour coupling", "order parameter, slip rate");

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

    /** The schedule's and integrator's checks, {@link OscillatorParameters#validate}. */
    @Override
    public void validate(Params p) {
        OscillatorParameters.validate(p);
    }

    /** The step's linear stability on the ring, {@link KuramotoParameters#stabilityWarnings}. */
    @Override
    public List<String> warnings(Params p) {
        return KuramotoParameters.stabilityWarnings(p, LAPLACIAN_BOUND);
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
        return MeasurementSchedule.runnerSchedule(p);
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new KuramotoChain(p.getInt("N"), p.getDouble("K"), KuramotoParameters.oddPart(p), KuramotoParameters.evenPart(p),
                RunSettings.of(p), rng);
    }
}
