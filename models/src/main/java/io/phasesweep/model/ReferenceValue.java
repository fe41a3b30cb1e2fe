package io.phasesweep.model;

/**
 * A published or exact value of something the finite-size-scaling analysis estimates, so that a
 * report can set the estimate beside it: the critical point in one named parameter (T_c, K_c,
 * lambda_c), or an exponent (nu, or a ratio a model names in its {@link Scaling}, such as
 * {@code gamma_over_nu}).
 *
 * @param quantity  {@link #CRITICAL_POINT}, {@link #NU} or an exponent ratio's name
 * @param parameter for a critical point, the control parameter it is a value of ({@code T} or
 *                  {@code K}: one transition has a value in each); null for an exponent
 * @param value     the reference value
 * @param source    where it comes from, short enough for a table cell ("exact, Onsager 1944")
 */
public record ReferenceValue(String quantity, String parameter, double value, String source) {
    /** The quantity of a critical point, as the analysis names it. */
    public static final String CRITICAL_POINT = "critical_point";
    /** The correlation-length exponent, as the analysis names it. */
    public static final String NU = "nu";

    public ReferenceValue {
        java.util.Objects.requireNonNull(quantity, "quantity");
        java.util.Objects.requireNonNull(source, "source");
        if (CRITICAL_POINT.equals(quantity) == (parameter == null)) {
            throw new IllegalArgumentException(quantity + ": a critical point names its parameter, an exponent does not");
        }
    }

    public static ReferenceValue criticalPoint(String parameter, double value, String source) {
        return new ReferenceValue(CRITICAL_POINT, java.util.Objects.requireNonNull(parameter, "parameter"), value, source);
    }

    public static ReferenceValue exponent(String name, double value, String source) {
        return new ReferenceValue(name, null, value, source);
    }

    /** Whether this is the reference for {@code quantity} estimated with {@code control} as the control parameter. */
    public boolean appliesTo(String quantity, String control) {
        return this.quantity.equals(quantity) && (parameter == null || parameter.equals(control));
    }
}
