package io.phasesweep.vicsek;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Scaling;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Registry entry {@code vicsek}: the self-propelled particles of {@link VicsekModel}.
 *
 * <p><b>Size.</b> The parameters are the particle number {@code N} and the density {@code rho};
 * the box side L = sqrt(N / rho) is derived ({@link #linearSize}), so a sweep over N at fixed rho
 * is a sweep over L, and {@code fss { size = L }} analyses it on the linear scale the scaling
 * forms are written in.
 *
 * <p><b>Schedule.</b> A unit is one time step: {@code transient} steps are discarded, then
 * {@code steps} steps are each followed by one measurement of phi, phi^2 and phi^4. The Binder
 * cumulant and the susceptibility are derived from the pooled means of those moments over the
 * replicas' time series (as for the Ising magnetisation), with the framework's error bars.
 */
public final class VicsekModelType implements ModelType {
    public static final VicsekModelType INSTANCE = new VicsekModelType();
    /** Ten doubles and three ints a particle: 2^27 particles are about 12 GiB, beyond any executor here. */
    static final int MAX_N = 1 << 27;
    static final double TWO_PI = 2 * Math.PI;
    static final String BINDER = "polarization_binder";
    static final String SUSCEPTIBILITY = "polarization_susceptibility";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", null, 1, "particles").withMax(MAX_N),
            ParamSpec.positive("rho", 4.0, "density N / L^2: the periodic box has side L = sqrt(N / rho); the"
                    + " interaction radius is 1"),
            ParamSpec.positive("v0", 0.03, "speed: distance moved per time step (Vicsek et al. 1995: 0.03)"),
            ParamSpec.nonNegative("eta", null, "noise amplitude in [0, 2 pi]: angular noise uniform in [-eta/2, eta/2];"
                    + " vectorial noise of weight eta / 2 pi").withMax(TWO_PI),
            ParamSpec.choice("noise", "angular", "angular: the mean neighbour heading turned by a random angle (Vicsek"
                    + " 1995); vectorial: a random unit vector times (eta / 2 pi) n_i added to the neighbours' sum"
                    + " (Gregoire and Chate 2004)", "angular", "vectorial"),
            ParamSpec.count("transient", 1_000L, 0, "time steps discarded before measuring"),
            ParamSpec.count("steps", 2_000L, 1, "measured time steps (phi recorded after each)"),
            ParamSpec.choice("start", "random", "initial headings: random (uniform) or ordered (all along +x);"
                    + " positions are uniform in the box either way", "random", "ordered"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(VicsekModel.POLARIZATION, "polar order phi = |sum_i v_i| / (N v0), after the transient"),
            ObservableSpec.of(VicsekModel.POLARIZATION2, "phi^2 of each step, for the Binder cumulant and susceptibility"),
            ObservableSpec.of(VicsekModel.POLARIZATION4, "phi^4 of each step, for the Binder cumulant"));

    private static final List<DerivedQuantity> DERIVED = List.of(
            new DerivedQuantity(BINDER, "Binder cumulant 1 - <phi^4>/(3<phi^2>^2)",
                    List.of(VicsekModel.POLARIZATION2, VicsekModel.POLARIZATION4),
                    (m, p) -> 1.0 - m[1] / (3.0 * m[0] * m[0])),
            new DerivedQuantity(SUSCEPTIBILITY, "N (<phi^2> - <phi>^2)",
                    List.of(VicsekModel.POLARIZATION2, VicsekModel.POLARIZATION),
                    (m, p) -> p.getInt("N") * (m[0] - m[1] * m[1])));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public VicsekModelType() {
    }

    @Override
    public String name() {
        return "vicsek";
    }

    @Override
    public String description() {
        return "Vicsek model: self-propelled particles aligning with neighbours within distance 1 under angular or"
                + " vectorial noise, periodic L x L box at density rho; polar order, Binder cumulant, susceptibility";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 64, "rho", 2.0, "v0", 0.1, "eta", 2.0, "transient", 20L, "steps", 100L);
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

    /** Binder invariant (gives nu), susceptibility ~ L^(gamma/nu), phi ~ L^(-beta/nu). */
    @Override
    public Map<String, Scaling> scaling() {
        return Map.of(BINDER, Scaling.invariant(),
                SUSCEPTIBILITY, Scaling.growing("gamma_over_nu"),
                VicsekModel.POLARIZATION, Scaling.shrinking("beta_over_nu"));
    }

    @Override
    public Optional<String> linearSizeName() {
        return Optional.of("L");
    }

    @Override
    public List<String> linearSizeParameters() {
        return List.of("N", "rho");
    }

    @Override
    public OptionalDouble linearSize(Params p) {
        return OptionalDouble.of(box(p));
    }

    /** The box side L = sqrt(N / rho). */
    static double box(Params p) {
        return Math.sqrt(p.getInt("N") / p.getDouble("rho"));
    }

    @Override
    public void validate(Params p) {
        double box = box(p);
        if (!(box < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("rho", String.format(Locale.ROOT,
                    "rho = %s makes the box side sqrt(N / rho) infinite; use rho > 0 with N / rho finite", p.getDouble("rho")));
        }
        if (p.getDouble("v0") >= box) {
            throw new InvalidParameterException("v0", String.format(Locale.ROOT,
                    "v0 must be < L = sqrt(N / rho) = %.6g (a step longer than the box), got %s", box, p.getDouble("v0")));
        }
    }

    @Override
    public List<String> warnings(Params p) {
        List<String> warnings = new ArrayList<>();
        if (p.getDouble("v0") > 1) {
            warnings.add("v0 = " + p.getDouble("v0") + " > 1, the interaction radius: particles pass each other"
                    + " within one step without aligning");
        }
        return warnings;
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(p.getLong("transient"), p.getLong("steps"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        VicsekModel.Noise noise = VicsekModel.Noise.valueOf(p.getString("noise").toUpperCase(Locale.ROOT));
        return VicsekModel.start(p.getInt("N"), box(p), p.getDouble("v0"), p.getDouble("eta"), noise,
                p.getString("start").equals("ordered"), rng);
    }

    /** Positions, headings, their neighbour sums and counts (9 numbers a particle), and the cell list. */
    @Override
    public long memoryBytes(Params p) {
        long n = p.getInt("N");
        return n * (6 * 8 + 4) + CellList.memoryBytes(n, box(p)) + 1024;
    }
}
