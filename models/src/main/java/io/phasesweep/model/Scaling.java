package io.phasesweep.model;

import java.util.Optional;

/**
 * How a quantity Y scales near a critical point: Y = L^(sign * exponent) f((x - x_c) L^(1/nu)).
 * Scale-invariant quantities (Binder cumulant) have no exponent; their collapse measures nu alone.
 *
 * @param exponent name of the exponent ratio, e.g. {@code gamma_over_nu}; empty if invariant
 * @param sign     +1 if Y grows with L at x_c (susceptibility), -1 if it shrinks (|m|)
 */
public record Scaling(Optional<String> exponent, int sign) {

    public static Scaling invariant() {
        return new Scaling(Optional.empty(), 0);
    }

    public static Scaling growing(String exponent) {
        return new Scaling(Optional.of(exponent), 1);
    }

    public static Scaling shrinking(String exponent) {
        return new Scaling(Optional.of(exponent), -1);
    }
}
