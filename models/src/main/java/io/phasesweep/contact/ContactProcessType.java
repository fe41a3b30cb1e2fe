package io.phasesweep.contact;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import io.phasesweep.model.Schedule;
import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.series.TimeGrid;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry entry {@code contact_process}: parameters, observables and schedule of
 * {@link ContactProcess}.
 *
 * <p><b>Schedule.</b> One unit is {@code output_interval} of time; unit k ends at
 * min(k output_interval, t_max), so there are ceil(t_max / output_interval) units. The first
 * ceil(transient / output_interval) are discarded: the time average starts at the first multiple
 * of output_interval at or after {@code transient}. The schedule is fixed, not until-done: a
 * replica that reached the absorbing state runs its remaining units in O(1) each, recording
 * density 0, so every replica's scalar covers the same time window and its mean is the plain time
 * average (absorbed replicas included).
 *
 * <p><b>Absorption and the stationary density.</b> With h = 0 a finite lattice always dies
 * eventually (after a time exponential in the size in the active phase), so the true stationary
 * density is 0. Two readings of "the density in the active phase":
 * <ul>
 *   <li>{@code density}: the time average over [transient, t_max] including any absorbed stretch:
 *   the stationary density as long as no replica dies before t_max (large L in the active phase),
 *   below it otherwise;</li>
 *   <li>{@code density_surviving} (derived): pooled time integral of the density over pooled
 *   surviving time, the quasi-stationary density (the average conditioned on survival);</li>
 * </ul>
 * or run with a tiny spontaneous infection h &gt; 0, which removes the absorbing state (and with it
 * the transition: the density is then positive for every lambda and vanishes only as h -&gt; 0).
 */
public final class ContactProcessType implements ModelType {
    public static final ContactProcessType INSTANCE = new ContactProcessType();

    public static final String DENSITY = "density";
    public static final String DENSITY_SERIES = "density_t";
    public static final String SURVIVAL = "survival_t";
    public static final String INFECTED = "infected_t";
    public static final String SURVIVAL_TIME = "survival_time";
    public static final String SURVIVING_TIME = "surviving_time";
    public static final String DENSITY_INTEGRAL = "density_integral";
    public static final String DENSITY_SURVIVING = "density_surviving";
    /** Directed percolation, 1 + 1 dimensions: delta = beta / nu_parallel = 0.159464(6) (Jensen 1999). */
    public static final double DELTA_1D = 0.159464;
    /** Directed percolation, 2 + 1 dimensions: delta = 0.4505(10) (Voigt and Ziff 1997; Grassberger and Zhang 1996). */
    public static final double DELTA_2D = 0.4505;
    /** Largest side of a 2D lattice whose L^2 sites fit a Java array. */
    static final int MAX_SIDE_2D = 46_340;
    static final int MAX_SERIES_POINTS = 100_000;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("dim", 1, 1, "lattice dimension: 1 (ring of L sites) or 2 (L x L square, periodic)")
                    .withMax(2),
            ParamSpec.integer("L", null, 2, "linear size: sites of the ring (dim = 1) or side of the square (dim = 2)")
                    .withMax(Integer.MAX_VALUE - 8),
            ParamSpec.nonNegative("lambda", null, "infection rate: an infected site infects each of its 2 dim"
                    + " neighbours at rate lambda / (2 dim); it recovers at rate 1"),
            ParamSpec.choice("start", "full", "initial state: full (every site infected: density decay) or seed"
                    + " (site 0 only: spreading, survival probability)", "full", "seed"),
            ParamSpec.nonNegative("h", 0.0, "spontaneous infection rate per healthy site (0: absorbing state exists)"),
            ParamSpec.positive("t_max", 1000.0, "simulated time"),
            ParamSpec.nonNegative("transient", 100.0, "time before the density is averaged"),
            ParamSpec.positive("output_interval", 1.0, "time per unit: the density is averaged over each"),
            ParamSpec.integer("series_points", 41, 2, "log-spaced times from series_from to t_max at which"
                    + " density, survival (and infected, start = seed) are recorded").withMax(MAX_SERIES_POINTS),
            ParamSpec.positive("series_from", 1.0, "first time of the series (< t_max)"),
            ParamSpec.positive("fit_decades", 1.0, "the decay slopes are fitted over this many last decades of the series"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(DENSITY, "fraction of infected sites, time-averaged over each unit (exact integral)"
                    + " after the transient; 0 once absorbed"),
            ObservableSpec.series(DENSITY_SERIES, "fraction of infected sites at log-spaced times (0 after absorption):"
                    + " its replica mean is the density decay rho(t)"),
            ObservableSpec.series(SURVIVAL, "1 while any site is infected, 0 after: its replica mean is the"
                    + " survival probability P(t)"),
            ObservableSpec.series(INFECTED, "number of infected sites: from a seed, its replica mean is N(t)"),
            ObservableSpec.once(SURVIVAL_TIME, "time at which the infection first died out, t_max if it never did"
                    + " (censored: the mean is that of min(T, t_max))"),
            ObservableSpec.once(SURVIVING_TIME, "time after the transient during which some site was infected"),
            ObservableSpec.once(DENSITY_INTEGRAL, "time integral of the density after the transient"));

    private static final List<DerivedQuantity> DERIVED = List.of(DerivedQuantity.ratio(DENSITY_SURVIVING,
            "quasi-stationary density: density_integral / surviving_time (time average conditioned on survival)",
            DENSITY_INTEGRAL, SURVIVING_TIME));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public ContactProcessType() {
    }

    @Override
    public String name() {
        return "contact_process";
    }

    @Override
    public String description() {
        return "contact process on a ring or square lattice (Harris 1974), exact continuous-time events;"
                + " phases from the late-time decay slope against directed percolation's -delta";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("L", 64, "lambda", 3.3, "t_max", 50.0, "transient", 10.0, "series_points", 12);
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
    public List<SeriesQuantity> seriesQuantities() {
        return List.of(DecayAnalysis.of(DENSITY_SERIES, "density_slope"), DecayAnalysis.of(SURVIVAL, "survival_slope"),
                DecayAnalysis.of(INFECTED, "infected_slope"));
    }

    @Override
    public Optional<PhaseClassifier> phaseClassifier() {
        return Optional.of(new ContactPhases());
    }

    @Override
    public void validate(Params p) {
        if (p.getInt("dim") == 2 && p.getInt("L") > MAX_SIDE_2D) {
            throw new InvalidParameterException("L", "dim = 2 needs L <= " + MAX_SIDE_2D + " (L^2 sites in one array),"
                    + " got " + p.getInt("L"));
        }
        double tMax = p.getDouble("t_max");
        if (p.getDouble("transient") >= tMax) {
            throw new InvalidParameterException("transient", "transient must be < t_max = " + tMax
                    + ", got " + p.getDouble("transient"));
        }
        if (p.getDouble("series_from") >= tMax) {
            throw new InvalidParameterException("series_from", "series_from must be < t_max = " + tMax
                    + ", got " + p.getDouble("series_from"));
        }
        if (tMax / p.getDouble("output_interval") > 1e9) {
            throw new InvalidParameterException("output_interval", "t_max / output_interval must be <= 1e9 units, got "
                    + tMax / p.getDouble("output_interval"));
        }
        if (units(p) - discarded(p) < 1) {
            throw new InvalidParameterException("output_interval", "no unit of output_interval = "
                    + p.getDouble("output_interval") + " starts at or after transient = " + p.getDouble("transient")
                    + " and ends by t_max = " + tMax + ": use a shorter output_interval");
        }
        double[] times = seriesTimes(p);
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new InvalidParameterException("series_points", "series_points = " + times.length
                        + " log-spaced times between series_from and t_max collide in double precision");
            }
        }
    }

    /** ceil(x) where x within 1e-9 relative of an integer counts as that integer (t_max = 0.3 with step 0.1). */
    private static long ceilTolerant(double x) {
        long r = Math.round(x);
        return Math.abs(x - r) <= 1e-9 * Math.max(1, r) ? r : (long) Math.ceil(x);
    }

    static long units(Params p) {
        return Math.max(1, ceilTolerant(p.getDouble("t_max") / p.getDouble("output_interval")));
    }

    static long discarded(Params p) {
        return ceilTolerant(p.getDouble("transient") / p.getDouble("output_interval"));
    }

    /** series_points times from series_from to t_max, evenly spaced in ln t, the last exactly t_max. */
    static double[] seriesTimes(Params p) {
        int points = p.getInt("series_points");
        double first = p.getDouble("series_from");
        double tMax = p.getDouble("t_max");
        double[] times = new double[points];
        for (int k = 0; k < points; k++) {
            times[k] = k == points - 1 ? tMax : first * StrictMath.pow(tMax / first, (double) k / (points - 1));
        }
        return times;
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(discarded(p), units(p) - discarded(p));
    }

    @Override
    public long seriesPoints(Params p) {
        return p.getInt("series_points");
    }

    /** Two int arrays over the sites (the list and the index map) and the series' times and values. */
    @Override
    public long memoryBytes(Params p) {
        long side = p.getInt("L");
        long sites = p.getInt("dim") == 1 ? side : side * side;
        return 8 * sites + 16L * p.getInt("series_points") + 256;
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new ContactProcess(p.getInt("dim"), p.getInt("L"), p.getDouble("lambda"), p.getDouble("h"),
                p.getString("start").equals("seed"), p.getDouble("output_interval"), p.getDouble("t_max"),
                units(p), TimeGrid.of(seriesTimes(p)), rng);
    }
}
