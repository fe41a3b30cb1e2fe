package io.phasesweep.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Shows tasks done / total, elapsed time and ETA on stderr while a Spark job runs, by polling the
 * accumulator the tasks increment (the driver sees it grow as Spark tasks finish). On a terminal
 * it redraws one line; otherwise (CI, log files) it prints a line every {@code quietSeconds}.
 */
public final class Progress implements AutoCloseable {
    private final LongAccumulator done;
    private final long offset;
    private final ProgressBar bar;
    private final Thread poller;
    private volatile boolean running = true;

    /** @param offset the accumulator's value when this job started (earlier passes' tasks) */
    public Progress(String label, long total, LongAccumulator done, long offset, PrintStream err) {
        this.done = done;
        this.offset = offset;
        boolean terminal = System.console() != null;
        this.bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(terminal ? new ConsoleProgressBarConsumer(err) : new LineConsumer(err))
                .setUpdateIntervalMillis(terminal ? 500 : 10_000)
                .setSpeedUnit(ChronoUnit.SECONDS).showSpeed()
                .setEtaFunction(state -> state.getCurrent() == 0 ? java.util.Optional.empty()
                        : java.util.Optional.of(Duration.ofMillis(state.getElapsedAfterStart().toMillis()
                        * (state.getMax() - state.getCurrent()) / state.getCurrent())))
                .build();
        this.poller = new Thread(this::poll, "phasesweep-progress");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            bar.stepTo(done.value() - offset);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bar.stepTo(done.value() - offset);
        bar.close();
    }

    /** Whole lines for logs: no carriage returns. */
    private static final class LineConsumer implements me.tongfei.progressbar.ProgressBarConsumer {
        private final PrintStream out;

        LineConsumer(PrintStream out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public void accept(String rendered) {
            out.println(rendered.trim());
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
