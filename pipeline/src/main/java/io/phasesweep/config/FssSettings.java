package io.phasesweep.config;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code fss} block: which axis is the control parameter and which the size, the quantities
 * to analyse, the scaling window in the control parameter, and the bootstrap.
 */
public record FssSettings(String control, String size, List<String> observables, double windowLo,
                          double windowHi, int bootstrap, long seed) implements Serializable {
    public FssSettings {
        observables = List.copyOf(observables);
    }
}
