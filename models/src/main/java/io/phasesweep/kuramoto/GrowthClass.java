package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;

import java.util.Locale;
import java.util.Map;

/**
 * The dynamical phase of a ring, from measured quantities only: a coupled ring with phase slips is
 * desynchronised; otherwise the growth exponent names the interface class when it lies within
 * {@link #TOLERANCE} of a known value (random deposition 1/2, linear growth 1, Edwards-Wilkinson
 * 1/4 with noise or 3/4 with columnar disorder, KPZ 1/3), and anything in between is a crossover.
 * The tolerance is below half the smallest gap between classes (1/4 to 1/3), so no value fits two.
 */
public final class GrowthClass implements PhaseClassifier {
    static final double TOLERANCE = 0.04;
    /** Slips per oscillator per unit time above which a coupled ring counts as desynchronised. */
    static final double SLIP_THRESHOLD = 1e-3;

    private static final Object[][] CLASSES = {
            {"linear_growth", 1.0}, {"random_deposition", 0.5}, {"EW", 0.75}, {"KPZ", 1.0 / 3}, {"EW", 0.25}};

    @Override
    public Phase classify(Map<String, double[]> v, Params p) {
        double beta = mean(v, "beta");
        double betaErr = v.containsKey("beta") ? v.get("beta")[1] : Double.NaN;
        double slips = mean(v, KuramotoChain.SLIP_RATE);
        double r = mean(v, KuramotoChain.ORDER_PARAMETER);
        String evidence = String.format(Locale.ROOT, "beta = %.3f +- %.3f, slip_rate = %.3g, r = %.3f, K = %s",
                beta, betaErr, slips, r, p.getDouble("K"));
        if (p.getDouble("K") > 0 && slips > SLIP_THRESHOLD) {
            return new Phase("desync", evidence);
        }
        for (Object[] c : CLASSES) {
            if (Math.abs(beta - (double) c[1]) < TOLERANCE) {
                return new Phase((String) c[0], evidence);
            }
        }
        return new Phase("crossover", evidence);
    }

    private static double mean(Map<String, double[]> values, String name) {
        return values.containsKey(name) ? values.get(name)[0] : Double.NaN;
    }
}
