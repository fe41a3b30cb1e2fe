package io.phasesweep.hopfield;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Scaling;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;

/**
 * Registry entry {@code hopfield}: parameters, observables and schedule of {@link HopfieldNetwork}.
 *
 * <p><b>Disorder.</b> The patterns are the quenched disorder: declared to depend on {@code N},
 * {@code alpha} and {@code p_body}, drawn from the disorder stream only, so replica r stores the same
 * patterns at every {@code T}, {@code start} and {@code flip}. Initial neurons, cue errors, update
 * orders and heat-bath decisions come from the replica's own stream.
 *
 * <p><b>Load.</b> P = max(1, round(alpha * scale)) with scale = N for p = 2 and N^(p-1) / p! for
 * p >= 3 (round half up, {@link Math#round(double)}), so alpha = 0.138 at N = 1000 stores 138
 * patterns; P is recorded as the once-per-replica observable {@code patterns}, so the rounding is
 * visible in every table.
 *
 * <p><b>Schedule and what the observables mean.</b> Each task runs two real replicas of the
 * neurons on the same patterns; {@code overlap}, {@code max_other_overlap}, {@code energy} and
 * {@code retrieved} are the means of the two replicas' values, {@code q} is their overlap.
 * <ul>
 *   <li>T = 0: {@link Schedule#untilDone} with {@code max_sweeps - 1} discarded sweeps and one
 *   measured: the run ends as soon as both replicas sit at a fixed point (a sweep without a flip),
 *   and the contract then measures that done state exactly once. So at T = 0 every scalar below has
 *   exactly one measurement per task, the fixed point's value (or the state after {@code max_sweeps}
 *   sweeps, which zero-temperature dynamics, lowering the energy with every flip, never needs in
 *   practice); its replica row has no within-replica error and a point's error is the spread over
 *   replicas, as for once-per-replica observables. {@code thermalization} and {@code sweeps} are
 *   not used.</li>
 *   <li>T &gt; 0: a fixed schedule, {@code thermalization} heat-bath sweeps discarded and
 *   {@code sweeps} measured; every scalar is the average over the measured sweeps with the
 *   framework's binning error.</li>
 * </ul>
 * The observables are scalars, not once-per-replica values, because the same names serve both
 * temperatures: a fixed-point value at T = 0 and a thermal average at T &gt; 0.
 * {@code sweeps_to_fixed_point} and {@code patterns} are once-per-replica.
 */
public final class HopfieldNetworkType implements ModelType {
    public static final HopfieldNetworkType INSTANCE = new HopfieldNetworkType();

    public static final String OVERLAP = "overlap";
    public static final String MAX_OTHER_OVERLAP = "max_other_overlap";
    public static final String ENERGY = "energy";
    public static final String Q = "q";
    public static final String RETRIEVED = "retrieved";
    public static final String SWEEPS_TO_FIXED_POINT = "sweeps_to_fixed_point";
    public static final String PATTERNS = "patterns";
    /** A replica has retrieved the cued pattern when |m_1| exceeds this. */
    public static final double RETRIEVAL_THRESHOLD = 0.9;
    /** Largest interaction order: keeps N^(p-1) / p! and the exact integer energy changes in range. */
    static final int MAX_BODY = 6;
    /** The integer energy changes of {@link HopfieldNetwork#flipGain} stay below this. */
    private static final double GAIN_LIMIT = 0x1p62;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", null, 2, "number of neurons"),
            ParamSpec.positive("alpha", null, "load: P / N for p_body = 2, P / (N^(p-1) / p!) for p_body >= 3;"
                    + " P = max(1, round(alpha * scale))"),
            ParamSpec.integer("p_body", 2, 2, "interaction order p: energy -N sum_mu m_mu^p / p (2: Hopfield)")
                    .withMax(MAX_BODY),
            ParamSpec.nonNegative("T", 0.0, "temperature (0: deterministic descent to a fixed point; > 0: heat bath)"),
            ParamSpec.choice("start", "pattern", "initial neurons: pattern 1 with a fraction flip of its bits flipped,"
                    + " or random", "pattern", "random"),
            ParamSpec.nonNegative("flip", 0.0, "start = pattern: fraction of pattern 1's bits flipped"
                    + " (round(flip * N) distinct neurons, chosen at random per replica)").withMax(1.0),
            ParamSpec.count("max_sweeps", 1_000L, 1, "T = 0: cap on sweeps while waiting for the fixed point"),
            ParamSpec.count("sweeps", 1_000L, 1, "T > 0: measurement sweeps (one measurement after each)"),
            ParamSpec.count("thermalization", 200L, 0, "T > 0: sweeps discarded before measuring"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(OVERLAP, "|m_1|, overlap with the cued pattern (T = 0: at the fixed point;"
                    + " T > 0: mean over measured sweeps); mean of the two replicas"),
            ObservableSpec.of(MAX_OTHER_OVERLAP, "largest |m_mu| over mu != 1 (0 when P = 1); mean of the two replicas"),
            ObservableSpec.of(ENERGY, "energy per neuron H/N = -sum_mu m_mu^p / p; mean of the two replicas"),
            ObservableSpec.of(Q, "overlap of the two replicas, (1/N) sum_i s_i^a s_i^b"),
            ObservableSpec.of(RETRIEVED, "fraction of the two replicas with overlap > 0.9: its mean is the"
                    + " retrieval probability"),
            ObservableSpec.once(SWEEPS_TO_FIXED_POINT, "T = 0: sweeps that flipped a neuron before the fixed point,"
                    + " mean of the two replicas (NaN at T > 0, or if max_sweeps came first)"),
            ObservableSpec.once(PATTERNS, "P, the number of stored patterns after rounding"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public HopfieldNetworkType() {
    }

    @Override
    public String name() {
        return "hopfield";
    }

    @Override
    public String description() {
        return "Hopfield and dense p-body Hebbian associative memory; two real replicas, T = 0 descent or heat bath";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<String> disorderParameters() {
        return List.of("N", "alpha", "p_body");
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 64, "alpha", 0.1, "T", 0.3, "flip", 0.2, "sweeps", 200L, "thermalization", 20L);
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
     * With {@code alpha} as the control axis and N as the size: the retrieval probability and the
     * overlap are order parameters of a discontinuous transition, read off where the curves of
     * different N cross.
     */
    @Override
    public Map<String, Scaling> scaling() {
        return Map.of(RETRIEVED, Scaling.invariant(), OVERLAP, Scaling.invariant());
    }

    @Override
    public Schedule schedule(Params p) {
        if (p.getDouble("T") == 0.0) {
            return Schedule.untilDone(p.getLong("max_sweeps") - 1, 1);
        }
        return new Schedule(p.getLong("thermalization"), p.getLong("sweeps"));
    }

    /** N for p = 2, N^(p-1) / p! for p >= 3: the number of patterns at alpha = 1. */
    public static double loadScale(int n, int body) {
        if (body == 2) {
            return n;
        }
        double scale = 1;
        for (int k = 1; k < body; k++) {
            scale *= (double) n / (k + 1);
        }
        return scale;
    }

    /** P = max(1, round(alpha * scale)), as a double (it may exceed an int for absurd parameters). */
    private static double patternsUnchecked(Params p) {
        return Math.max(1, Math.round(p.getDouble("alpha") * loadScale(p.getInt("N"), p.getInt("p_body"))));
    }

    /** The number of stored patterns at these parameters. */
    public static int patterns(Params p) {
        return (int) patternsUnchecked(p);
    }

    @Override
    public void validate(Params p) {
        int n = p.getInt("N");
        int body = p.getInt("p_body");
        double patterns = patternsUnchecked(p);
        if (patterns * n > Integer.MAX_VALUE - 8) {
            throw new InvalidParameterException("alpha", "N * P = " + (long) (patterns * n) + " pattern bits (P = "
                    + (long) patterns + ") do not fit one Java array; lower alpha or N");
        }
        if (patterns * body * Math.pow(n, body - 1) > GAIN_LIMIT) {
            throw new InvalidParameterException("N", "N = " + n + ", p_body = " + body + ", P = " + (long) patterns
                    + ": energy changes would leave exact 64-bit integer range");
        }
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        throw new IllegalStateException(name() + " draws its patterns from the disorder stream: use create(params, rng, disorder)");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, UniformRandomProvider disorder) {
        int n = p.getInt("N");
        int patterns = patterns(p);
        // Drawn pattern by pattern, neuron by neuron; stored neuron-major for the updates.
        byte[] xi = new byte[n * patterns];
        for (int mu = 0; mu < patterns; mu++) {
            for (int i = 0; i < n; i++) {
                xi[i * patterns + mu] = disorder.nextBoolean() ? (byte) 1 : (byte) -1;
            }
        }
        int flips = (int) Math.round(p.getDouble("flip") * n);
        return new HopfieldNetwork(n, patterns, p.getInt("p_body"), xi, p.getDouble("T"),
                p.getString("start").equals("pattern"), flips, rng);
    }

    /** Patterns (N P bytes), two replicas of neurons (bytes) and overlaps (ints), the update order. */
    @Override
    public long memoryBytes(Params p) {
        long n = p.getInt("N");
        long patterns = (long) patternsUnchecked(p);
        return n * patterns + 2 * n + 8 * patterns + 4 * n + 1024;
    }

    @Override
    public List<String> warnings(Params p) {
        if (p.getString("start").equals("random") && p.getDouble("flip") > 0) {
            return List.of("flip = " + p.getDouble("flip") + " is ignored with start = random");
        }
        return List.of();
    }
}
