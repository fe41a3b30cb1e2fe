package io.phasesweep.cli;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.Reference;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a config and print its grid and task count; runs nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--settings", description = "also list every config key's effective value and where it came from")
    boolean settings;

    @Override
    public Integer call() {
        SweepConfig c = options.load();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: valid%n", c.source());
        out.printf("  sweep      %s (model %s version %s, seed %d)%n", c.name(), c.plan().model(),
                c.plan().modelType().version(), c.plan().sweepSeed());
        GridSummary.factors(c.plan().grid()).forEach(line -> out.printf("  %s%n", line));
        if (!c.plan().fixed().isEmpty()) {
            out.printf("  params     %s%n", new java.util.TreeMap<>(c.plan().fixed()));
        }
        GridSummary.expressions(c.plan().grid()).forEach(line -> out.printf("  %s%n", line));
        out.printf("  grid       %d points%n", c.plan().grid().size());
        GridSummary.firstPoints(c.plan().grid()).forEach(line -> out.printf("  %s%n", line));
        c.refine().ifPresent(r -> out.printf("  %s%n", GridSummary.refinement(c.plan().grid(), r)));
        out.printf("  tasks      %d (%d replicas per point)%n", c.plan().taskCount(), c.plan().replicas());
        io.phasesweep.io.Location target = io.phasesweep.io.Location.of(c.output(),
                io.phasesweep.io.HadoopSettings.of(c.spark()).conf()).target();
        out.printf("  output     %s%s%n", c.output(), OutputDir.sweepStatus(target)
                .map(status -> " (holds a sweep: " + status + (status.equals(Manifest.INTERRUPTED)
                        ? "; finish it with run --resume" : "") + ")")
                .orElse(OutputDir.isEmptyOrAbsent(target) ? "" : " (holds other files)"));
        out.printf("  hash       %s%n", c.hash());
        out.printf("  checkpoint %s%n", c.checkpointInterval().isZero() ? "off"
                : "every " + seconds(c.checkpointInterval()) + " of a task's time");
        if (c.plan().grid().size() > ConfigLoader.CHECK_EVERY_POINT) {
            out.printf("  checked    the grid's corners and an even sample of %d points (of %d)%n",
                    ConfigLoader.CHECK_EVERY_POINT, c.plan().grid().size());
        }
        c.warnings().forEach((w, n) -> out.printf("  warning    %s (%d grid point%s)%n", w, n, n == 1 ? "" : "s"));
        if (settings) {
            for (Reference.Setting s : options.settings()) {
                out.printf("  setting    %s = %s  (%s)%n", s.key(), s.value(), s.origin());
            }
        }
        return Main.OK;
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
