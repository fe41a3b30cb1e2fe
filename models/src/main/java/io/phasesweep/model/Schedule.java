package io.phasesweep.model;

/**
 * How many units (sweeps, output intervals, events) a replica runs: {@code discard} units of
 * equilibration without measuring, then {@code measure} units each followed by one measurement.
 *
 * <p>An until-done schedule ({@link #untilDone}) also ends when the model reports
 * {@link Model#done()} (an absorbing state, a fixed point), and {@code measure} is then a cap:
 * <ol>
 *   <li>{@code done()} is asked before every discarded unit; once true, the rest of equilibration
 *   is skipped. A model that is done before measuring starts (it died during equilibration, or
 *   started absorbed) gets exactly one measurement of that done state, without another unit.</li>
 *   <li>Otherwise it is asked after every measured unit, and the run ends at the first true.</li>
 * </ol>
 * So {@link Model#advance()} is never called on a done model, every replica has at least one
 * measurement, and no replica runs more than {@code discard + measure} units. A scalar's estimate
 * counts the measurements taken; a model that wants the units it ran (a convergence or absorption
 * time) counts its own {@code advance()} calls and records them in {@link Model#finish}.
 *
 * @param untilDone end early when the model is done; a fixed schedule never asks
 */
public record Schedule(long discard, long measure, boolean untilDone) {
    public Schedule {
        if (discard < 0 || measure < 1) {
            throw new IllegalArgumentException("schedule needs discard >= 0 and measure >= 1");
        }
    }

    /** A fixed schedule: exactly {@code discard + measure} units, {@code done()} never asked. */
    public Schedule(long discard, long measure) {
        this(discard, measure, false);
    }

    /** Ends when the model is done, after at most {@code discard} discarded and {@code maxMeasured} measured units. */
    public static Schedule untilDone(long discard, long maxMeasured) {
        return new Schedule(discard, maxMeasured, true);
    }
}
