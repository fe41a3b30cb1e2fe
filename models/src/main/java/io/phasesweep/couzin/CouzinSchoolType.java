package io.phasesweep.couzin;

import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;
import io.phasesweep.model.Schedule;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry entry {@code couzin}: the zonal school of {@link CouzinSchool} (Couzin, Krause, James,
 * Ruxton and Franks 2002), with the paper's values as defaults.
 *
 * <p><b>Start.</b> From the replica's stream: positions uniform in a ball of radius
 * {@code start_radius} about the origin (rejection from the enclosing cube, individual by
 * individual), then headings uniform on the sphere. No disorder: everything else is the dynamics'
 * angular errors, from the same stream.
 *
 * <p><b>Schedule.</b> A unit is one {@code output_interval} of time, a whole number of steps dt.
 * The {@code transient} (a whole number of steps) is split into discarded units, the last one
 * shortened; then floor((t_max - transient) / output_interval) units are measured, each followed
 * by one measurement of the state at its end. A point's values are the averages of these
 * snapshots (binned, with their error), over the replicas.
 */
public final class CouzinSchoolType implements ModelType {
    public static final CouzinSchoolType INSTANCE = new CouzinSchoolType();
    /** Steps are O(N^2): 10^4 individuals are 5 * 10^7 pairs per step. */
    static final int MAX_N = 10_000;
    /** Whole numbers of steps are asked of times; this much relative rounding is forgiven. */
    private static final double WHOLE = 1e-9;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer("N", 100, 2, "individuals (paper: 100); each step visits all N (N - 1) / 2 pairs")
                    .withMax(MAX_N),
            ParamSpec.positive("r_r", 1.0, "radius of the zone of repulsion, in units of length (paper: 1, the unit)"),
            ParamSpec.nonNegative("dr_o", null, "width of the zone of orientation, r_o - r_r, in units of length"
                    + " (paper: swept over 0 to 15)"),
            ParamSpec.nonNegative("dr_a", null, "width of the zone of attraction, r_a - r_o, in units of length"
                    + " (paper: swept over 0 to 15)"),
            ParamSpec.nonNegative("blind_angle", 90.0, "full opening angle, in degrees, of the cone behind each"
                    + " individual in which it sees no neighbour for orientation and attraction (repulsion sees all"
                    + " round); paper: field of perception alpha = 270, so 360 - alpha = 90").withMax(360),
            ParamSpec.positive("turning_rate", 40.0, "maximum turning rate theta, degrees per second (paper: 40):"
                    + " a heading turns by at most theta dt per step"),
            ParamSpec.positive("speed", 3.0, "speed s, units of length per second (paper: 3)"),
            ParamSpec.nonNegative("sigma", 0.05, "s.d. of the angular error, radians (paper: 0.05): the desired"
                    + " direction is rotated by a Gaussian angle towards a uniformly random perpendicular direction"),
            ParamSpec.positive("dt", 0.1, "time step tau, seconds (paper: 0.1)"),
            ParamSpec.positive("start_radius", 5.0, "initial positions uniform in a ball of this radius, units of"
                    + " length; initial headings uniform on the sphere"),
            ParamSpec.nonNegative("transient", 200.0, "time discarded before measuring, seconds (a whole number of"
                    + " steps dt)"),
            ParamSpec.positive("t_max", 600.0, "time simulated, seconds"),
            ParamSpec.positive("output_interval", 1.0, "time between measurements, seconds (a whole number of steps"
                    + " dt)"));

    private static final List<ObservableSpec> OBSERVABLES = List.of(
            ObservableSpec.of(CouzinSchool.POLARIZATION, "polarization P = |sum_i v_i| / N of the unit headings:"
                    + " 1 when all swim one way, about 1 / sqrt(N) for random headings"),
            ObservableSpec.of(CouzinSchool.MILLING, "milling m = |sum_i r_ic x v_i| / N, r_ic the unit vector from"
                    + " the centre of mass to individual i: normalised angular momentum, 1 for a perfect mill"),
            ObservableSpec.of(CouzinSchool.NEAREST_NEIGHBOUR_DISTANCE, "mean over individuals of the distance to"
                    + " the nearest other individual, units of length"),
            ObservableSpec.of(CouzinSchool.GROUP_SIZE, "largest group as a fraction of N: the largest connected"
                    + " component of the graph joining individuals closer than r_a = r_r + dr_o + dr_a"));

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public CouzinSchoolType() {
    }

    @Override
    public String name() {
        return "couzin";
    }

    @Override
    public String description() {
        return "zonal school of Couzin et al. (2002), 3D, unbounded: repulsion, orientation and attraction zones,"
                + " blind cone, limited turning; phases/ from the mean P, m and group_size, first match: fragmented"
                + " (group_size < 0.9), torus (P < 0.3, m > 0.5), swarm (P < 0.3), highly_parallel (P > 0.95),"
                + " dynamic_parallel (P >= 0.5, m <= 0.5), else mixed";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 30, "dr_o", 2.0, "dr_a", 10.0, "start_radius", 3.0, "transient", 5.0, "t_max", 20.0);
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
    public Optional<PhaseClassifier> phaseClassifier() {
        return Optional.of(new SchoolPhases());
    }

    /** Whole steps in {@code time}, or -1 when it is not a whole number of steps dt. */
    static long wholeSteps(double time, double dt) {
        double steps = time / dt;
        long rounded = Math.round(steps);
        return Math.abs(steps - rounded) <= WHOLE * Math.max(1, steps) ? rounded : -1;
    }

    @Override
    public void validate(Params p) {
        double dt = p.getDouble("dt");
        double interval = p.getDouble("output_interval");
        double transientTime = p.getDouble("transient");
        double tMax = p.getDouble("t_max");
        long perUnit = wholeSteps(interval, dt);
        if (perUnit < 1) {
            throw new InvalidParameterException("output_interval", "output_interval = " + interval
                    + " must be a whole number (>= 1) of steps dt = " + dt);
        }
        if (perUnit > Integer.MAX_VALUE) {
            throw new InvalidParameterException("output_interval", "output_interval / dt = " + perUnit
                    + " steps per measurement is beyond 2^31 - 1");
        }
        if (wholeSteps(transientTime, dt) < 0) {
            throw new InvalidParameterException("transient", "transient = " + transientTime
                    + " must be a whole number of steps dt = " + dt);
        }
        if (measuredUnits(p) < 1) {
            throw new InvalidParameterException("t_max", "t_max = " + tMax + " must exceed transient = "
                    + transientTime + " by at least output_interval = " + interval);
        }
        if (tMax / dt > 1e12) {
            throw new InvalidParameterException("dt", "t_max / dt > 1e12 steps");
        }
    }

    /** Whole output intervals between the transient and t_max. */
    static long measuredUnits(Params p) {
        return (long) Math.floor((p.getDouble("t_max") - p.getDouble("transient")) / p.getDouble("output_interval")
                + WHOLE);
    }

    @Override
    public Schedule schedule(Params p) {
        long perUnit = wholeSteps(p.getDouble("output_interval"), p.getDouble("dt"));
        long transientSteps = wholeSteps(p.getDouble("transient"), p.getDouble("dt"));
        return new Schedule((transientSteps + perUnit - 1) / perUnit, measuredUnits(p));
    }

    /** Positions, headings and their next values, nine zone sums, counts and the measurement's scratch. */
    @Override
    public long memoryBytes(Params p) {
        long n = p.getInt("N");
        return 8 * n * (6 + 3 + 9 + 1) + 4 * n * (3 + 2) + 1024;
    }

    @Override
    public List<String> warnings(Params p) {
        List<String> warnings = new ArrayList<>();
        double stride = p.getDouble("speed") * p.getDouble("dt");
        if (stride > p.getDouble("r_r")) {
            warnings.add(String.format(Locale.ROOT, "speed * dt = %s exceeds r_r = %s: individuals can step"
                    + " through each other's zone of repulsion between two updates", stride, p.getDouble("r_r")));
        }
        double attractionRadius = attractionRadius(p);
        // Mean nearest-neighbour distance of a uniform (Poisson) cloud of density N / V: 0.554 / rho^(1/3).
        int n = p.getInt("N");
        double radius = p.getDouble("start_radius");
        double spacing = 0.554 * Math.cbrt(4 * Math.PI * radius * radius * radius / (3 * n));
        if (spacing > attractionRadius) {
            warnings.add(String.format(Locale.ROOT, "start_radius = %s puts the %d individuals about %.3g apart,"
                    + " beyond r_a = %s: the group starts out fragmented", radius, n, spacing, attractionRadius));
        }
        return warnings;
    }

    static double attractionRadius(Params p) {
        return p.getDouble("r_r") + p.getDouble("dr_o") + p.getDouble("dr_a");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        int n = p.getInt("N");
        double radius = p.getDouble("start_radius");
        double[] position = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double a;
            double b;
            double c;
            do {
                a = 2 * rng.nextDouble() - 1;
                b = 2 * rng.nextDouble() - 1;
                c = 2 * rng.nextDouble() - 1;
            } while (a * a + b * b + c * c > 1);
            position[3 * i] = radius * a;
            position[3 * i + 1] = radius * b;
            position[3 * i + 2] = radius * c;
        }
        double[] heading = new double[3 * n];
        for (int i = 0; i < n; i++) {
            // Archimedes: z uniform in [-1, 1] and a uniform azimuth are uniform on the sphere.
            double hz = 2 * rng.nextDouble() - 1;
            double azimuth = 2 * Math.PI * rng.nextDouble();
            double rho = Math.sqrt(Math.max(0, 1 - hz * hz));
            heading[3 * i] = rho * StrictMath.cos(azimuth);
            heading[3 * i + 1] = rho * StrictMath.sin(azimuth);
            heading[3 * i + 2] = hz;
        }
        return create(p, position, heading, rng);
    }

    /**
     * A school from a given state (interleaved positions and unit headings; N is their number, which
     * may be 1 here), for tests and benchmarks.
     */
    static CouzinSchool create(Params p, double[] position, double[] heading, UniformRandomProvider rng) {
        double rr = p.getDouble("r_r");
        double ro = rr + p.getDouble("dr_o");
        double ra = attractionRadius(p);
        double dt = p.getDouble("dt");
        double maxTurn = Math.toRadians(p.getDouble("turning_rate")) * dt;
        int perUnit = (int) wholeSteps(p.getDouble("output_interval"), dt);
        long transientSteps = wholeSteps(p.getDouble("transient"), dt);
        return new CouzinSchool(position.length / 3, rr, ro, ra, Math.toRadians(p.getDouble("blind_angle")), maxTurn,
                p.getDouble("speed") * dt, p.getDouble("sigma"), perUnit, transientSteps, position, heading, rng);
    }
}
