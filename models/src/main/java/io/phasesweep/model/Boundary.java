package io.phasesweep.model;

/**
 * A phase boundary the pipeline locates along one axis: where a point observable crosses a
 * threshold (e.g. the desynchronisation coupling K_c, where the slip rate falls below a small
 * rate). Written to the boundaries table, one row per combination of the other axes, when
 * {@code axis} is swept over at least three values.
 *
 * @param name       the boundary's name in the table ({@code desync})
 * @param observable a points-table quantity of the model
 * @param axis       the parameter along which the crossing is sought
 * @param threshold  the value whose crossing is the boundary
 */
public record Boundary(String name, String observable, String axis, double threshold, String meaning) {
}
