package io.phasesweep.grid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The grid of a refinement pass: the same axes, with the control axis replaced by evenly spaced
 * values around the critical points the first pass found (one window per critical point, merged),
 * leaving out values the first pass already simulated, so no point or seed is run twice.
 */
public final class Refinement {

    private Refinement() {
    }

    /**
     * @return the refined grid, or empty if every refined value was already simulated
     */
    public static java.util.Optional<Grid> grid(Grid coarse, String control, Collection<Double> criticalPoints,
                                                int points, double width) {
        // The control is a plain axis (the fss block refuses a linked one for refinement).
        int c = coarse.factorOf(control);
        Axis axis = coarse.factors().get(c).columns().get(0);
        TreeSet<Double> values = new TreeSet<>();
        for (double xc : criticalPoints) {
            for (int i = 0; i < points; i++) {
                values.add(round(xc - width / 2 + width * i / (points - 1), width / (points - 1)));
            }
        }
        values.removeIf(v -> axis.values().contains(v) || v <= 0 && axis.values().stream().allMatch(o -> ((Double) o) > 0));
        if (values.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(coarse.withFactor(c, Factor.axis(new Axis(control, axis.type(), new ArrayList<>(values)))));
    }

    /** Rounds to two significant digits of the spacing, so refined values read as 2.2685, not 2.268471903. */
    static double round(double v, double spacing) {
        int digits = -(int) Math.floor(Math.log10(spacing)) + 1;
        return new BigDecimal(v).setScale(Math.max(0, digits), java.math.RoundingMode.HALF_EVEN)
                .round(MathContext.DECIMAL64).doubleValue();
    }
}
