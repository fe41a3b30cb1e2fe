package io.phasesweep.cli;

import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.OutputLock;
import io.phasesweep.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write OUT/report/index.html for a finished sweep: one self-contained page (figures inline,"
        + " nothing fetched) with the config, the manifest's summary, the FSS estimates beside the model's"
        + " reference values, the phase map and links to the tables.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "output directory of a finished sweep")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = OutputDir.localTarget(out, "report");
        Manifest.readComplete(dir);
        Headless.set();
        try (OutputLock lock = OutputLock.acquire(dir, System.err)) {
            spec.commandLine().getOut().println("done: " + ReportWriter.write(dir));
            return Main.OK;
        }
    }
}
