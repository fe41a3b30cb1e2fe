package io.phasesweep.oscillator;

import io.phasesweep.ode.FixedStepDriver;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;

/**
 * One replica's progress through its {@link MeasurementSchedule}, with the bookkeeping that the
 * oscillator models read at their measurements: the time, the phase slips counted so far and at
 * the last scalar measurement (for the slip rate), and every bond's 2 pi sheet at the end of the
 * transient (for the locked fraction). The model owns the bonds' sheets ({@code bonds}, updated in
 * place by its own slip-counting loop after every step) and adds each step's slips with
 * {@link #addSlips}; nothing here runs per oscillator or per step.
 */
public final class ScheduledRun {
    /** Phase slips per bond per unit time between scalar measurements, from the transient on. */
    public static final String SLIP_RATE = "slip_rate";
    /** Bonds with no net slip from the transient to the last measurement. */
    public static final String LOCKED_FRACTION = "locked_fraction";

    private final MeasurementSchedule schedule;
    private final long[] bonds;
    /** Each bond's sheet at the end of the transient: the net winding since then decides locking. */
    private final long[] bondsAfterTransient;
    private int next;
    private double t;
    private long slips;
    private long slipsAtLastScalar;
    private double timeAtLastScalar;

    /**
     * @param bonds the model's array of bond sheets (or signed windings): read here, and written
     *              only by {@link #restore}; its present values are the locking reference until the
     *              transient ends
     */
    public ScheduledRun(MeasurementSchedule schedule, long[] bonds) {
        this.schedule = schedule;
        this.bonds = bonds;
        this.bondsAfterTransient = bonds.clone();
    }

    /**
     * Integrates {@code y} to the next measurement time. First the bookkeeping of the measurement
     * just made: slips are counted per interval between scalar measurements, from the transient
     * on, and the bonds' sheets at the transient are the locking reference.
     */
    public void advance(FixedStepDriver<?> driver, double[] y) {
        if (next > 0) {
            int last = next - 1;
            if (schedule.scalar(last) || schedule.endsTransient(last)) {
                slipsAtLastScalar = slips;
                timeAtLastScalar = t;
            }
            if (schedule.endsTransient(last)) {
                resetLocking();
            }
        }
        t = driver.advance(t, y, schedule.time(next++));
    }

    /** {@code count} steps of dt without measuring: the kernel alone, for benchmarks. */
    public void steps(FixedStepDriver<?> driver, double[] y, int count) {
        t = driver.steps(t, y, count);
    }

    /** Takes the bonds' present sheets as the locking reference (after the model reset them). */
    public void resetLocking() {
        System.arraycopy(bonds, 0, bondsAfterTransient, 0, bonds.length);
    }

    public void addSlips(long count) {
        slips += count;
    }

    /** Whether the measurement just reached records the interface width. */
    public boolean seriesDue() {
        return schedule.series(next - 1);
    }

    /** Whether the measurement just reached records the scalars. */
    public boolean scalarsDue() {
        return schedule.scalar(next - 1);
    }

    /** Whether it is the last scalar measurement, which also records the locked fraction. */
    public boolean lastScalars() {
        return schedule.lastScalar(next - 1);
    }

    /** Slips per bond per unit time since the last scalar measurement (or the transient); 0 over no time. */
    public double slipRate() {
        double elapsed = t - timeAtLastScalar;
        return elapsed > 0 ? (slips - slipsAtLastScalar) / (elapsed * bonds.length) : 0.0;
    }

    /**
     * Fraction of bonds with no net phase slip between the end of the transient and now: their two
     * oscillators' mean frequencies agree to better than 2 pi / (time since the transient).
     */
    public double lockedFraction() {
        int locked = 0;
        for (int k = 0; k < bonds.length; k++) {
            locked += bonds[k] == bondsAfterTransient[k] ? 1 : 0;
        }
        return (double) locked / bonds.length;
    }

    public double time() {
        return t;
    }

    public long slips() {
        return slips;
    }

    /**
     * The bonds' sheets now and at the transient, then the next measurement's index, the time and
     * the slip counters; the model writes its own state before this.
     */
    public void checkpoint(StateWriter out) {
        out.longs(bonds).longs(bondsAfterTransient);
        out.writeInt(next).writeDouble(t).writeLong(slips).writeLong(slipsAtLastScalar).writeDouble(timeAtLastScalar);
    }

    public void restore(StateReader in) {
        in.longs(bonds);
        in.longs(bondsAfterTransient);
        next = in.readInt();
        t = in.readDouble();
        slips = in.readLong();
        slipsAtLastScalar = in.readLong();
        timeAtLastScalar = in.readDouble();
    }
}
