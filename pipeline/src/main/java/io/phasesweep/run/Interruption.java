package io.phasesweep.run;

import org.apache.spark.SparkContext;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns Ctrl-C or SIGTERM into a clean stop. A shutdown hook that runs before Spark's own (Hadoop's
 * hook manager, higher priority) marks the run interrupted and cancels its Spark jobs; the run's
 * own thread then sees its jobs fail, records {@code interrupted} in the manifest, releases the
 * lock and says how to resume, while the hook waits for it. Should that thread not get there in
 * time (it was in a long computation without Spark jobs), the hook does the bookkeeping itself.
 */
public final class Interruption {
    /** Above Spark's hooks (40) and the file systems' (10): we still need both. */
    private static final int PRIORITY = 100;
    private static final long WAIT_SECONDS = 20;
    private static final long CANCEL_AGAIN_MS = 200;

    private static volatile boolean installed;
    private static volatile boolean requested;
    private static volatile CountDownLatch running;
    private static final AtomicReference<Runnable> fallback = new AtomicReference<>();
    private static final AtomicReference<SparkContext> spark = new AtomicReference<>();

    private Interruption() {
    }

    /** A command begins work a signal should stop cleanly; installs the hook once per JVM. */
    public static synchronized void begin() {
        if (!installed) {
            installed = true;
            org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(Interruption::onSignal, PRIORITY,
                    WAIT_SECONDS + 10, TimeUnit.SECONDS);
        }
        running = new CountDownLatch(1);
    }

    /** The command has finished (its outcome is recorded): a signal now has nothing to stop. */
    public static void end() {
        CountDownLatch r = running;
        if (r != null) {
            r.countDown();
        }
        spark.set(null);
    }

    /** The Spark context whose jobs a signal cancels. */
    public static void watch(SparkContext context) {
        spark.set(context);
    }

    /** What to do if the run's thread does not finish its own bookkeeping in time; cleared with null. */
    public static void onTimeout(Runnable action) {
        fallback.set(action);
    }

    /** Whether a signal asked the run to stop. */
    public static boolean requested() {
        return requested;
    }

    private static void onSignal() {
        CountDownLatch r = running;
        if (r == null || r.getCount() == 0) {
            return; // no command at work: a normal exit
        }
        requested = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try {
            // Cancel, and cancel again while waiting: a job submitted just after the signal (a
            // chunk being prepared as it came) must not run on to its end either.
            do {
                cancelJobs();
                if (r.await(CANCEL_AGAIN_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runnable action = fallback.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    private static void cancelJobs() {
        SparkContext context = spark.get();
        if (context != null && !context.isStopped()) {
            try {
                context.cancelAllJobs();
            } catch (RuntimeException e) {
                // The context is shutting down anyway; the run's thread sees its jobs fail either way.
            }
        }
    }
}
