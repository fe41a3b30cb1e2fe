package io.phasesweep.cli;

import io.phasesweep.io.OutputDir;
import io.phasesweep.store.StoreMaintenance;
import io.phasesweep.store.TaskStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Inspect or shrink a task store (the computed tasks sweeps reuse).",
        subcommands = {StoreCommand.Stats.class, StoreCommand.Gc.class})
final class StoreCommand {

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Segments, size, and tasks per model version.")
    static final class Stats implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "STORE", description = "the store directory (e.g. out/phasesweep-store);"
                + " local: the store is read with DuckDB")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws SQLException {
            StoreMaintenance.Stats s = StoreMaintenance.stats(TaskStore.existing(OutputDir.requireLocal(dir, "store stats")));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %d segment%s, %.1f MB%n", dir, s.segments(), s.segments() == 1 ? "" : "s",
                    s.bytes() / 1e6);
            for (StoreMaintenance.ModelShare m : s.models()) {
                out.printf(Locale.ROOT, "  %-20s version %-6s %10d tasks %12d rows%n", m.model(), m.version(), m.tasks(), m.rows());
            }
            return Main.OK;
        }
    }

    @Command(name = "gc", mixinStandardHelpOptions = true,
            description = "Keep only the tasks the given outputs used; drop the rest. Run it while no sweep uses the store.")
    static final class Gc implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "STORE", description = "the store directory")
        Path dir;

        @Option(names = "--keep-referenced", arity = "1..*", required = true, paramLabel = "OUT",
                description = "outputs of sweeps that ran with this store: the tasks they used are kept")
        List<Path> keep;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws SQLException, IOException {
            TaskStore store = TaskStore.existing(OutputDir.requireLocal(dir, "store gc"));
            long before = StoreMaintenance.stats(store).models().stream().mapToLong(StoreMaintenance.ModelShare::tasks).sum();
            long kept = StoreMaintenance.gc(store, keep);
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: kept %d tasks, dropped %d%n", dir, kept, before - kept);
            return Main.OK;
        }
    }
}
