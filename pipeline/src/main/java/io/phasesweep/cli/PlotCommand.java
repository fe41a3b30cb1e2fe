package io.phasesweep.cli;

import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.OutputLock;
import io.phasesweep.plot.FigurePlan;
import io.phasesweep.plot.FigureRenderer;
import io.phasesweep.plot.PlotWriter;
import io.phasesweep.plot.SweepLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a finished sweep's figures from its tables into OUT/plots/ (no Spark, no simulation):"
        + " every quantity against the control axis, heat and phase maps, FSS crossings and collapses,"
        + " time series and histograms.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "output directory of a finished sweep")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "png (default) or svg")
    String format = "png";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FigureRenderer.Format f = format(format);
        Path dir = OutputDir.localTarget(out, "plot");
        Manifest.readComplete(dir); // refuse a directory that is no finished sweep before taking its lock
        Headless.set();
        try (OutputLock lock = OutputLock.acquire(dir, System.err)) {
            List<Path> files = PlotWriter.write(dir, FigurePlan.plan(SweepLoader.load(dir).view()), f);
            spec.commandLine().getOut().printf(Locale.ROOT, "done: %d figures in %s%n", files.size(),
                    dir.resolve(OutputDir.PLOTS));
            return Main.OK;
        }
    }

    static FigureRenderer.Format format(String name) {
        for (FigureRenderer.Format f : FigureRenderer.Format.values()) {
            if (f.extension().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new io.phasesweep.config.ConfigError("--format " + name + ": expected png or svg");
    }
}
