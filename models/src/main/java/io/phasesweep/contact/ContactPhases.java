package io.phasesweep.contact;

import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;

import java.util.Locale;
import java.util.Map;

/**
 * Names a point active, critical or absorbing from its late-time decay slope s (density_slope from
 * a full lattice, survival_slope from one seed: {@link DecayAnalysis}) against the directed
 * percolation value -delta of its dimension (delta = {@value ContactProcessType#DELTA_1D} in 1D,
 * {@value ContactProcessType#DELTA_2D} in 2D): {@code active} when s &gt; -delta + K ds (the decay
 * bends towards a plateau), {@code absorbing} when s &lt; -delta - K ds (faster than the critical
 * power law), {@code critical} in between, K = {@value #K}. With h &gt; 0 there is no absorbing
 * state and no transition: {@code undetermined}, as for a point without a slope.
 */
final class ContactPhases implements PhaseClassifier {
    static final double K = 2;
    private static final double[] MISSING = {Double.NaN, Double.NaN};

    @Override
    public Phase classify(Map<String, double[]> values, Params params) {
        String quantity = params.getString("start").equals("seed") ? "survival_slope" : "density_slope";
        double[] s = values.getOrDefault(quantity, MISSING);
        double delta = params.getInt("dim") == 1 ? ContactProcessType.DELTA_1D : ContactProcessType.DELTA_2D;
        String evidence = String.format(Locale.ROOT, "%s = %.4f +- %.2g against -delta = %.4f", quantity, s[0], s[1], -delta);
        if (params.getDouble("h") > 0) {
            return new Phase("undetermined", "h > 0: no absorbing state; " + evidence);
        }
        return new Phase(name(s[0], s[1], delta), evidence);
    }

    static String name(double slope, double error, double delta) {
        if (Double.isNaN(slope)) {
            return "undetermined";
        }
        double margin = Double.isNaN(error) ? 0 : K * error;
        if (slope > -delta + margin) {
            return "active";
        }
        if (slope < -delta - margin) {
            return "absorbing";
        }
        return "critical";
    }
}
