package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dynamical phase of a ring. The point's parameters say which interface classes are possible
 * (which randomness drives the interface, whether it is coupled); the measured growth exponent
 * picks one of them when it lies within {@link #TOLERANCE} of its beta, and anything else is a
 * crossover. A coupled ring with phase slips is desynchronised; a ring without noise or disorder
 * stays flat.
 *
 * <ul>
 *   <li>K = 0: random deposition (beta 1/2) under noise alone, linear growth (1) with disorder;</li>
 *   <li>K > 0 under noise alone: the continuum equation decides which class the fit window can
 *   show. Odd coupling (lambda = 0) is EW (1/4) at all times; otherwise EW only where the window
 *   ends before {@link #EW_BEFORE} t_cross, KPZ (1/3) only where it starts after
 *   {@link #KPZ_AFTER} t_cross, and a window between them is the crossover, whatever its slope.
 *   Without a continuum limit (nu <= 0) either, by the slope.</li>
 *   <li>K > 0 under disorder: EW with columnar noise (3/4); with noise too, any of the three
 *   (columnar disorder dominates at late times).</li>
 * </ul>
 * The tolerance is below half the smallest gap between classes (1/4 to 1/3), so no value fits two.
 * Phase names are snake_case like every name a user sees: {@code ew}, {@code kpz}, ...
 */
public final class GrowthClass implements PhaseClassifier {
    /** How a model derives its phase equation's coefficients from a point's parameters. */
    @FunctionalInterface
    public interface Coefficients extends java.io.Serializable {
        ContinuumCoefficients of(Params p);
    }

    private final Coefficients coefficients;

    /** kuramoto1d's classes, with its coupling functions' coefficients. */
    public GrowthClass() {
        this(ContinuumCoefficients::of);
    }

    /** The same classes for another phase-interface model, e.g. a limit-cycle chain's phase reduction. */
    public GrowthClass(Coefficients coefficients) {
        this.coefficients = coefficients;
    }

    static final double TOLERANCE = 0.04;
    /** Slips per oscillator per unit time above which a coupled ring counts as desynchronised. */
    static final double SLIP_THRESHOLD = 1e-3;
    /**
     * For a ring under noise alone: the fit window must end before this t / t_cross for EW, and start
     * after {@link #KPZ_AFTER} for KPZ; a window between them is the crossover itself, whatever its
     * slope. A decade either side of t_cross (prefactor 1), from the scaling form alone: the width of
     * the crossover function is not resolved yet by conf/kuramoto-crossover.conf (README).
     */
    static final double EW_BEFORE = 0.1;
    static final double KPZ_AFTER = 10;

    /** The phases a ring can be in; a table shows {@link #label()}. */
    enum Growth {
        FLAT, DESYNC, RANDOM_DEPOSITION, LINEAR_GROWTH, EW, KPZ, CROSSOVER;

        /** The snake_case name in the phases table. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Candidate(Growth phase, double beta) {
    }

    @Override
    public Phase classify(Map<String, double[]> v, Params p) {
        double beta = mean(v, "beta");
        double betaErr = v.containsKey("beta") ? v.get("beta")[1] : Double.NaN;
        double slips = mean(v, KuramotoChain.SLIP_RATE);
        double r = mean(v, KuramotoChain.ORDER_PARAMETER);
        double k = p.getDouble("K");
        boolean noise = p.getDouble("D") > 0;
        boolean disorder = p.getDouble("sigma") > 0;
        String evidence = String.format(Locale.ROOT,
                "beta = %.3f +- %.3f, slip_rate = %.3g, r = %.3f, K = %s, D = %s, sigma = %s",
                beta, betaErr, slips, r, k, p.getDouble("D"), p.getDouble("sigma"));
        if (!noise && !disorder) {
            return new Phase(Growth.FLAT.label(), evidence);
        }
        if (k > 0 && slips > SLIP_THRESHOLD) {
            return new Phase(Growth.DESYNC.label(), evidence);
        }
        List<Candidate> candidates = new ArrayList<>();
        if (k == 0) {
            candidates.add(disorder ? new Candidate(Growth.LINEAR_GROWTH, 1.0) : new Candidate(Growth.RANDOM_DEPOSITION, 0.5));
        } else if (noise && !disorder) {
            ContinuumCoefficients c = coefficients.of(p);
            if (c.nu() > 0) {
                // The continuum equation says which class the fit window can show.
                double from = mean(v, "beta_t_from") / c.crossoverTime();
                double to = mean(v, "beta_t_to") / c.crossoverTime();
                evidence += String.format(Locale.ROOT, ", g = %.3g, fit window t / t_cross = %.3g to %.3g",
                        c.coupling(), from, to);
                if (c.lambda() == 0 || to <= EW_BEFORE) {
                    candidates.add(new Candidate(Growth.EW, 0.25));
                } else if (from >= KPZ_AFTER) {
                    candidates.add(new Candidate(Growth.KPZ, 1.0 / 3));
                }
            } else {
                candidates.add(new Candidate(Growth.EW, 0.25));
                candidates.add(new Candidate(Growth.KPZ, 1.0 / 3));
            }
        } else {
            if (noise) {
                candidates.add(new Candidate(Growth.EW, 0.25));
                candidates.add(new Candidate(Growth.KPZ, 1.0 / 3));
            }
            if (disorder) {
                candidates.add(new Candidate(Growth.EW, 0.75));
            }
        }
        for (Candidate c : candidates) {
            if (Math.abs(beta - c.beta()) < TOLERANCE) {
                return new Phase(c.phase().label(), evidence);
            }
        }
        return new Phase(Growth.CROSSOVER.label(), evidence);
    }

    private static double mean(Map<String, double[]> values, String name) {
        return values.containsKey(name) ? values.get(name)[0] : Double.NaN;
    }
}
