package io.phasesweep.aggregate;

/** One row of the points table (without the axis columns). */
public record PointValue(String observable, double mean, double stderr, int n) {
}
