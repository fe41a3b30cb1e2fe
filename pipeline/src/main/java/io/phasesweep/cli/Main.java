package io.phasesweep.cli;

import io.phasesweep.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code phasesweep run|validate|models}. Exit codes: 0 ok, 1 run failed, 2 bad input. */
@Command(name = "phasesweep", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Phase-diagram sweeps of statistical-physics models on Apache Spark.",
        subcommands = {RunCommand.class, ValidateCommand.class, FssCommand.class, ModelsCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof io.phasesweep.config.ConfigError) {
                cmd.getErr().println("phasesweep: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof io.phasesweep.run.SweepRunner.FssFailedException) {
                cmd.getErr().println("phasesweep: " + e.getMessage());
                return FAILED;
            }
            cmd.getErr().println("phasesweep: run failed: " + e);
            e.printStackTrace(cmd.getErr());
            return FAILED;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"phasesweep " + Version.get()};
        }
    }
}
