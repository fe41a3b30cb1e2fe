package io.phasesweep.fss;

/**
 * What an fss row estimates, besides the exponent ratios a model names in its scaling forms
 * ({@code gamma_over_nu}, ...); {@link #label()} is what the {@code quantity} column holds.
 */
public enum Estimand {
    /** x_c. */
    CRITICAL_POINT(io.phasesweep.model.ReferenceValue.CRITICAL_POINT),
    /** The correlation-length exponent. */
    NU(io.phasesweep.model.ReferenceValue.NU),
    /** Where the curves of one pair of sizes cross. */
    CROSSING("crossing");

    private final String label;

    Estimand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a row's quantity is this one. */
    public boolean is(String quantity) {
        return label.equals(quantity);
    }
}
