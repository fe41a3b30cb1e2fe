package io.phasesweep.cli;

import io.phasesweep.config.ConfigError;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.HadoopSettings;
import io.phasesweep.io.Location;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.OutputLock;
import io.phasesweep.run.Interruption;
import io.phasesweep.run.RunLog;
import io.phasesweep.run.SparkSessions;
import io.phasesweep.run.SweepRunner;
import io.phasesweep.store.TaskStore;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a sweep and write its Parquet tables.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--overwrite", description = "replace an earlier sweep in the output directory")
    boolean overwrite;

    @Option(names = "--yes", description = "confirm a sweep with more tasks than limits.confirm_tasks")
    boolean yes;

    @Option(names = "--report", description = "write OUT/report/index.html when the sweep is done (as phasesweep report OUT)")
    boolean report;

    @Option(names = "--resume", description = "finish an interrupted sweep in the same output directory"
            + " (same config): only the work that was not committed runs")
    boolean resume;

    @Option(names = "--store", paramLabel = "DIR", description = "the task store: tasks computed before (by any sweep"
            + " using it) are reused, this sweep's are added (default: phasesweep-store beside the output directory);"
            + " a local path or a Hadoop file system URI")
    String store;

    @Option(names = "--no-store", description = "compute every task; use and add to no task store")
    boolean noStore;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (noStore && store != null) {
            throw new ConfigError("--store and --no-store exclude each other");
        }
        SweepConfig config = options.load();
        config.checkSize(yes);
        // Hadoop's settings (spark.hadoop.*) reach the output's file system before Spark starts.
        org.apache.hadoop.conf.Configuration hadoop = HadoopSettings.of(config.spark()).conf();
        Location dir = Location.of(config.output(), hadoop).target();
        config = config.withOutput(dir.toString());
        if (report && dir.localPath().isEmpty()) {
            throw new ConfigError(dir + ": --report reads the tables with DuckDB on this machine and needs a local"
                    + " output; run without it, copy the output here (hadoop fs -get) and run phasesweep report on it");
        }
        Location storeDir = store == null ? null : Location.of(store, hadoop);
        if (storeDir != null && dir.contains(storeDir.target())) {
            // An --overwrite of the output would move the store aside with the sweep it replaces.
            throw new ConfigError("--store " + store + ": inside the output directory " + dir
                    + "; put the store beside outputs, not in one");
        }
        // Refuse an occupied, foreign or locked output directory before paying for Spark's start-up.
        if (resume) {
            OutputDir.checkResumable(dir, config.hash(), null);
        } else {
            OutputDir.checkNew(dir, overwrite, null);
        }
        PrintStream err = System.err;
        config.warnings().forEach((w, n) -> err.printf("phasesweep: warning: %s (%d grid point%s)%n", w, n, n == 1 ? "" : "s"));
        boolean created = !dir.exists();
        try (OutputLock lock = OutputLock.acquire(dir, err)) {
            RunLog log = RunLog.start(dir, "run");
            boolean started = false;
            try {
                err.printf(Locale.ROOT, "phasesweep: %s: model %s, %d grid points x %d replicas: %d tasks -> %s%n",
                        config.name(), config.plan().model(), config.plan().grid().size(), config.plan().replicas(),
                        config.plan().taskCount(), dir);
                Interruption.begin();
                SparkSession spark = SparkSessions.start("phasesweep " + config.name(), config.spark());
                started = true;
                try {
                    Optional<TaskStore> tasks = noStore ? Optional.empty()
                            : Optional.of(TaskStore.open(storeDir != null ? storeDir : TaskStore.besides(dir)));
                    SweepRunner.Result r = SweepRunner.run(spark, config, overwrite, resume, lock, tasks, err);
                    spec.commandLine().getOut().printf(Locale.ROOT,
                            "done: %d tasks in %.1f s; rows %s in %s%n",
                            r.tasks(), r.elapsed().toMillis() / 1000.0, r.rows(), r.dir());
                    if (report) {
                        // The sweep is complete and this run still holds its lock: nothing else writes here.
                        Headless.set();
                        spec.commandLine().getOut().println("report: "
                                + io.phasesweep.report.ReportWriter.write(r.dir().localPath().orElseThrow()));
                    }
                    return Main.OK;
                } finally {
                    spark.stop();
                }
            } catch (RuntimeException e) {
                RuntimeException reported = Failures.logged(e, log);
                if (!started && created) {
                    // Spark never started: leave no directory behind; the log goes to the temp directory.
                    log.close();
                    Path moved = log.moveTo(Path.of(System.getProperty("java.io.tmpdir")));
                    lock.close();
                    deleteQuietly(dir);
                    reported = Failures.logged(e, moved);
                }
                throw reported;
            } finally {
                log.close();
            }
        }
    }

    private static void deleteQuietly(Location dir) {
        try {
            dir.deleteTree();
        } catch (IOException ignored) {
            // Nothing of value is in it: a lock and an empty log directory.
        }
    }
}
