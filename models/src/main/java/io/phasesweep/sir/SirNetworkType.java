package io.phasesweep.sir;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Schedule;
import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.series.TimeGrid;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.CombinationSampler;

import java.util.List;
import java.util.Map;

/**
 * Registry entry {@code sir_network}: parameters, observables and schedule of {@link SirEpidemic}
 * on a {@link SpatialNetwork}.
 *
 * <p><b>Schedule.</b> Fixed: one unit is {@code output_interval} of time (the last ends at t_max),
 * none discarded, ceil(t_max / output_interval) units in all. A replica whose epidemic has ended
 * runs its remaining units in O(1) each, recording prevalence 0, so {@code mean_prevalence} is the
 * time average of the infected fraction over [0, t_max] for every replica. The series are sampled
 * at 0, output_interval, 2 output_interval, ... up to t_max; after extinction they hold their final
 * values.
 *
 * <p><b>Disorder.</b> The network is quenched disorder drawn from the disorder stream, so replica r
 * sees the same network at every beta (or R0), gamma and t_max; the seed node and the epidemic's
 * clocks come from the replica stream.
 *
 * <p><b>beta or r0.</b> Exactly one is given (the key is {@code r0}, R0 in snake case). With r0,
 * the per-edge transmissibility is T = beta / (beta + gamma) = R0 / kappa_excess, kappa_excess the
 * mean excess degree E[k (k - 1)] / E[k]. A node's N - 1 partners are independent and uniform on
 * the torus, so given kappa_i its degree is Binomial(N - 1, kappa_i / (N - 1)) (exactly, for fixed
 * degrees, whose single kappa = k_mean includes the clip; for distributed degrees where no pair is
 * clipped), so kappa_excess = (N - 2) / (N - 1) E[kappa^2] / E[kappa]: k_mean (N - 2) / (N - 1)
 * for fixed degrees, twice that for exponential ones, (gamma - 2)^2 / ((gamma - 1)(gamma - 3)) times
 * it for a power law (infinite for gamma &lt;= 3, where r0 is refused). Hence beta = gamma T / (1 - T),
 * and R0 &lt; kappa_excess is required. This is the tree-like (configuration-model) R0: on a
 * clustered spatial network with a short kernel the true threshold lies above R0 = 1.
 *
 * <p><b>Seeds.</b> One, the node nearest the centre; or with {@code seed_fraction} f,
 * max(1, round(f N)) distinct nodes drawn from the replica stream (Commons RNG's
 * {@link CombinationSampler}). The two are exclusive: seed_fraction, when given, replaces the
 * central seed.
 */
public final class SirNetworkType implements ModelType {
    public static final SirNetworkType INSTANCE = new SirNetworkType();

    public static final String MEAN_PREVALENCE = "mean_prevalence";
    public static final String FINAL_SIZE = "final_size";
    public static final String MAJOR_OUTBREAK = "major_outbreak";
    public static final String MAJOR_OUTBREAK_SIZE = "major_outbreak_size";
    public static final String FINAL_SIZE_MAJOR = "final_size_major";
    public static final String PEAK_PREVALENCE = "peak_prevalence";
    public static final String PEAK_TIME = "peak_time";
    public static final String DURATION = "duration";
    public static final String PREVALENCE = "prevalence";
    public static final String FRONT_RADIUS = "front_radius";
    public static final String MEAN_DEGREE = "mean_degree";
    public static final String FRONT_ADVANCE = "front_advance";
    public static final String FRONT_SPEED = "front_speed";
    public static final String FRONT_SPEED_CHI2_DOF = "front_speed_chi2_dof";
    public static final String FRONT_GROWTH_EXPONENT = "front_growth_exponent";
    static final int MAX_SERIES_POINTS = 100_000;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", null, 2, "number of nodes"),
            ParamSpec.integer("dim", 2, 1, "1: nodes on the periodic unit interval; 2: on the periodic unit square")
                    .withMax(2),
            ParamSpec.positive("k_mean", 10.0, "mean of the nodes' expected degrees kappa_i (fixed degrees: every"
                    + " node's; otherwise the mean degree up to the clip, see mean_degree)"),
            ParamSpec.choice("degrees", DegreeDistribution.FIXED, "expected degrees kappa_i: fixed (k_mean for every"
                    + " node), exponential (kappa ~ k_mean Exp(1): geometric degrees) or power_law (Pareto, density"
                    + " ~ kappa^-degree_exponent from kappa_min = k_mean (gamma - 2) / (gamma - 1))",
                    DegreeDistribution.FIXED, DegreeDistribution.EXPONENTIAL, DegreeDistribution.POWER_LAW),
            ParamSpec.positive("degree_exponent", 3.5, "gamma of degrees = power_law (> 2; > 3 for r0, which needs"
                    + " a finite E[kappa^2])"),
            ParamSpec.choice("kernel", SpatialKernel.EXPONENTIAL, "distance kernel K(r): exponential exp(-r/ell)"
                    + " or power_law (1 + r/ell)^-a", SpatialKernel.EXPONENTIAL, SpatialKernel.POWER_LAW),
            ParamSpec.positive("ell", 0.02, "kernel length, in units of the box side"),
            ParamSpec.positive("a", 3.0, "exponent of the power_law kernel"),
            ParamSpec.optionalPositive("beta", "infection rate per edge (S-I pair); give beta or r0"),
            ParamSpec.optionalPositive("r0", "basic reproduction number R0 = T kappa_excess, T = beta / (beta +"
                    + " gamma), kappa_excess = (N - 2) / (N - 1) E[kappa^2] / E[kappa] the mean excess degree of"
                    + " the mixed-binomial degrees; give beta or r0"),
            ParamSpec.positive("gamma", 1.0, "recovery rate"),
            ParamSpec.optionalPositive("seed_fraction", "infect this fraction of the nodes (round(f N), at least 1),"
                    + " drawn at random, at t = 0; absent: one seed, the node nearest the centre").withMax(1),
            ParamSpec.positive("t_max", 100.0, "simulated time at most (the run ends earlier once nobody is infected)"),
            ParamSpec.positive("output_interval", 0.5, "time per unit and spacing of the series' output times"),
            ParamSpec.positive("major_threshold", 0.05, "an outbreak is major when its final size exceeds this"
                    + " fraction of the nodes").withMax(1));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(MEAN_PREVALENCE, "infected fraction averaged over each output interval (exact"
                    + " integral; 0 after extinction): its mean is the time average over [0, t_max]"),
            ObservableSpec.once(FINAL_SIZE, "fraction of nodes ever infected (seed included)"),
            ObservableSpec.once(MAJOR_OUTBREAK, "1 when final_size > major_threshold, else 0"),
            ObservableSpec.once(MAJOR_OUTBREAK_SIZE, "final_size of a major outbreak, 0 for a minor one"),
            ObservableSpec.once(PEAK_PREVALENCE, "largest infected fraction"),
            ObservableSpec.once(PEAK_TIME, "first time the infected count reached its largest value"),
            ObservableSpec.once(DURATION, "time of the last recovery (t_max if infection is still under way then)"),
            ObservableSpec.once(MEAN_DEGREE, "realised mean degree 2 E / N of the replica's network (expected: k_mean)"),
            ObservableSpec.series(PREVALENCE, "infected fraction at each output time"),
            ObservableSpec.series(FRONT_RADIUS, "distance of the furthest node infected by each output time from its"
                    + " seed (from the seed whose chain reached it, with seed_fraction)"),
            ObservableSpec.series(FRONT_ADVANCE, "growth of front_radius over the output interval ending at each time"
                    + " (0 at t = 0), recorded by major outbreaks only: its mean is over them"));

    private static final List<DerivedQuantity> DERIVED = List.of(DerivedQuantity.ratio(FINAL_SIZE_MAJOR,
            "mean final size over major outbreaks only: major_outbreak_size / major_outbreak",
            MAJOR_OUTBREAK_SIZE, MAJOR_OUTBREAK));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public SirNetworkType() {
    }

    @Override
    public String name() {
        return "sir_network";
    }

    @Override
    public String description() {
        return "SIR epidemic on a random spatial network (distance kernel on the periodic unit interval or"
                + " square), exact continuous-time events; final size, peak, duration, prevalence and front radius";
    }

    @Override
    public String version() {
        // 2: the networks are drawn by the cell-pair sampler (other bits than version 1's loops).
        return "2";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 400, "k_mean", 8.0, "ell", 0.05, "r0", 4.0, "t_max", 20.0, "output_interval", 1.0);
    }

    @Override
    public List<String> disorderParameters() {
        return List.of("N", "dim", "k_mean", "degrees", "degree_exponent", "kernel", "ell", "a");
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

    /** {@code front_speed}, {@code front_speed_chi2_dof}, {@code front_growth_exponent} ({@link FrontAnalysis}). */
    @Override
    public List<SeriesQuantity> seriesQuantities() {
        return List.of(FrontAnalysis.quantity());
    }

    static SpatialKernel kernel(Params p) {
        return new SpatialKernel(p.getString("kernel"), p.getDouble("ell"), p.getDouble("a"));
    }

    static DegreeDistribution degrees(Params p) {
        return new DegreeDistribution(p.getString("degrees"), p.getDouble("degree_exponent"));
    }

    /**
     * The mean excess degree E[k (k - 1)] / E[k] of the mixed-binomial degrees: given kappa_i a node's
     * degree is Binomial(N - 1, kappa_i / (N - 1)), so E[k (k - 1)] = (N - 2) / (N - 1) E[kappa^2] and
     * kappa_excess = (N - 2) / (N - 1) E[kappa^2] / k_mean = k_mean (N - 2) / (N - 1) E[w^2]
     * (E[w^2] = 1 fixed, 2 exponential; infinite for a power law with gamma &lt;= 3). Exact where no
     * pair is clipped (always for fixed degrees).
     */
    static double meanExcessDegree(Params p) {
        int n = p.getInt("N");
        return p.getDouble("k_mean") * degrees(p).secondMoment() * (n - 2) / (n - 1);
    }

    /** beta as given, or from R0: T = R0 / kappa_excess, beta = gamma T / (1 - T). */
    static double beta(Params p) {
        if (p.has("beta")) {
            return p.getDouble("beta");
        }
        double t = p.getDouble("r0") / meanExcessDegree(p);
        return p.getDouble("gamma") * t / (1 - t);
    }

    @Override
    public void validate(Params p) {
        int n = p.getInt("N");
        if (p.getInt("N") < 3 && p.has("r0")) {
            throw new InvalidParameterException("N", "r0 needs N >= 3 (no excess degree below), got N = " + n);
        }
        if (p.getDouble("k_mean") >= n - 1) {
            throw new InvalidParameterException("k_mean", "k_mean must be < N - 1 = " + (n - 1) + ", got "
                    + p.getDouble("k_mean"));
        }
        if (p.getString("degrees").equals(DegreeDistribution.POWER_LAW) && !(p.getDouble("degree_exponent") > 2)) {
            throw new InvalidParameterException("degree_exponent", "degree_exponent must be > 2 (a finite mean"
                    + " degree), got " + p.getDouble("degree_exponent"));
        }
        if (p.has("beta") == p.has("r0")) {
            throw new InvalidParameterException(p.has("beta") ? "r0" : "beta", "give exactly one of beta and r0"
                    + " (r0 fixes beta through r0 = kappa_excess beta / (beta + gamma)), got "
                    + (p.has("beta") ? "both" : "neither"));
        }
        if (p.has("r0") && Double.isInfinite(meanExcessDegree(p))) {
            throw new InvalidParameterException("r0", "r0 needs a finite E[kappa^2], which power_law degrees have"
                    + " only for degree_exponent > 3 (got " + p.getDouble("degree_exponent") + "); give beta instead");
        }
        if (p.has("r0") && p.getDouble("r0") >= meanExcessDegree(p)) {
            throw new InvalidParameterException("r0", "r0 must be < kappa_excess = (N - 2) / (N - 1) E[kappa^2] / k_mean = "
                    + meanExcessDegree(p) + " (transmissibility below 1), got " + p.getDouble("r0"));
        }
        if (p.getDouble("t_max") / p.getDouble("output_interval") >= MAX_SERIES_POINTS) {
            throw new InvalidParameterException("output_interval", "t_max / output_interval must be < "
                    + MAX_SERIES_POINTS + " (series points), got " + p.getDouble("t_max") / p.getDouble("output_interval"));
        }
        kernel(p).solveScale(n, p.getDouble("k_mean"), p.getInt("dim"));
    }

    /**
     * Doubtful values: a clip that lowers the mean degree of distributed degrees by more than 1 %
     * (r0 then overstates the excess degree), and seeds that alone make every outbreak major.
     */
    @Override
    public List<String> warnings(Params p) {
        List<String> out = new java.util.ArrayList<>();
        DegreeDistribution degrees = degrees(p);
        int n = p.getInt("N");
        if (!degrees.isFixed()) {
            double expected = expectedMeanDegree(p);
            if (expected < 0.99 * p.getDouble("k_mean")) {
                out.add(String.format(java.util.Locale.ROOT, "degrees = %s: the clip min(1, kappa_i kappa_j K(d) / Z)"
                        + " removes %.1f %% of the degree (expected mean degree %.3f, k_mean %s) and r0 overstates"
                        + " the excess degree; a wider kernel, a larger N or a smaller k_mean clips less",
                        degrees.name(), 100 * (1 - expected / p.getDouble("k_mean")), expected, p.getDouble("k_mean")));
            }
        }
        if (p.has("seed_fraction") && seedCount(p) > p.getDouble("major_threshold") * n) {
            out.add("seed_fraction = " + p.getDouble("seed_fraction") + " infects more than major_threshold = "
                    + p.getDouble("major_threshold") + " of the nodes at t = 0: every outbreak counts as major");
        }
        return out;
    }

    /** The expected mean degree, clip included ({@link SpatialKernel#expectedMeanDegree}). */
    static double expectedMeanDegree(Params p) {
        int n = p.getInt("N");
        int dim = p.getInt("dim");
        SpatialKernel kernel = kernel(p);
        DegreeDistribution degrees = degrees(p);
        return kernel.expectedMeanDegree(n, SpatialNetwork.scale(n, dim, p.getDouble("k_mean"), degrees, kernel), dim,
                degrees);
    }

    /** Seeds infected at t = 0: round(seed_fraction N), at least 1; one without seed_fraction. */
    static int seedCount(Params p) {
        if (!p.has("seed_fraction")) {
            return 1;
        }
        return (int) Math.max(1, Math.round(p.getDouble("seed_fraction") * p.getInt("N")));
    }

    /** ceil(x) where x within 1e-9 relative of an integer counts as that integer. */
    private static long ceilTolerant(double x) {
        long r = Math.round(x);
        return Math.abs(x - r) <= 1e-9 * Math.max(1, r) ? r : (long) Math.ceil(x);
    }

    static long units(Params p) {
        return Math.max(1, ceilTolerant(p.getDouble("t_max") / p.getDouble("output_interval")));
    }

    /** Output times k output_interval, k = 0, 1, ..., up to t_max. */
    static double[] outputTimes(Params p) {
        double dt = p.getDouble("output_interval");
        double tMax = p.getDouble("t_max");
        long last = units(p);
        if (last * dt > tMax * (1 + 1e-12)) {
            last--;
        }
        double[] times = new double[(int) last + 1];
        for (int k = 0; k < times.length; k++) {
            times[k] = Math.min(k * dt, tMax);
        }
        return times;
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, units(p));
    }

    @Override
    public long seriesPoints(Params p) {
        return outputTimes(p).length;
    }

    /**
     * The largest footprint, while the network is built: positions and weights, the edge sampler's
     * sorted copies (keys, order, cells, codes, positions, weights, cell tables), the edge list (room
     * for twice the mean number of edges, as it grows by doubling) and the adjacency; then the
     * epidemic's per-node arrays and the series.
     */
    @Override
    public long memoryBytes(Params p) {
        long n = p.getInt("N");
        int dim = p.getInt("dim");
        long edges = (long) (n * p.getDouble("k_mean") / 2) + 16;
        long nodes = 8 * n * dim + 8 * n;
        long sampler = 8 * n + 4 * n + 16 * n + 8 * n * (dim + 1) + 4 * n;
        long adjacency = 4 * (n + 1) + 8 * edges;
        long epidemic = n + 8 * n + 4 * 4 * n;
        return nodes + sampler + 8 * 2 * edges + adjacency + epidemic + 32L * outputTimes(p).length + 256;
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return create(p, rng, rng);
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, UniformRandomProvider disorder) {
        SpatialNetwork network = SpatialNetwork.build(p.getInt("N"), p.getInt("dim"), p.getDouble("k_mean"),
                degrees(p), kernel(p), disorder);
        return create(p, network, rng);
    }

    /**
     * The epidemic on a given network (tests, benchmarks): seeded at the node nearest the centre, or
     * with seed_fraction at {@link #seedCount} distinct nodes drawn from the replica's generator.
     */
    public static SirEpidemic create(Params p, SpatialNetwork network, UniformRandomProvider rng) {
        double[] times = outputTimes(p);
        int[] seeds = p.has("seed_fraction") ? new CombinationSampler(rng, network.nodes(), seedCount(p)).sample()
                : new int[]{network.nearestCentre()};
        return new SirEpidemic(network, beta(p), p.getDouble("gamma"), p.getDouble("output_interval"),
                p.getDouble("t_max"), units(p), p.getDouble("major_threshold"), seeds,
                TimeGrid.of(times), TimeGrid.of(times), rng);
    }
}
