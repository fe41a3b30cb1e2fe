package io.phasesweep.config;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The {@code fss} block: which axis is the control parameter and which the size, the quantities
 * to analyse, the scaling window in the control parameter, the bootstrap, and an optional second,
 * denser pass around the critical point found by the first.
 */
public record FssSettings(String control, String size, List<String> observables, double windowLo,
                          double windowHi, int bootstrap, long seed, Optional<Refine> refine) implements Serializable {
    public FssSettings {
        observables = List.copyOf(observables);
    }

    /** Second pass: {@code points} control values spanning {@code width} around the first-pass x_c. */
    public record Refine(int points, double width) implements Serializable {
    }

    /** The settings as plain values for the manifest (an infinite window bound is written as null: no bound). */
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("control", control);
        m.put("size", size);
        m.put("observables", observables);
        m.put("window", java.util.Arrays.asList(Double.isFinite(windowLo) ? windowLo : null,
                Double.isFinite(windowHi) ? windowHi : null));
        m.put("bootstrap", bootstrap);
        m.put("seed", seed);
        refine.ifPresent(r -> m.put("refine", java.util.Map.of("points", r.points(), "width", r.width())));
        return m;
    }

    public FssSettings withWindow(double lo, double hi) {
        return new FssSettings(control, size, observables, lo, hi, bootstrap, seed, refine);
    }
}
