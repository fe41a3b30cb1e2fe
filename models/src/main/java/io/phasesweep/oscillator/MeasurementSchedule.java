package io.phasesweep.oscillator;

import io.phasesweep.model.Params;
import io.phasesweep.model.Schedule;

import java.util.Map;
import java.util.TreeMap;

/**
 * The measurement times of an oscillator run grown as an interface, and what to record at each:
 * the interface width at {@code series_points} log-spaced times from {@code series_from} (default
 * {@link OscillatorParameters#FIRST_SERIES_STEP} steps) to {@code t_max}; the scalars every
 * {@code output_interval} after {@code transient}; and the transient itself, where the slip
 * counters and the locking reference start. Immutable; one per replica, built from the parameters.
 */
public final class MeasurementSchedule {
    private final double transientTime;
    private final double[] times;
    private final boolean[] seriesTime;
    private final boolean[] scalarTime;
    private final int lastScalar;

    /**
     * @param transientTime time from which the scalars are measured; a measurement time
     * @param times         measurement times, increasing; {@code seriesTime}/{@code scalarTime} say what to record at each
     */
    MeasurementSchedule(double transientTime, double[] times, boolean[] seriesTime, boolean[] scalarTime) {
        this.transientTime = transientTime;
        this.times = times;
        this.seriesTime = seriesTime;
        this.scalarTime = scalarTime;
        int last = -1;
        for (int k = 0; k < scalarTime.length; k++) {
            last = scalarTime[k] ? k : last;
        }
        this.lastScalar = last;
    }

    /** From the parameters t_max, transient, output_interval, series_points, series_from and dt. */
    public static MeasurementSchedule of(Params p) {
        TreeMap<Double, boolean[]> grid = grid(p);
        double[] times = new double[grid.size()];
        boolean[] series = new boolean[grid.size()];
        boolean[] scalar = new boolean[grid.size()];
        int i = 0;
        for (Map.Entry<Double, boolean[]> e : grid.entrySet()) {
            times[i] = e.getKey();
            series[i] = e.getValue()[0];
            scalar[i] = e.getValue()[1];
            i++;
        }
        return new MeasurementSchedule(p.getDouble("transient"), times, series, scalar);
    }

    /** The runner's schedule: nothing discarded, one measurement per time. */
    public static Schedule runnerSchedule(Params p) {
        return new Schedule(0, grid(p).size());
    }

    /** The first sample of the interface width: ten steps in by default, where W is past the first step's noise. */
    private static double seriesFrom(Params p) {
        return p.has("series_from") ? p.getDouble("series_from") : OscillatorParameters.FIRST_SERIES_STEP * p.getDouble("dt");
    }

    /** {time -> {series?, scalar?}}; times that coincide are measured once, for both. */
    private static TreeMap<Double, boolean[]> grid(Params p) {
        double tMax = p.getDouble("t_max");
        double transientTime = p.getDouble("transient");
        double interval = p.getDouble("output_interval");
        int points = p.getInt("series_points");
        double first = seriesFrom(p);
        TreeMap<Double, boolean[]> times = new TreeMap<>();
        for (int k = 0; k < points; k++) {
            double t = k == points - 1 ? tMax : first * StrictMath.pow(tMax / first, (double) k / (points - 1));
            times.computeIfAbsent(t, x -> new boolean[2])[0] = true;
        }
        if (transientTime > 0) {
            times.computeIfAbsent(transientTime, x -> new boolean[2]);
        }
        for (long k = 1; transientTime + k * interval <= tMax * (1 + 1e-12); k++) {
            times.computeIfAbsent(Math.min(tMax, transientTime + k * interval), x -> new boolean[2])[1] = true;
        }
        return times;
    }

    public int size() {
        return times.length;
    }

    double time(int k) {
        return times[k];
    }

    boolean series(int k) {
        return seriesTime[k];
    }

    boolean scalar(int k) {
        return scalarTime[k];
    }

    /** Whether measurement {@code k} ends the transient: slips and locking are counted from there. */
    boolean endsTransient(int k) {
        return times[k] == transientTime;
    }

    boolean lastScalar(int k) {
        return k == lastScalar;
    }
}
