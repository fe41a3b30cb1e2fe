package io.phasesweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;
import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;
import io.phasesweep.run.FssRunner;
import io.phasesweep.run.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "fss", description = "Re-run the finite-size-scaling analysis of a finished sweep (no simulation);"
        + " replaces OUT/fss/. Override the analysis with e.g. --set 'fss.window=[2.2,2.34]'.")
final class FssCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "output directory of a finished sweep")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the stored config (fss.*)")
    List<String> sets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode manifest = Manifest.readComplete(out);
        SweepConfig config = ConfigLoader.fromManifest(manifest.path("config").toString(),
                out.resolve(OutputDir.MANIFEST).toString(), sets, out);
        if (!config.hash().equals(manifest.path("config_hash").asText())) {
            throw new ConfigError("--set may only change the fss block here; the sweep itself would differ");
        }
        if (config.fss().isEmpty()) {
            throw new ConfigError(out + ": the sweep has no fss block; add one with --set, e.g. "
                    + "--set fss.control=T --set fss.size=L");
        }
        SparkSession spark = SparkSessions.start("phasesweep fss", config.spark());
        try {
            long rows = FssRunner.run(spark, config);
            Manifest.recordTable(out, Tables.FSS, rows);
            spec.commandLine().getOut().printf("done: %d fss rows in %s%n", rows, out.resolve(Tables.FSS));
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
