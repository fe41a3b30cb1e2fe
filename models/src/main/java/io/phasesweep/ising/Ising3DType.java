package io.phasesweep.ising;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReferenceValue;
import io.phasesweep.model.Scaling;
import io.phasesweep.order.OrderParameter;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registry entry {@code ising3d}: the simple cubic Ising model, J = 1, at coupling {@code K} = J/T
 * or temperature {@code T} (give exactly one). Reference: K_c = 0.221654626(5), nu = 0.629912(86)
 * (A. M. Ferrenberg, J. Xu and D. P. Landau, Phys. Rev. E 97, 043301 (2018)).
 */
public final class Ising3DType implements ModelType {
    public static final Ising3DType INSTANCE = new Ising3DType();

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("L", null, 2, "linear lattice size; N = L^3 spins, periodic")
                    .withMax(io.phasesweep.lattice.SimpleCubicLattice.MAX_SIZE),
            ParamSpec.optionalPositive("K", "coupling J/T (give K or T)"),
            ParamSpec.optionalPositive("T", "temperature in units of J (give K or T)"),
            ParamSpec.choice("algorithm", "wolff", "update: Wolff clusters or sublattice Metropolis", "metropolis", "wolff"),
            ParamSpec.count("sweeps", 10_000L, 1, "measurement sweeps (one measurement after each)"),
            ParamSpec.count("thermalization", 1_000L, 0, "sweeps discarded before measuring"),
            ParamSpec.choice("start", "random", "initial spins: random (hot) or all up (cold)", "random", "ordered"));

    private static final List<DerivedQuantity> DERIVED = OrderParameter.derived(
            p -> Math.pow(p.getInt("L"), 3), Ising3DType::coupling);

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public Ising3DType() {
    }

    static double coupling(Params p) {
        return p.has("K") ? p.getDouble("K") : 1.0 / p.getDouble("T");
    }

    @Override
    public String name() {
        return "ising3d";
    }

    @Override
    public String description() {
        return "3D Ising model, simple cubic, periodic, J = 1; Wolff or Metropolis; axis K = J/T or T";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("L", 4, "K", 0.22, "sweeps", 200L, "thermalization", 20L);
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ObservableSpec> observables() {
        return Ising2DType.OBSERVABLES;
    }

    @Override
    public List<DerivedQuantity> derived() {
        return DERIVED;
    }

    @Override
    public Map<String, Scaling> scaling() {
        return OrderParameter.scaling();
    }

    /**
     * K_c = 0.221654626(5) and nu = 0.629912(86) (Ferrenberg, Xu and Landau 2018, Monte Carlo);
     * the exponent ratios from the conformal bootstrap's Delta_sigma = 0.5181489(10) (Kos, Poland,
     * Simmons-Duffin and Vichi, JHEP 08 (2016) 036): beta/nu = Delta_sigma, gamma/nu = 3 - 2 Delta_sigma.
     * The critical point is given in both parameters a sweep may use, K and T = 1/K.
     */
    @Override
    public List<ReferenceValue> referenceValues(Params p) {
        String monteCarlo = "Ferrenberg, Xu, Landau 2018";
        String bootstrap = "conformal bootstrap, Kos et al. 2016";
        double kc = 0.221654626;
        double deltaSigma = 0.5181489;
        return List.of(ReferenceValue.criticalPoint("K", kc, monteCarlo),
                ReferenceValue.criticalPoint("T", 1 / kc, monteCarlo),
                ReferenceValue.exponent(ReferenceValue.NU, 0.629912, monteCarlo),
                ReferenceValue.exponent("gamma_over_nu", 3 - 2 * deltaSigma, bootstrap),
                ReferenceValue.exponent("beta_over_nu", deltaSigma, bootstrap));
    }

    @Override
    public void validate(Params p) {
        if (p.has("K") == p.has("T")) {
            throw new InvalidParameterException(p.has("K") ? "T" : "K", "ising3d needs exactly one of K and T");
        }
    }

    /** Spins (bytes), the neighbour table (6 ints a site), the two sublattices (1 int a site), a Wolff stack. */
    @Override
    public long memoryBytes(Params p) {
        long sites = (long) Math.pow(p.getInt("L"), 3);
        return (p.getString("algorithm").equals("wolff") ? 33 : 29) * sites;
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new Ising3D(p.getInt("L"), coupling(p),
                Ising2D.Algorithm.valueOf(p.getString("algorithm").toUpperCase(Locale.ROOT)),
                p.getString("start").equals("ordered"), rng);
    }
}
