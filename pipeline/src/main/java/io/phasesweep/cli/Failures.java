package io.phasesweep.cli;

import io.phasesweep.config.ConfigError;
import io.phasesweep.run.RunLog;
import io.phasesweep.run.SweepRunner;

import java.nio.file.Path;

/**
 * What the user sees when a command fails: one line, the cause and where its full stack trace was
 * logged; the trace itself on the console only with {@code PHASESWEEP_LOG=debug}.
 */
final class Failures {
    private static final int MAX_LENGTH = 400;

    /** A failure that has been logged and carries its one-line report. */
    static final class ReportedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReportedFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Failures() {
    }

    /** Logs {@code e} to the run's log (unless it reports itself fully) and returns what to throw. */
    static RuntimeException logged(RuntimeException e, RunLog log) {
        if (reportsItself(e)) {
            return e;
        }
        log.failure("phasesweep: run failed", e);
        return report(e, log.file());
    }

    /** As {@link #logged(RuntimeException, RunLog)}, for a trace already in {@code file}. */
    static RuntimeException logged(RuntimeException e, Path file) {
        return reportsItself(e) ? e : report(e, file);
    }

    /** Bad input, an interruption and a failed analysis explain themselves; a trace adds nothing. */
    static boolean reportsItself(Throwable e) {
        return e instanceof ConfigError || e instanceof SweepRunner.InterruptedSweepException
                || e instanceof SweepRunner.FssFailedException;
    }

    private static ReportedFailure report(Throwable e, Path file) {
        return new ReportedFailure(summary(e) + " (full trace in " + file + ")", e);
    }

    /** The first line of the failure and of its root cause, if that says something else. */
    static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = firstLine(e);
        String cause = firstLine(root);
        String rootMessage = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        boolean told = root == e || top.contains(cause) || (!rootMessage.isEmpty() && top.contains(rootMessage));
        String s = told ? top : top + "; caused by " + cause;
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().strip().lines().findFirst().orElse("");
        boolean plain = t.getClass() == RuntimeException.class || t instanceof IllegalStateException
                || t instanceof java.io.UncheckedIOException;
        return m.isEmpty() ? t.getClass().getSimpleName() : plain ? m : t.getClass().getSimpleName() + ": " + m;
    }
}
