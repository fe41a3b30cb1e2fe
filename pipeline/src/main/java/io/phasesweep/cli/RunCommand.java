package io.phasesweep.cli;

import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.OutputDir;
import io.phasesweep.run.SparkSessions;
import io.phasesweep.run.SweepRunner;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Run a sweep and write its Parquet tables.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--overwrite", description = "replace an earlier sweep in the output directory")
    boolean overwrite;

    @Option(names = "--yes", description = "confirm a sweep with more tasks than limits.confirm_tasks")
    boolean yes;

    @Option(names = "--resume", description = "finish an interrupted sweep in the same output directory"
            + " (same config): only the work that was not committed runs")
    boolean resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepConfig config = options.load();
        config.checkSize(yes);
        // Refuse an occupied output directory before paying for Spark's start-up.
        if (!resume) {
            OutputDir.check(config.outputDir(), overwrite);
        }
        PrintStream err = System.err;
        err.printf(Locale.ROOT, "phasesweep: %s: model %s, %d grid points x %d replicas: %d tasks -> %s%n",
                config.name(), config.plan().model(), config.plan().grid().size(), config.plan().replicas(),
                config.plan().taskCount(), config.outputDir());
        SparkSession spark = SparkSessions.start("phasesweep " + config.name(), config.spark());
        try {
            SweepRunner.Result r = SweepRunner.run(spark, config, overwrite, resume, err);
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "done: %d tasks in %.1f s; rows %s in %s%n",
                    r.tasks(), r.elapsed().toMillis() / 1000.0, r.rows(), r.dir());
            return Main.OK;
        } finally {
            spark.stop();
        }
    }
}
