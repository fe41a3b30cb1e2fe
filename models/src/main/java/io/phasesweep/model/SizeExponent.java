package io.phasesweep.model;

/**
 * An exponent read off how a per-point quantity grows with system size across the grid:
 * {@code quantity ~ size^exponent}, fitted where the size parameter is an axis with at least two
 * values, separately for each combination of the other axes (e.g. the roughness exponent from
 * the saturated interface width, w_sat ~ N^alpha).
 *
 * @param name          the exponent's name in the exponents table
 * @param quantity      an observable, derived or series quantity in the points table
 * @param sizeParameter the parameter that sets the size
 * @param description   one line for users
 */
public record SizeExponent(String name, String quantity, String sizeParameter, String description)
        implements java.io.Serializable {
}
