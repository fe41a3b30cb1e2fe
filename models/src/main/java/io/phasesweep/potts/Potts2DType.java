package io.phasesweep.potts;

import io.phasesweep.model.DerivedQuantity;
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

/** Registry entry {@code potts2d}: the q-state Potts model on the square lattice, J = 1. */
public final class Potts2DType implements ModelType {
    public static final Potts2DType INSTANCE = new Potts2DType();


    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("L", null, 2, "linear lattice size; N = L^2 spins, periodic")
                    .withMax(io.phasesweep.lattice.SquareLattice.MAX_SIZE),
            ParamSpec.integer("q", 3, 2, "number of states, 2..127 (continuous transition for q <= 4)"),
            ParamSpec.positive("T", null, "temperature in units of J; T_c = 1/ln(1 + sqrt q)"),
            ParamSpec.choice("algorithm", "wolff", "update: Wolff clusters or checkerboard Metropolis", "metropolis", "wolff"),
            ParamSpec.count("sweeps", 10_000L, 1, "measurement sweeps (one measurement after each)"),
            ParamSpec.count("thermalization", 1_000L, 0, "sweeps discarded before measuring"),
            ParamSpec.choice("start", "random", "initial states: random (hot) or all 0 (cold)", "random", "ordered"));

    private static final List<ObservableSpec> OBSERVABLES = OrderParameter.observables(
            "energy per spin e = -(aligned bonds)/N", "|m|, m = (1/N) sum exp(2 pi i s / q)");

    private static final List<DerivedQuantity> DERIVED = OrderParameter.derived(
            p -> (double) p.getInt("L") * p.getInt("L"), p -> 1.0 / p.getDouble("T"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public Potts2DType() {
    }

    @Override
    public String name() {
        return "potts2d";
    }

    @Override
    public String description() {
        return "2D q-state Potts model, square lattice, periodic, J = 1; Wolff or Metropolis";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("L", 6, "q", 3, "T", 1.0, "sweeps", 200L, "thermalization", 20L);
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
    public Map<String, Scaling> scaling() {
        return OrderParameter.scaling();
    }

    /**
     * Exact for the continuous transitions, q = 2, 3, 4 (Wu 1982, from Baxter 1973 and den Nijs
     * 1979): T_c = 1/ln(1 + sqrt q); nu = 1, 5/6, 2/3; beta/nu = 1/8, 2/15, 1/8; gamma/nu = 7/4,
     * 26/15, 7/4. For q > 4 the transition is first order: no exponents.
     */
    @Override
    public List<ReferenceValue> referenceValues(Params p) {
        int q = p.getInt("q");
        if (q > 4) {
            return List.of();
        }
        double[] nu = {1.0, 5.0 / 6.0, 2.0 / 3.0};
        double[] betaOverNu = {1.0 / 8.0, 2.0 / 15.0, 1.0 / 8.0};
        double[] gammaOverNu = {7.0 / 4.0, 26.0 / 15.0, 7.0 / 4.0};
        String exact = "exact (Baxter 1973; den Nijs 1979)";
        return List.of(ReferenceValue.criticalPoint("T", 1 / Math.log(1 + Math.sqrt(q)), exact),
                ReferenceValue.exponent(ReferenceValue.NU, nu[q - 2], exact),
                ReferenceValue.exponent("gamma_over_nu", gammaOverNu[q - 2], exact),
                ReferenceValue.exponent("beta_over_nu", betaOverNu[q - 2], exact));
    }

    @Override
    public void validate(Params p) {
        if (p.getInt("q") > Byte.MAX_VALUE) {
            throw new io.phasesweep.model.InvalidParameterException("q", "q must be <= 127 (states are bytes), got " + p.getInt("q"));
        }
    }

    /** States (bytes), the neighbour table (4 ints a site), a Wolff stack (1 int a site). */
    @Override
    public long memoryBytes(Params p) {
        return 21L * p.getInt("L") * p.getInt("L");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new Potts2D(p.getInt("L"), p.getInt("q"), p.getDouble("T"),
                Potts2D.Algorithm.valueOf(p.getString("algorithm").toUpperCase(Locale.ROOT)),
                p.getString("start").equals("ordered"), rng);
    }
}
