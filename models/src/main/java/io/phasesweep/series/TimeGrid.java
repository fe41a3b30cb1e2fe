package io.phasesweep.series;

import io.phasesweep.model.Recorder;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;

import java.util.Arrays;

/**
 * Samples a piecewise-constant trajectory (the state of an event-driven model) at declared output
 * times t_0 &lt; t_1 &lt; ..., so that every replica's series has the same times. The value at t_k
 * is the value after the last event at or before t_k (sample and hold).
 *
 * <p>Before applying an event at time t, the model calls {@link #holdUntil}{@code (t, valueBefore)};
 * one long waiting time may pass several output times. If the model ends in an absorbing state,
 * {@link #holdForever} gives the remaining output times its final value; if the run stops for
 * another reason (a cap on units), output times at or after the last event stay unknown and are
 * not recorded. In {@link io.phasesweep.model.Model#finish}, {@link #recordTo} writes the known
 * values. Nothing is allocated after construction.
 */
public final class TimeGrid {
    private final double[] times;
    private final double[] values;
    private int known;
    private double lastEvent = Double.NEGATIVE_INFINITY;

    private TimeGrid(double[] times) {
        for (int k = 0; k < times.length; k++) {
            if (!Double.isFinite(times[k]) || (k > 0 && times[k] <= times[k - 1])) {
                throw new IllegalArgumentException("output times must be finite and strictly increasing: "
                        + Arrays.toString(times));
            }
        }
        this.times = times;
        this.values = new double[times.length];
    }

    /** The given output times (copied). */
    public static TimeGrid of(double... times) {
        return new TimeGrid(times.clone());
    }

    /** {@code count} output times 0, step, 2 step, ... */
    public static TimeGrid uniform(double step, int count) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be > 0, got " + step);
        }
        double[] times = new double[count];
        for (int k = 0; k < count; k++) {
            times[k] = k * step;
        }
        return new TimeGrid(times);
    }

    /**
     * The state held {@code value} from the previous event until just before {@code t}: every
     * output time before {@code t} not yet passed takes {@code value}. An output time equal to
     * {@code t} waits for the next call, since it sees the value after the event at t.
     */
    public void holdUntil(double t, double value) {
        if (t < lastEvent) {
            throw new IllegalArgumentException("events out of order: " + t + " after " + lastEvent);
        }
        lastEvent = t;
        while (known < times.length && times[known] < t) {
            values[known++] = value;
        }
    }

    /** The state can no longer change: every output time not yet passed takes {@code value}. */
    public void holdForever(double value) {
        while (known < times.length) {
            values[known++] = value;
        }
    }

    /** The values held so far and the last event time (the output times come from the parameters). */
    public void checkpoint(StateWriter out) {
        out.writeInt(known).writeDouble(lastEvent).doubles(values);
    }

    public void restore(StateReader in) {
        known = in.readInt();
        lastEvent = in.readDouble();
        in.doubles(values);
    }

    public int size() {
        return times.length;
    }

    /** Output times whose value is known: the first {@code known()} of them. */
    public int known() {
        return known;
    }

    public double time(int k) {
        return times[k];
    }

    public double value(int k) {
        if (k >= known) {
            throw new IllegalStateException("output time " + times[k] + " has not been reached");
        }
        return values[k];
    }

    /** Records each known output time once, as series {@code observable}. */
    public void recordTo(Recorder out, String observable) {
        for (int k = 0; k < known; k++) {
            out.series(observable, times[k], values[k]);
        }
    }
}
