package io.phasesweep.stuartlandau;

import io.phasesweep.kuramoto.ContinuumCoefficients;
import io.phasesweep.kuramoto.GrowthAnalysis;
import io.phasesweep.kuramoto.GrowthClass;
import io.phasesweep.kuramoto.KuramotoChainType;
import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import io.phasesweep.model.Schedule;
import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.model.SizeExponent;
import io.phasesweep.ode.Scheme;
import io.phasesweep.oscillator.MeasurementSchedule;
import io.phasesweep.oscillator.OscillatorParameters;
import io.phasesweep.oscillator.RunSettings;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry entry {@code stuart_landau1d}: the ring of {@link StuartLandauChain}, with kuramoto1d's
 * noise, disorder, schedule and growth analysis, and the phase reduction of {@link PhaseReduction}.
 */
public final class StuartLandauChainType implements ModelType {
    public static final StuartLandauChainType INSTANCE = new StuartLandauChainType();
    /** Far beyond any ring people integrate, and 2N within a Java array. */
    static final int MAX_N = 1 << 29;
    /** Phase advance per step (rad) beyond which the step is warned about: windings are tracked by continuity. */
    static final double MAX_TURN_PER_STEP = 0.5;
    /** Points on the lattice's wavenumber range [0, 4] of 2 - 2 cos q at which the step's stability is checked. */
    static final int STABILITY_MODES = 256;

    private static final List<ParamSpec> PARAMETERS = OscillatorParameters.withSchedule(List.of(
            ParamSpec.integer("N", null, 3, "oscillators on the ring").withMax(MAX_N),
            ParamSpec.nonNegative("K", 1.0, "nearest-neighbour coupling: K (1 + i c1) (A_{j+1} + A_{j-1} - 2 A_j)"),
            ParamSpec.real("c1", 0.0, "linear dispersion: the imaginary part of the coupling"),
            ParamSpec.real("c2", 0.0, "nonlinear frequency shift (non-isochronicity): -(1 + i c2) |A|^2 A"),
            ParamSpec.nonNegative("D", 0.0, "noise strength: sqrt(2D) (xi_j + i eta_j) on A_j; the phases see D (1 + c2^2)"),
            ParamSpec.nonNegative("sigma", 0.0, "width of the quenched Gaussian natural frequencies omega_j")),
            "order parameter, amplitudes, slip rate",
            "initial A_j = exp(i phi_j): flat (phi 0), perturbed (+-0.25 rad), random");

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(StuartLandauChain.ORDER_PARAMETER, "phase order parameter r = |mean A_j / |A_j||, after the transient"),
            ObservableSpec.of(StuartLandauChain.AMPLITUDE, "mean amplitude |A_j|, after the transient: near 1 where the phase"
                    + " reduction holds"),
            ObservableSpec.of(StuartLandauChain.MIN_AMPLITUDE, "smallest |A_j| on the ring, after the transient: near 0 at"
                    + " amplitude defects, where arg A_j jumps and the phase description fails"),
            ObservableSpec.of(StuartLandauChain.SLIP_RATE, "phase slips per oscillator per unit time, after the transient"),
            ObservableSpec.of(StuartLandauChain.LOCKED_FRACTION, "fraction of frequency-locked neighbour pairs: no net"
                    + " phase slip from the transient to the last measurement"),
            ObservableSpec.series(StuartLandauChain.WIDTH, "interface width W(t) of the unwrapped phases arg A_j"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public StuartLandauChainType() {
    }

    @Override
    public String name() {
        return "stuart_landau1d";
    }

    @Override
    public String description() {
        return "ring of Stuart-Landau oscillators (complex Ginzburg-Landau chain) with noise and/or quenched frequencies;"
                + " unwrapped phases as a growing interface";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 16, "D", 0.05, "sigma", 0.1, "c1", 0.5, "c2", 1.0, "t_max", 20.0, "transient", 5.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ObservableSpec> observables() {
        return OBSERVABLES;
    }

    /** The phase reduction's coefficients: functions of the parameters alone, under kuramoto1d's names. */
    @Override
    public List<DerivedQuantity> derived() {
        return List.of(
                DerivedQuantity.ofParameters("nu_eff",
                        "nu of dh/dt = nu h'' + (lambda/2) h'^2 + eta for h = arg A: K (1 + c1 c2)",
                        p -> continuum(p).nu()),
                DerivedQuantity.ofParameters("lambda_eff", "lambda of the KPZ equation: 2 K (c2 - c1)",
                        p -> continuum(p).lambda()),
                DerivedQuantity.ofParameters("noise_eff",
                        "noise strength of the phase equation: D (1 + c2^2) (amplitude noise turned into phase noise by c2)",
                        PhaseReduction::noise),
                DerivedQuantity.ofParameters("kpz_coupling",
                        "dimensionless KPZ coupling g = lambda^2 noise_eff / nu^3 (NaN without noise or with nu <= 0)",
                        p -> continuum(p).coupling()),
                DerivedQuantity.ofParameters("t_cross",
                        "EW-to-KPZ crossover time nu^5 / (noise_eff^2 lambda^4), or nu^(5/3) / (sigma lambda)^(4/3) with"
                                + " columnar disorder alone (NaN when lambda = 0 or nu <= 0)",
                        p -> continuum(p).crossoverTime()));
    }

    private static ContinuumCoefficients continuum(Params p) {
        return PhaseReduction.of(p);
    }

    @Override
    public List<SeriesQuantity> seriesQuantities() {
        return List.of(new SeriesQuantity(StuartLandauChain.WIDTH,
                (t, mean, stderr, p) -> GrowthAnalysis.analyse(t, mean, stderr))
                .withPowerLaw("beta", "beta_t_from", "beta_t_to"));
    }

    /** The phase interface's roughness and dynamic exponents, as kuramoto1d's. */
    @Override
    public List<SizeExponent> sizeExponents() {
        return KuramotoChainType.INSTANCE.sizeExponents();
    }

    /**
     * kuramoto1d's growth classes: they read K, D, sigma, beta, slip_rate and order_parameter,
     * which this model has with the same meaning (D and sigma act on the phases as noise and
     * columnar disorder, see {@link PhaseReduction}), and the phase reduction's t_cross.
     */
    @Override
    public Optional<PhaseClassifier> phaseClassifier() {
        return Optional.of(new GrowthClass(PhaseReduction::of));
    }

    /** kuramoto1d's checks of the schedule and integrator, {@link OscillatorParameters#validate}. */
    @Override
    public void validate(Params p) {
        OscillatorParameters.validate(p);
    }

    /**
     * Two doubtful steps. Stability: about the synchronised state the perturbations of wavenumber
     * q evolve by the 2 x 2 matrix of {@link PhaseReduction#linearisation}; with c1 != 0 its
     * eigenvalues are complex, so the step is checked with the scheme's amplification |R(dt mu)|
     * on a grid of 2 - 2 cos q over [0, 4], not on the real axis alone. Tracking: the windings
     * follow each A_j across a step, which needs a turn well under pi per step: the rotation
     * omega_j - c2 (four sigma) and four standard deviations of the step's phase noise are warned
     * about beyond 0.5 rad. (The coupling's own phase velocity, (lambda/2)(2 - 2 cos q), is small
     * while the phases are smooth; a ring rough on the lattice scale has left the phase description
     * anyway, which the slip rate and min_amplitude show.)
     */
    @Override
    public List<String> warnings(Params p) {
        Scheme scheme = OscillatorParameters.integrator(p);
        double dt = p.getDouble("dt");
        double k = p.getDouble("K");
        double c1 = p.getDouble("c1");
        double c2 = p.getDouble("c2");
        double worst = 1;
        double worstKappa = 0;
        for (int i = 0; i <= STABILITY_MODES; i++) {
            double kappa = 4.0 * i / STABILITY_MODES;
            double[] mu = PhaseReduction.eigenvalues(k, c1, c2, kappa);
            for (int e = 0; e < 2; e++) {
                double a = scheme.amplification(dt * mu[2 * e], dt * mu[2 * e + 1]);
                if (a > worst) {
                    worst = a;
                    worstKappa = kappa;
                }
            }
        }
        List<String> out = new java.util.ArrayList<>();
        if (worst > 1 + 1e-9) {
            out.add(String.format(Locale.ROOT, "dt = %s is beyond the stability range of %s for K = %s, c1 = %s, c2 = %s:"
                    + " a perturbation of 2 - 2 cos q = %.3g grows by %.4g per step about the synchronised state;"
                    + " the results are numerical artefacts", dt, scheme.label(), k, c1, c2, worstKappa, worst));
        }
        double turn = dt * (Math.abs(c2) + 4 * p.getDouble("sigma")) + 4 * Math.sqrt(2 * p.getDouble("D") * dt);
        if (turn > MAX_TURN_PER_STEP) {
            out.add(String.format(Locale.ROOT, "dt = %s turns the phases by up to %.2f rad per step (dt (|c2| + 4 sigma)"
                    + " + 4 sqrt(2 D dt)): the phase windings are followed step by step and need turns well under pi;"
                    + " use a smaller dt", dt, turn));
        }
        return out;
    }

    /**
     * State, state before the step, integrator stages (at most five of 2N), frequencies and
     * phase scratch: 16 doubles; three long arrays of windings.
     */
    @Override
    public long memoryBytes(Params p) {
        return (16L + 3) * 8 * p.getInt("N");
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
        return new StuartLandauChain(p.getInt("N"), p.getDouble("K"), p.getDouble("c1"), p.getDouble("c2"), RunSettings.of(p),
                rng);
    }
}
