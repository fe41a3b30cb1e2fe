package io.phasesweep.kuramoto;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Schedule;
import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.oscillator.MeasurementSchedule;
import io.phasesweep.oscillator.OscillatorParameters;
import io.phasesweep.oscillator.RunSettings;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;

/**
 * Registry entry {@code kuramoto2d}: the L x L lattice of {@link KuramotoSquareLattice}. Its
 * parameters are {@code kuramoto1d}'s with the ring's N replaced by the side L (N = L^2), and they
 * mean the same; so do the measurement times (log-spaced for the width, an even grid after the
 * transient for the scalars) and the checks of the time parameters, which are the ring's own.
 */
public final class KuramotoSquareLatticeType implements ModelType {
    public static final KuramotoSquareLatticeType INSTANCE = new KuramotoSquareLatticeType();
    /** N = L^2 up to 2^30, as for the ring. */
    static final int MAX_L = 1 << 15;
    /** Two Laplacian directions: the drift's Jacobian has eigenvalues down to -8 K max|Gamma'|. */
    static final int LAPLACIAN_BOUND = 8;

    private static final List<ParamSpec> PARAMETERS = KuramotoParameters.of(
            ParamSpec.integer("L", null, 3, "side of the periodic square lattice (N = L^2 oscillators)").withMax(MAX_L),
            "nearest-neighbour coupling (four neighbours)", "order parameter, slips, vortices");

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(KuramotoSquareLattice.ORDER_PARAMETER,
                    "Kuramoto order parameter r = |mean exp(i theta)|, after the transient"),
            ObservableSpec.of(KuramotoSquareLattice.SLIP_RATE, "phase slips per bond per unit time (2N bonds), after the transient"),
            ObservableSpec.of(KuramotoSquareLattice.VORTEX_DENSITY,
                    "vortices plus antivortices per plaquette (phase winding +-2 pi round a unit square), after the transient"),
            ObservableSpec.of(KuramotoSquareLattice.LOCKED_FRACTION, "fraction of frequency-locked bonds: no net phase slip"
                    + " from the transient to the last measurement"),
            ObservableSpec.series(KuramotoSquareLattice.WIDTH, "interface width W(t) = sqrt(mean (theta_i - mean theta)^2)"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public KuramotoSquareLatticeType() {
    }

    @Override
    public String name() {
        return "kuramoto2d";
    }

    @Override
    public String description() {
        return "Kuramoto-Sakaguchi L x L periodic lattice with noise and/or quenched frequencies; phases as a growing 2D interface";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("L", 8, "D", 0.1, "sigma", 0.1, "alpha", 0.5, "t_max", 20.0, "transient", 5.0);
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ObservableSpec> observables() {
        return OBSERVABLES;
    }

    /**
     * The continuum coefficients, exact functions of the parameters: nu, lambda and g as for the
     * ring (the square lattice's four neighbours expand to nu Laplacian h + (lambda/2) |grad h|^2
     * with the same nu and lambda, see {@link ContinuumCoefficients}); g = lambda^2 D / nu^3 is
     * dimensionless in d = 2. The crossover time is the two-dimensional one, {@link #crossoverTime}.
     */
    @Override
    public List<DerivedQuantity> derived() {
        return List.of(
                DerivedQuantity.ofParameters("nu_eff",
                        "nu of dh/dt = nu Laplacian h + (lambda/2) |grad h|^2 + eta: K cos(alpha) (Sakaguchi) or K (odd_even)",
                        p -> ContinuumCoefficients.of(p).nu()),
                DerivedQuantity.ofParameters("lambda_eff",
                        "lambda of the KPZ equation: 2 K sin(alpha) (Sakaguchi) or 2 K c (odd_even)",
                        p -> ContinuumCoefficients.of(p).lambda()),
                DerivedQuantity.ofParameters("kpz_coupling",
                        "dimensionless KPZ coupling g = lambda^2 D / nu^3 (NaN without noise or with nu <= 0)",
                        p -> ContinuumCoefficients.of(p).coupling()),
                DerivedQuantity.ofParameters("t_cross",
                        "EW-to-KPZ crossover time in 2D: the one-loop exp(16 pi / g) / nu with noise (the coupling is"
                                + " marginal), nu^3 / (sigma lambda)^2 with columnar disorder alone (NaN when lambda = 0)",
                        KuramotoSquareLatticeType::crossoverTime),
                DerivedQuantity.ofParameters("log_growth_ew",
                        "D / (4 pi nu): the slope of W^2 against ln t of the linear (Edwards-Wilkinson) lattice",
                        KuramotoSquareLatticeType::edwardsWilkinsonLogGrowth));
    }

    /**
     * The EW-to-KPZ crossover time of the lattice, prefactors 1 as for the ring.
     *
     * <p>With noise, the KPZ coupling is marginal in d = 2: the one-loop flow of g = lambda^2 D / nu^3
     * under a change of scale e^l is dg/dl = (2 - d) g + K_d (2d - 3)/(2d) g^2 with K_2 = 1 / (2 pi),
     * that is g^2 / (8 pi) (Kardar, Parisi and Zhang, Phys. Rev. Lett. 56, 889 (1986); Medina, Hwa,
     * Kardar and Zhang, Phys. Rev. A 39, 3053 (1989)). g grows to order one at the length
     * xi = exp(8 pi / g) lattice spacings, which the EW interface (z = 2) reaches at
     * t_x = xi^2 / nu = exp(16 pi / g) / nu. The exponent is a one-loop figure: it orders points by
     * 1/g and says a weak coupling never crosses over in practice (Infinity once the exponential
     * overflows), not when a given run does. With columnar disorder alone (frequencies of spread
     * sigma per site, per unit area) power counting leaves the one time nu^3 / (sigma lambda)^2. NaN
     * without lambda (EW at all times), without randomness, or without a continuum limit (nu <= 0).
     */
    static double crossoverTime(Params p) {
        ContinuumCoefficients c = ContinuumCoefficients.of(p);
        double nu = c.nu();
        double lambda = c.lambda();
        if (!(nu > 0) || lambda == 0) {
            return Double.NaN;
        }
        if (p.getDouble("D") > 0) {
            return Math.exp(16 * Math.PI / c.coupling()) / nu;
        }
        double sigma = p.getDouble("sigma");
        return sigma > 0 ? nu * nu * nu / (sigma * sigma * lambda * lambda) : Double.NaN;
    }

    /**
     * The linear lattice's logarithmic growth: each mode q of the discrete Laplacian grows to
     * variance D (1 - exp(-2 nu omega_q t)) / (nu omega_q), omega_q = 4 sin^2(q_x/2) + 4 sin^2(q_y/2),
     * so dW^2/dt = 2 D [exp(-4 nu t) I_0(4 nu t)]^2 on the infinite lattice, -> D / (4 pi nu t):
     * W^2 = (D / (4 pi nu)) ln t + const until the lattice saturates (t ~ L^2 / nu). NaN without
     * noise or without a continuum limit (nu <= 0).
     */
    static double edwardsWilkinsonLogGrowth(Params p) {
        double nu = ContinuumCoefficients.of(p).nu();
        double d = p.getDouble("D");
        return nu > 0 && d > 0 ? d / (4 * Math.PI * nu) : Double.NaN;
    }

    /**
     * W(t)'s growth over the last 1.5 decades before t_max ({@link LatticeGrowthAnalysis}): beta
     * and the slope of W^2 against ln t, which is what the two-dimensional EW interface has instead
     * of a power law. No w_sat, t_sat or size exponents: telling a logarithmic rise from a plateau
     * needs more than the ring's flatness test, so the lattice leaves saturation to the user.
     */
    @Override
    public List<SeriesQuantity> seriesQuantities() {
        return List.of(new SeriesQuantity(KuramotoSquareLattice.WIDTH,
                (t, mean, stderr, p) -> LatticeGrowthAnalysis.analyse(t, mean, stderr))
                .withPowerLaw("beta", "beta_t_from", "beta_t_to"));
    }

    /** The schedule's and integrator's checks, as for the ring: {@link OscillatorParameters#validate}. */
    @Override
    public void validate(Params p) {
        OscillatorParameters.validate(p);
    }

    /**
     * Linear stability of the step, as for the ring with the square lattice's Laplacian, whose
     * eigenvalues lie in [-8, 0]: dt 8 K max|Gamma'| beyond the scheme's limit is warned about.
     */
    @Override
    public List<String> warnings(Params p) {
        return KuramotoParameters.stabilityWarnings(p, LAPLACIAN_BOUND);
    }

    /**
     * Per site: phases and frequencies, up to five integrator arrays (RK4), two bonds' sheets now
     * and after the transient: 88 bytes, rounded up.
     */
    @Override
    public long memoryBytes(Params p) {
        long l = p.getInt("L");
        return 96L * l * l;
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
        return new KuramotoSquareLattice(p.getInt("L"), p.getDouble("K"), KuramotoParameters.oddPart(p),
                KuramotoParameters.evenPart(p), RunSettings.of(p), rng);
    }
}
