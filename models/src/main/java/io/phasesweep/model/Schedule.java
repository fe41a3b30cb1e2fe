package io.phasesweep.model;

/**
 * How many units (sweeps, output intervals) a replica runs: {@code discard} units of equilibration
 * without measuring, then {@code measure} units each followed by one measurement.
 */
public record Schedule(long discard, long measure) {
    public Schedule {
        if (discard < 0 || measure < 1) {
            throw new IllegalArgumentException("schedule needs discard >= 0 and measure >= 1");
        }
    }
}
