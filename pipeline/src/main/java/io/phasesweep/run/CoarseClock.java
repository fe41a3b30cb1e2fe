package io.phasesweep.run;

import java.util.concurrent.TimeUnit;

/**
 * A clock that tasks may read after every unit of work for the price of a volatile read: a daemon
 * thread (one per JVM, started on first use) advances it every {@link #TICK_MILLIS} ms. A unit can
 * be a single Gillespie event of tens of nanoseconds, where {@code System.nanoTime()} itself would
 * cost as much as the simulation.
 */
final class CoarseClock {
    static final long TICK_MILLIS = 20;

    private static volatile long nanos = System.nanoTime();

    static {
        Thread ticker = new Thread(() -> {
            while (true) {
                try {
                    TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                nanos = System.nanoTime();
            }
        }, "phasesweep-coarse-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private CoarseClock() {
    }

    /** {@code System.nanoTime()} as of at most about {@link #TICK_MILLIS} ms ago. */
    static long nanoTime() {
        return nanos;
    }
}
