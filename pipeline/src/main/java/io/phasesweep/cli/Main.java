package io.phasesweep.cli;

import io.phasesweep.Version;
import io.phasesweep.config.ConfigError;
import io.phasesweep.run.Interruption;
import io.phasesweep.run.RunLog;
import io.phasesweep.run.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code phasesweep run|validate|fss|plot|report|query|store|models}. Exit codes: 0 ok, 1 run failed, 2 bad
 * input, 130 interrupted (Ctrl-C; 143 for SIGTERM, set by the JVM). Every failure is one line.
 */
@Command(name = "phasesweep", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Phase-diagram sweeps of statistical-physics models on Apache Spark.",
        subcommands = {RunCommand.class, ValidateCommand.class, FssCommand.class, PlotCommand.class, ReportCommand.class,
                QueryCommand.class, StoreCommand.class, ModelsCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERRUPTED = 130;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigError) {
                cmd.getErr().println("phasesweep: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof SweepRunner.InterruptedSweepException) {
                cmd.getErr().println(System.lineSeparator() + "phasesweep: " + e.getMessage());
                return INTERRUPTED;
            }
            if (Failures.reportsItself(e)) {
                cmd.getErr().println("phasesweep: " + e.getMessage());
                return FAILED;
            }
            String line = e instanceof Failures.ReportedFailure ? e.getMessage()
                    : Failures.summary(e) + " (full trace in " + RunLog.record("phasesweep: failed", e) + ")";
            cmd.getErr().println("phasesweep: failed: " + line);
            if (RunLog.debug()) {
                e.printStackTrace(cmd.getErr());
            }
            return FAILED;
        });
        try {
            return cli.execute(args);
        } finally {
            // The outcome is reported: a signal hook waiting for it may let the JVM go now.
            Interruption.end();
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"phasesweep " + Version.get()};
        }
    }
}
