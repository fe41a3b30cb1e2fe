package io.phasesweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;
import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.HadoopSettings;
import io.phasesweep.io.Location;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.OutputLock;
import io.phasesweep.io.Tables;
import io.phasesweep.run.FssRunner;
import io.phasesweep.run.Interruption;
import io.phasesweep.run.RunLog;
import io.phasesweep.run.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "fss", mixinStandardHelpOptions = true,
        description = "Re-run the finite-size-scaling analysis of a finished sweep (no simulation);"
        + " replaces OUT/fss/. Override the analysis with e.g. --set 'fss.window=[2.2,2.34]'.")
final class FssCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "output directory of a finished sweep (a local path"
            + " or a Hadoop file system URI)")
    String out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the stored config (fss.*)")
    List<String> sets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Location dir = Location.of(out, HadoopSettings.of(java.util.Map.of()).conf()).target();
        JsonNode manifest = Manifest.readComplete(dir);
        for (String kv : sets) {
            String key = kv.contains("=") ? kv.substring(0, kv.indexOf('=')).trim() : kv;
            if (!key.startsWith("fss.") && !key.equals("fss")) {
                throw new ConfigError("--set " + kv + ": --set may only change the fss block here; the sweep itself is fixed");
            }
            if (key.startsWith("fss.refine")) {
                throw new ConfigError("--set " + kv + ": a refinement pass simulates new points; "
                        + "run the sweep again with an fss.refine block instead");
            }
        }
        SweepConfig config = ConfigLoader.fromManifest(manifest.path("config").toString(),
                dir.resolve(OutputDir.MANIFEST).toString(), sets, dir.toString());
        if (!config.hash().equals(manifest.path("config_hash").asText())) {
            throw new ConfigError("--set may only change the fss block here; the sweep itself would differ");
        }
        if (config.fss().isEmpty()) {
            throw new ConfigError(out + ": the sweep has no fss block; add one with --set, e.g. "
                    + "--set fss.control=T --set fss.size=L");
        }
        try (OutputLock lock = OutputLock.acquire(dir, System.err); RunLog log = RunLog.start(dir, "fss")) {
            Manifest.readComplete(dir); // still complete now that we hold the lock
            Interruption.begin();
            try {
                SparkSession spark = SparkSessions.start("phasesweep fss", config.spark());
                Interruption.watch(spark.sparkContext());
                try {
                    long rows = FssRunner.run(spark, config);
                    Manifest.recordFss(dir, rows, config.fss().get());
                    spec.commandLine().getOut().printf("done: %d fss rows in %s%n", rows, dir.resolve(Tables.FSS));
                    return Main.OK;
                } finally {
                    spark.stop();
                }
            } catch (RuntimeException e) {
                throw Failures.logged(e, log);
            }
        }
    }
}
