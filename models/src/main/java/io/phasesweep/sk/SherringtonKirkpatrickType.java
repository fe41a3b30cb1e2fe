package io.phasesweep.sk;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParallelTempering;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Scaling;
import io.phasesweep.stats.Bins;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry entry {@code sk}: parameters, observables and derived quantities of
 * {@link SherringtonKirkpatrick}, run by parallel tempering over the {@code T} axis.
 *
 * <p><b>Tasks.</b> {@code T} is the ladder axis: one task is one disorder sample (one replica of
 * the sweep) times every {@code T} of the grid; a grid with other axes ({@code N},
 * {@code couplings}) has one ladder per combination of their values. The framework
 * ({@link ParallelTempering}) exchanges neighbouring temperatures after every sweep and records
 * each member's acceptance as {@code swap_rate} (the rate with the next-higher temperature;
 * the top member reports the pair below it).
 *
 * <p><b>Disorder.</b> The couplings depend on {@code N} and {@code couplings} only and come from
 * the disorder stream, so a replica's sample is the same at every {@code T}; the members of a
 * ladder share one matrix ({@link #disorderSample}, drawn once per task). Initial spins and Metropolis decisions
 * come from the task's stream.
 *
 * <p><b>Observables</b>, each measured after every sweep: {@code energy} (per spin, mean of the two
 * real replicas), {@code q2}, {@code q4}, {@code abs_q} of their overlap q, and the histogram
 * {@code q} (P(q)). Derived at each point from the means over disorder samples (ratio of
 * averages): {@code overlap_binder} g = (3 - [q4]/[q2]^2) / 2, {@code spin_glass_susceptibility}
 * N [q2], and the equilibration check {@code link_relation_gap}.
 *
 * <p><b>Equilibration check.</b> For Gaussian couplings, integration by parts over the disorder
 * gives the exact identity (every N, every T, in equilibrium)
 * [e] = -(1/(2T)) (1 - [q2]) (derived in the package documentation; the test proposed by
 * H. G. Katzgraber, M. Palassini and A. P. Young, Phys. Rev. B 63, 184422 (2001), with the link
 * overlap, which for all-to-all couplings is q^2). {@code link_relation_gap} = [e] + (1 - [q2])/(2T) is therefore 0
 * within its error when the point is equilibrated; started from random spins, e is too high and q2
 * too low, so the gap approaches 0 from above. NaN for {@code pm_j}, where no such identity holds.
 */
public final class SherringtonKirkpatrickType implements ModelType {
    public static final SherringtonKirkpatrickType INSTANCE = new SherringtonKirkpatrickType();

    public static final String TEMPERATURE = "T";
    public static final String ENERGY = "energy";
    public static final String Q2 = "q2";
    public static final String Q4 = "q4";
    public static final String ABS_Q = "abs_q";
    public static final String Q = "q";
    public static final String OVERLAP_BINDER = "overlap_binder";
    public static final String SPIN_GLASS_SUSCEPTIBILITY = "spin_glass_susceptibility";
    public static final String LINK_RELATION_GAP = "link_relation_gap";
    /** Largest N: the float matrix then takes 4 N^2 bytes = 64 MiB per task. */
    public static final int MAX_N = 4096;
    /**
     * P(q) bins: an odd count, so for even N no possible value q = 2k/N - 1 other than +-1 falls on a
     * bin edge (edges and values coincide only where 51 k = j N). The bins are [-1, 1): q = 1 is
     * counted in the top bin, so P(q) stays symmetric.
     */
    static final int Q_BINS = 51;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", null, 2, "number of spins (all-to-all couplings; N <= " + MAX_N + ")"),
            ParamSpec.positive(TEMPERATURE, null, "temperature, the parallel-tempering ladder axis"),
            ParamSpec.choice("couplings", "gaussian", "coupling distribution, variance 1/N:"
                    + " gaussian N(0, 1/N) or pm_j +-1/sqrt(N)", "gaussian", "pm_j"),
            ParamSpec.count("sweeps", 10_000L, 1, "measured Metropolis sweeps per replica"
                    + " (one measurement and one exchange attempt after each)"),
            ParamSpec.count("thermalization", 2_000L, 0, "sweeps discarded before measuring"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(ENERGY, "energy per spin -(1/N) sum_{i<j} J_ij s_i s_j, mean of the two real replicas"),
            ObservableSpec.of(Q2, "q^2, q = (1/N) sum_i s_i^a s_i^b the overlap of the two real replicas"),
            ObservableSpec.of(Q4, "q^4"),
            ObservableSpec.of(ABS_Q, "|q|"),
            ObservableSpec.histogram(Q, "P(q), the overlap distribution (one value per measured sweep)",
                    Bins.uniform(-1.0, 1.0, Q_BINS)),
            ParallelTempering.SWAP_RATE_OBSERVABLE);

    private static final List<DerivedQuantity> DERIVED = List.of(
            new DerivedQuantity(OVERLAP_BINDER, "overlap Binder parameter g = (3 - [q4]/[q2]^2) / 2,"
                    + " disorder average as the ratio of averages", List.of(Q4, Q2),
                    (m, p) -> 0.5 * (3.0 - m[0] / (m[1] * m[1]))),
            new DerivedQuantity(SPIN_GLASS_SUSCEPTIBILITY, "spin-glass susceptibility N [q2]", List.of(Q2),
                    (m, p) -> p.getInt("N") * m[0]),
            new DerivedQuantity(LINK_RELATION_GAP, "equilibration check [e] + (1 - [q2])/(2T): 0 in equilibrium"
                    + " (gaussian couplings, exact at every N), > 0 while not; NaN for pm_j", List.of(ENERGY, Q2),
                    (m, p) -> p.getString("couplings").equals("gaussian")
                            ? m[0] + (1.0 - m[1]) / (2.0 * p.getDouble(TEMPERATURE)) : Double.NaN));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public SherringtonKirkpatrickType() {
    }

    @Override
    public String name() {
        return "sk";
    }

    @Override
    public String description() {
        return "Sherrington-Kirkpatrick spin glass: Metropolis, parallel tempering over T (one task = one"
                + " disorder sample x the T ladder), two real replicas for the overlap q";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<String> disorderParameters() {
        return List.of("N", "couplings");
    }

    @Override
    public Optional<String> ladderAxis() {
        return Optional.of(TEMPERATURE);
    }

    @Override
    public boolean parallelTempering() {
        return true;
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 32, TEMPERATURE, 0.8, "sweeps", 200L, "thermalization", 50L);
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

    /**
     * With {@code T} as control and {@code N} as the size: g is scale invariant and
     * N [q2] ~ N^(1/3) at T_c. Mean-field: g and N^(-1/3) chi_SG are functions of
     * N^(1/3) (T - T_c), i.e. the framework's form with L = N and nu = 3 (gamma/nu = 1/3).
     */
    @Override
    public Map<String, Scaling> scaling() {
        return Map.of(OVERLAP_BINDER, Scaling.invariant(),
                SPIN_GLASS_SUSCEPTIBILITY, Scaling.growing("gamma_over_nu"));
    }

    @Override
    public void validate(Params p) {
        int n = p.getInt("N");
        if (n > MAX_N) {
            throw new InvalidParameterException("N", String.format(Locale.ROOT,
                    "N = %d: the coupling matrix would take 4 N^2 bytes = %.0f MiB per task; sk stores it as floats"
                            + " for N <= %d (64 MiB)", n, 4.0 * n * n / (1 << 20), MAX_N));
        }
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        throw new IllegalStateException(name() + " draws its couplings from the disorder stream: use create(params, rng, disorder)");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, UniformRandomProvider disorder) {
        return create(p, rng, disorderSample(p, disorder).orElseThrow());
    }

    /** The couplings of one disorder sample: drawn once per task, shared by every ladder member. */
    @Override
    public java.util.Optional<Object> disorderSample(Params p, UniformRandomProvider disorder) {
        int n = p.getInt("N");
        if (n > MAX_N) {
            throw new InvalidParameterException("N", "N = " + n + " > " + MAX_N);
        }
        CouplingMatrix.Distribution d = p.getString("couplings").equals("gaussian")
                ? CouplingMatrix.Distribution.GAUSSIAN : CouplingMatrix.Distribution.PM_J;
        return java.util.Optional.of(CouplingMatrix.draw(n, d, disorder));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, Object couplings) {
        return new SherringtonKirkpatrick((CouplingMatrix) couplings, p.getDouble(TEMPERATURE), rng);
    }

    /**
     * The coupling matrix (4 N^2 bytes) and two replicas' spins and fields. The framework multiplies
     * this by the ladder's members, which share the matrix: an upper bound, by a factor of up to the
     * number of temperatures for large N.
     */
    @Override
    public long memoryBytes(Params p) {
        long n = p.getInt("N");
        return 4 * n * n + 2 * (n + 8 * n) + 1024;
    }
}
