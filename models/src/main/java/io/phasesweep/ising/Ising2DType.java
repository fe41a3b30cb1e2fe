package io.phasesweep.ising;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReferenceValue;
import io.phasesweep.order.OrderParameter;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/** Registry entry {@code ising2d}: parameters, observables and derived quantities of {@link Ising2D}. */
public final class Ising2DType implements ModelType {
    public static final Ising2DType INSTANCE = new Ising2DType();

    public static final String MAGNETIZATION = "magnetization";
    static final String MULTISPIN = "metropolis-multispin";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("L", null, 2, "linear lattice size; N = L^2 spins, periodic")
                    .withMax(io.phasesweep.lattice.SquareLattice.MAX_SIZE),
            ParamSpec.positive("T", null, "temperature (k_B = 1)"),
            ParamSpec.real("J", 1.0, "nearest-neighbour coupling (> 0 ferromagnetic)"),
            ParamSpec.real("h", 0.0, "external field"),
            ParamSpec.choice("algorithm", "metropolis", "update: checkerboard Metropolis, Wolff clusters (h = 0, J > 0), or"
                    + " multispin-coded checkerboard Metropolis, 64 spins per word (h = 0, J > 0)",
                    "metropolis", "wolff", MULTISPIN),
            ParamSpec.count("sweeps", 10_000L, 1, "measurement sweeps (one measurement after each)"),
            ParamSpec.count("thermalization", 1_000L, 0, "sweeps discarded before measuring"),
            ParamSpec.choice("start", "random", "initial spins: random (hot) or all up (cold)", "random", "ordered"));

    /** The order-parameter set plus the signed magnetisation (meaningful in a field). */
    static final List<ObservableSpec> OBSERVABLES = java.util.stream.Stream.concat(
            OrderParameter.observables("energy per spin e = E/N", "|m|").stream(),
            java.util.stream.Stream.of(ObservableSpec.of(MAGNETIZATION, "magnetisation per spin m"))).toList();

    private static final List<DerivedQuantity> DERIVED = OrderParameter.derived(
            p -> (double) p.getInt("L") * p.getInt("L"), p -> 1.0 / p.getDouble("T"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public Ising2DType() {
    }

    @Override
    public String name() {
        return "ising2d";
    }

    @Override
    public String description() {
        return "2D Ising model, square lattice, periodic; checkerboard Metropolis (scalar or multispin) or Wolff";
    }

    @Override
    public String version() {
        // 2: the multispin kernel draws from a xoshiro256++ stream of its own (seeded from the
        // replica's generator) and always draws its first 8 digits: other random numbers, the same
        // distribution. Metropolis and Wolff results keep their bits.
        return "2";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("L", 6, "T", 2.5, "sweeps", 200L, "thermalization", 20L);
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

    @Override
    public java.util.Map<String, io.phasesweep.model.Scaling> scaling() {
        return OrderParameter.scaling();
    }

    /**
     * Exact at h = 0 for a ferromagnet: T_c = 2J/ln(1 + sqrt 2) (Onsager 1944), nu = 1,
     * gamma/nu = 7/4, beta/nu = 1/8 (beta = 1/8: Yang 1952). A field removes the transition.
     */
    @Override
    public List<ReferenceValue> referenceValues(Params p) {
        if (p.getDouble("h") != 0.0 || p.getDouble("J") <= 0.0) {
            return List.of();
        }
        String exact = "exact (Onsager 1944; Yang 1952)";
        return List.of(ReferenceValue.criticalPoint("T", 2 * p.getDouble("J") / Math.log(1 + Math.sqrt(2)), exact),
                ReferenceValue.exponent(ReferenceValue.NU, 1.0, exact),
                ReferenceValue.exponent("gamma_over_nu", 1.75, exact),
                ReferenceValue.exponent("beta_over_nu", 0.125, exact));
    }

    @Override
    public void validate(Params p) {
        String algorithm = p.getString("algorithm");
        if (!algorithm.equals("metropolis")) {
            if (p.getDouble("h") != 0.0) {
                throw new InvalidParameterException("h", "algorithm " + algorithm + " needs h = 0 (got h = " + p.getDouble("h") + ")");
            }
            if (p.getDouble("J") <= 0.0) {
                throw new InvalidParameterException("J", "algorithm " + algorithm + " needs J > 0 (got J = " + p.getDouble("J") + ")");
            }
        }
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        if (p.getString("algorithm").equals(MULTISPIN)) {
            return new MultispinIsing2D(p.getInt("L"), p.getDouble("T"), p.getDouble("J"),
                    p.getString("start").equals("ordered"), rng);
        }
        return new Ising2D(p.getInt("L"), p.getDouble("T"), p.getDouble("J"), p.getDouble("h"), algorithm(p),
                p.getString("start").equals("ordered"), rng);
    }

    /** Spins (bytes) and the neighbour table (4 ints a site); a Wolff stack (1 int a site); multispin: 1 bit a spin. */
    @Override
    public long memoryBytes(Params p) {
        long sites = (long) p.getInt("L") * p.getInt("L");
        return switch (p.getString("algorithm")) {
            case MULTISPIN -> sites / 8 + 1024;
            case "wolff" -> 21 * sites;
            default -> 17 * sites;
        };
    }

    private static Ising2D.Algorithm algorithm(Params p) {
        return Ising2D.Algorithm.valueOf(p.getString("algorithm").toUpperCase(Locale.ROOT));
    }
}
