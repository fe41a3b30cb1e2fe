package io.phasesweep.order;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Scaling;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Observables and derived quantities shared by lattice models with an order parameter m (Ising,
 * Potts): energy and order-parameter moments per site, the Binder cumulant, the susceptibility
 * N beta (<m^2> - <|m|>^2) and the specific heat N beta^2 (<e^2> - <e>^2), and their
 * finite-size-scaling forms. One definition, so every such model reports them alike.
 */
public final class OrderParameter {
    public static final String ENERGY = "energy";
    public static final String ENERGY2 = "energy2";
    public static final String ABS_MAGNETIZATION = "abs_magnetization";
    public static final String M2 = "m2";
    public static final String M4 = "m4";

    private OrderParameter() {
    }

    /** energy, energy2, abs_magnetization, m2, m4 (meanings given for |m|). */
    public static List<ObservableSpec> observables(String energyMeaning, String orderParameterMeaning) {
        return List.of(
                ObservableSpec.of(ENERGY, energyMeaning),
                ObservableSpec.of(ENERGY2, "e^2, for the specific heat"),
                ObservableSpec.of(ABS_MAGNETIZATION, orderParameterMeaning),
                ObservableSpec.of(M2, "|m|^2"),
                ObservableSpec.of(M4, "|m|^4"));
    }

    /** Records one measurement of the energy per site and the order parameter's magnitude. */
    public static void record(Recorder out, double energyPerSite, double absM) {
        double m2 = absM * absM;
        out.record(ENERGY, energyPerSite);
        out.record(ENERGY2, energyPerSite * energyPerSite);
        out.record(ABS_MAGNETIZATION, absM);
        out.record(M2, m2);
        out.record(M4, m2 * m2);
    }

    /**
     * @param sites number of sites N at a point
     * @param beta  inverse temperature J/T at a point
     */
    public static List<DerivedQuantity> derived(ToDoubleFunction<Params> sites, ToDoubleFunction<Params> beta) {
        return List.of(
                new DerivedQuantity("binder", "Binder cumulant 1 - <m^4>/(3<m^2>^2)", List.of(M2, M4),
                        (m, p) -> 1.0 - m[1] / (3.0 * m[0] * m[0])),
                new DerivedQuantity("susceptibility", "N beta (<m^2> - <|m|>^2)", List.of(M2, ABS_MAGNETIZATION),
                        (m, p) -> sites.applyAsDouble(p) * beta.applyAsDouble(p) * (m[0] - m[1] * m[1])),
                new DerivedQuantity("specific_heat", "N beta^2 (<e^2> - <e>^2)", List.of(ENERGY2, ENERGY),
                        (m, p) -> {
                            double b = beta.applyAsDouble(p);
                            return sites.applyAsDouble(p) * b * b * (m[0] - m[1] * m[1]);
                        }));
    }

    /** Binder invariant (gives nu), susceptibility ~ L^(gamma/nu), |m| ~ L^(-beta/nu). */
    public static Map<String, Scaling> scaling() {
        return Map.of("binder", Scaling.invariant(),
                "susceptibility", Scaling.growing("gamma_over_nu"),
                ABS_MAGNETIZATION, Scaling.shrinking("beta_over_nu"));
    }
}
