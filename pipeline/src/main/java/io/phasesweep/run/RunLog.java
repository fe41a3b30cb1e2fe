package io.phasesweep.run;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The log of one run, kept with its output ({@code OUT/_logs/run-TIME.log}): Spark's warnings and
 * errors, and the full stack trace of anything that ends the run. While it is open the console
 * shows only phasesweep's own lines, unless {@code PHASESWEEP_LOG} asks for Spark's log there too
 * ({@code info}, {@code debug}).
 *
 * <p>An output on another file system (HDFS, an object store) cannot take a log file that grows
 * line by line: the log is written on this machine ({@code java.io.tmpdir/phasesweep-logs/}) and
 * copied to {@code OUT/_logs/} when the run ends (not after a kill, where the local file remains).
 */
public final class RunLog implements AutoCloseable {
    private static final String APPENDER = "phasesweep-run-log";
    private static final String CONSOLE = "stderr";
    private static final Logger LOG = LogManager.getLogger("phasesweep");
    private static volatile RunLog current;

    private final Path file;
    private final boolean console;
    private final Appender appender;
    /** Where the file is copied when the log closes; null when it is written in place. */
    private final io.phasesweep.io.Location copyTo;
    private boolean closed;

    private RunLog(Path file, boolean console, Appender appender, io.phasesweep.io.Location copyTo) {
        this.file = file;
        this.console = console;
        this.appender = appender;
        this.copyTo = copyTo;
    }

    /** As {@link #start(Path, String)}, for an output on any file system. */
    public static RunLog start(io.phasesweep.io.Location outputDir, String kind) {
        if (outputDir.localPath().isPresent()) {
            return start(outputDir.localPath().get(), kind);
        }
        return start(Path.of(System.getProperty("java.io.tmpdir"), "phasesweep-logs"), kind,
                outputDir.resolve(io.phasesweep.io.OutputDir.LOGS));
    }

    /** Starts the log {@code OUT/_logs/KIND-TIME.log} of a run (kind: run, fss). */
    public static synchronized RunLog start(Path outputDir, String kind) {
        return start(outputDir.resolve(io.phasesweep.io.OutputDir.LOGS), kind, null);
    }

    /** Starts the log in the local directory {@code logs}, to be copied into {@code copyTo} (null: none) at the end. */
    private static synchronized RunLog start(Path logs, String kind, io.phasesweep.io.Location copyTo) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = logs.resolve(kind + "-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        FileAppender appender = FileAppender.newBuilder().setName(APPENDER).withFileName(file.toString())
                .setLayout(PatternLayout.newBuilder().withConfiguration(ctx.getConfiguration())
                        .withPattern("%d{ISO8601} %p %c{1} [%t]: %m%n").build())
                .setConfiguration(ctx.getConfiguration()).build();
        appender.start();
        RunLog log = new RunLog(file, consoleWanted(), appender,
                copyTo == null ? null : copyTo.resolve(file.getFileName().toString()));
        log.route(ctx);
        // Spark reloads the logging configuration as its context starts (structured logging on or
        // off): route the new configuration too, or Spark's errors would reach the console again.
        ctx.addPropertyChangeListener(log.reroute);
        current = log;
        return log;
    }

    private final java.beans.PropertyChangeListener reroute = event -> {
        if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())) {
            route((LoggerContext) LogManager.getContext(false));
        }
    };

    /** Sends the root logger to this log's file, and away from the console unless asked. */
    private synchronized void route(LoggerContext ctx) {
        Configuration cfg = ctx.getConfiguration();
        LoggerConfig root = cfg.getRootLogger();
        if (!root.getAppenders().containsKey(APPENDER)) {
            root.addAppender(appender, null, null);
        }
        if (!console) {
            root.removeAppender(CONSOLE);
        }
        ctx.updateLoggers();
    }

    /** PHASESWEEP_LOG=info or debug (the launcher passes it as phasesweep.log.level) keeps Spark's log on the console. */
    static boolean consoleWanted() {
        String level = System.getProperty("phasesweep.log.level", "warn").toLowerCase(java.util.Locale.ROOT);
        return level.equals("info") || level.equals("debug") || level.equals("trace") || level.equals("all");
    }

    /** Whether stack traces belong on the console too. */
    public static boolean debug() {
        String level = System.getProperty("phasesweep.log.level", "warn").toLowerCase(java.util.Locale.ROOT);
        return level.equals("debug") || level.equals("trace") || level.equals("all");
    }

    /** The log of the run in progress, if one is open. */
    public static Optional<RunLog> current() {
        return Optional.ofNullable(current);
    }

    public Path file() {
        return file;
    }

    /** Writes what ended a run, with its full stack trace, to this log. */
    public void failure(String what, Throwable t) {
        LOG.log(Level.ERROR, what, t);
    }

    /**
     * Writes a stack trace where the user can find it: the open run log, else a new file in the
     * temporary directory. Returns that file.
     */
    public static Path record(String what, Throwable t) {
        RunLog log = current;
        if (log != null) {
            log.failure(what, t);
            return log.file;
        }
        try {
            Path file = Files.createTempFile("phasesweep-error-", ".log");
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, what + System.lineSeparator() + trace);
            return file;
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    @Override
    public synchronized void close() {
        if (Interruption.requested()) {
            // The JVM is going down: what Spark says while its cancelled tasks wind up stays in the file.
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.removePropertyChangeListener(reroute);
        Configuration cfg = ctx.getConfiguration();
        LoggerConfig root = cfg.getRootLogger();
        root.removeAppender(APPENDER);
        if (!console && cfg.getAppender(CONSOLE) != null && !root.getAppenders().containsKey(CONSOLE)) {
            root.addAppender(cfg.getAppender(CONSOLE), null, null);
        }
        ctx.updateLoggers();
        appender.stop();
        if (current == this) {
            current = null;
        }
        if (copyTo != null) {
            try {
                copyTo.parent().mkdirs();
                copyTo.write(Files.readAllBytes(file));
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("the run's log stays in {}: cannot copy it to {}: {}", file, copyTo, e.toString());
            }
        }
    }

    /** The same file, moved: a run that never started leaves no directory, its log goes elsewhere. */
    public Path moveTo(Path dir) {
        try {
            Path moved = dir.resolve(file.getFileName());
            Files.move(file, moved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return moved;
        } catch (IOException e) {
            return file;
        }
    }
}
