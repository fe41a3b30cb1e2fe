package io.phasesweep.plot;

import java.util.List;
import java.util.Optional;

/**
 * Estimates of one quantity by several estimators, one row each with its error bar (a forest
 * plot), beside the reference value where there is one: how the estimators agree with each other
 * and with the literature at a glance.
 *
 * @param valueLabel what the estimates are of (T_c, ν, γ/ν)
 * @param rows       top to bottom
 */
public record EstimatePanel(String title, String valueLabel, List<Row> rows, Optional<Reference> reference) implements Panel {
    public EstimatePanel {
        rows = List.copyOf(rows);
    }

    /** One estimate; {@code colour} tells estimators apart (final, crossing, collapse, peak). */
    public record Row(String label, double value, double error, int colour) {
    }

    /** The reference value, drawn as a dashed line with its label. */
    public record Reference(String label, double value) {
    }
}
