package io.phasesweep.config;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code sweep.refine} block: passes of boundary refinement after the configured grid, each
 * adding the midpoints between neighbouring points that lie across a boundary.
 *
 * @param along     {@link #PHASES}, or the observable (or derived or series quantity) of the points table whose jump marks a boundary
 * @param threshold the jump between neighbours' means that marks a boundary (NaN along phases)
 * @param passes    refinement passes at most (fewer when a pass finds nothing to add)
 * @param axes      the plain real-valued axes refined along
 */
public record RefineSettings(String along, double threshold, int passes, List<String> axes) implements Serializable {
    /** {@code along = phases}: neighbours in different phases of the model's classifier. */
    public static final String PHASES = "phases";

    public RefineSettings {
        axes = List.copyOf(axes);
    }

    public boolean alongPhases() {
        return PHASES.equals(along);
    }

    /** The settings as plain values for the manifest and the config hash. */
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("along", along);
        if (!alongPhases()) {
            m.put("threshold", threshold);
        }
        m.put("passes", passes);
        m.put("axes", axes);
        return m;
    }
}
