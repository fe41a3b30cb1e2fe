package io.phasesweep.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.aggregate.ExponentsStage;
import io.phasesweep.aggregate.HistogramsStage;
import io.phasesweep.aggregate.PhasesStage;
import io.phasesweep.aggregate.PointsStage;
import io.phasesweep.aggregate.SeriesStage;
import io.phasesweep.config.ConfigError;
import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Refinement;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.OutputLock;
import io.phasesweep.io.Tables;
import io.phasesweep.run.ChunkedSimulation.Layout;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * Runs a validated sweep on a Spark session: simulate every task, write the replicas table,
 * aggregate points (and time series), run the FSS analysis, and keep the manifest current.
 *
 * <p>Safety: the run holds the output's lock throughout; an earlier sweep it replaces is deleted
 * only once everything up to the first Spark job is known to work; simulation output commits chunk
 * by chunk ({@link ChunkedSimulation}), so a crash loses at most the chunks in flight and
 * {@code --resume} reruns only those; final tables are written under {@code _work} and moved into
 * place ({@link TablePublisher}), and nothing is called complete before {@link IntegrityCheck}
 * has vouched for the replicas table. A run always ends {@code complete}, {@code failed} or
 * {@code interrupted} (a signal, see {@link Interruption}).
 */
public final class SweepRunner {

    /** What a finished sweep wrote. */
    public record Result(Path dir, long tasks, Map<String, Long> rows, Duration elapsed) {
        public long replicaRows() {
            return rows.get(Tables.REPLICAS);
        }

        public long pointRows() {
            return rows.get(Tables.POINTS);
        }
    }

    /** The sweep completed and its tables are written, but the requested FSS analysis failed. */
    public static final class FssFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FssFailedException(Path dir, String why) {
            super("sweep complete in " + dir + ", but the finite-size-scaling analysis failed: " + why
                    + "; rerun it with: bin/phasesweep fss " + dir + " --set fss.<key>=<value>");
        }
    }

    /** A signal stopped the sweep; its manifest says interrupted and the message how to resume. */
    public static final class InterruptedSweepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InterruptedSweepException(String message) {
            super(message);
        }
    }

    private SweepRunner() {
    }

    /**
     * Partitions used when the config leaves it to us: 32 per core, or one per task if fewer. The
     * cores idle at the end for about half a partition's time, so with P partitions on C cores a
     * sweep loses about C / 2P of its time: 1/64 here. Each partition is one small Parquet file.
     */
    public static int autoPartitions(long tasks, int cores) {
        return (int) Math.max(1, Math.min(tasks, 32L * cores));
    }

    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, PrintStream err) {
        return run(spark, config, overwrite, false, err);
    }

    /** Runs a sweep under the output's lock, taken here. */
    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, boolean resume, PrintStream err) {
        try (OutputLock lock = OutputLock.acquire(config.outputDir(), err)) {
            return run(spark, config, overwrite, resume, lock, err);
        }
    }

    /**
     * @param resume finish an interrupted sweep in the same output directory instead of starting one
     * @param lock   the output directory's lock, held by the caller for the whole run
     */
    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, boolean resume,
                             OutputLock lock, PrintStream err) {
        long start = System.nanoTime();
        // The session is up by now: the JVM's age is the JVM + Spark start-up (for the CLI).
        double startup = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        SweepPlan plan = config.plan();
        Path dir = config.outputDir();
        int cores = spark.sparkContext().defaultParallelism();
        Layout layout;
        Manifest manifest;
        boolean replacing = false;
        if (resume) {
            JsonNode previous = OutputDir.checkResumable(dir, config.hash(), lock);
            layout = new Layout(previous.path("spark").path("partitions").asInt(),
                    previous.path("chunk_partitions").asInt());
            if (layout.partitions() < 1 || layout.chunkPartitions() < 1) {
                throw new ConfigError(dir + ": " + OutputDir.MANIFEST + " there lacks the task layout"
                        + " (spark.partitions, chunk_partitions); it cannot be resumed");
            }
            String version = config.plan().modelType().version();
            // Chunks of another kernel version would mix two models' bits in one table.
            if (previous.has(Manifest.MODEL_VERSION) && !version.equals(previous.path(Manifest.MODEL_VERSION).asText())) {
                throw new ConfigError(dir + ": --resume refused: the sweep there ran " + config.plan().model() + " version "
                        + previous.path(Manifest.MODEL_VERSION).asText() + ", this build has version " + version
                        + "; run it again with --overwrite");
            }
            manifest = Manifest.resumed(dir, previous);
        } else {
            OutputDir.checkNew(dir, overwrite, lock);
            int partitions = config.spark().partitions() > 0 ? config.spark().partitions()
                    : autoPartitions(plan.taskCount(), cores);
            layout = new Layout(partitions, Math.max(1, Math.min(partitions, 2 * cores)));
            manifest = new Manifest(config, dir, spark.sparkContext().master(), layout.partitions())
                    .note("chunk_partitions", layout.chunkPartitions());
            manifest.bytes(); // a manifest that cannot be written fails here, before anything moves
            try {
                // An earlier sweep waits aside until the new one has committed work: should the
                // new one fail before (a Spark setting that breaks the first job), it comes back.
                replacing = OutputDir.moveAside(dir, RunLog.current().map(RunLog::file).orElse(null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the earlier sweep in " + dir + " aside", e);
            }
        }
        if (!config.spark().conf().containsKey("spark.sql.shuffle.partitions")) {
            spark.conf().set("spark.sql.shuffle.partitions", Math.max(1, Math.min(layout.partitions(), 2 * cores)));
        }
        manifest.write();
        String resumeHint = "finish it with: bin/phasesweep run " + config.source() + " --resume --out " + dir;
        Interruption.watch(spark.sparkContext());
        Interruption.onTimeout(() -> {
            Manifest.markInterrupted(dir, "stopped by a signal; " + resumeHint);
            lock.close();
        });
        java.util.concurrent.atomic.AtomicBoolean replaced = new java.util.concurrent.atomic.AtomicBoolean(!replacing);
        Runnable committed = () -> {
            if (replaced.compareAndSet(false, true) || resume) {
                dropReplaced(dir);
            }
        };
        try {
            Result result = simulateAndPublish(spark, config, layout, resume, manifest, cores, start, startup,
                    committed, err);
            committed.run();
            return result;
        } catch (FssFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!replaced.get()) {
                restoreReplaced(dir);
                String why = Interruption.requested() ? "was interrupted"
                        : "failed (" + String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("") + ")";
                RuntimeException back = new IllegalStateException("the new sweep " + why + " before its first result;"
                        + " the earlier sweep in " + dir + " is back as it was", e);
                throw Interruption.requested() ? new InterruptedSweepException(back.getMessage()) : back;
            }
            if (Interruption.requested()) {
                manifest.interrupted("stopped by a signal; " + resumeHint).write();
                throw new InterruptedSweepException("interrupted; the chunks already committed are kept in " + dir
                        + "; " + resumeHint);
            }
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw e;
        } finally {
            Interruption.onTimeout(null);
        }
    }

    private static Result simulateAndPublish(SparkSession spark, SweepConfig config, Layout layout, boolean resume,
                                             Manifest manifest, int cores, long start, double startup,
                                             Runnable committed, PrintStream err) {
        SweepPlan plan = config.plan();
        Path dir = config.outputDir();
        Path work = dir.resolve(OutputDir.WORK);
        try {
            TaskMeters meters = new TaskMeters(spark.sparkContext().longAccumulator("tasks done"),
                    spark.sparkContext().longAccumulator("kernel ns"), spark.sparkContext().longAccumulator("tasks failed"),
                    spark.sparkContext().longAccumulator("tasks resumed"));
            long simulateStart = System.nanoTime();
            List<Path> rawPasses = new ArrayList<>(ChunkedSimulation.run(spark, config.name(), plan, 1, layout, meters,
                    work, config.checkpointInterval(), committed, err));
            List<SweepPlan> passes = new ArrayList<>(List.of(plan));
            // The schemas are known: reading with them skips Spark's schema-inference job.
            StructType rawSchema = Tables.raw(plan.grid());
            Optional<SweepPlan> refined = refinedPlan(config, () -> spark.read().schema(rawSchema).parquet(locations(rawPasses)), err);
            long tasks = plan.taskCount();
            if (refined.isPresent()) {
                String control = config.fss().orElseThrow().control();
                manifest.note("refined_" + control, refined.get().grid().axes()
                        .get(plan.grid().names().indexOf(control)).values().toString());
                manifest.write();
                int partitions = Math.max(1, (int) Math.min(refined.get().taskCount(), layout.partitions()));
                Layout second = new Layout(partitions, Math.min(partitions, layout.chunkPartitions()));
                rawPasses.addAll(ChunkedSimulation.run(spark, config.name() + " refine", refined.get(), 2, second, meters,
                        work, config.checkpointInterval(), committed, err));
                passes.add(refined.get());
                tasks += refined.get().taskCount();
            }
            double simulateSeconds = (System.nanoTime() - simulateStart) / 1e9;
            long resumedTasks = meters.resumed().value();
            manifest.note("resumed_from_checkpoint", resumedTasks);
            if (resumedTasks > 0) {
                err.printf("phasesweep: tasks resumed from their checkpoints: %d%n", resumedTasks);
            }
            Dataset<Row> raw = spark.read().schema(rawSchema).parquet(locations(rawPasses));
            Dataset<Row> okRaw = raw.where(col(Tables.STATUS).equalTo(Tables.OK));

            TablePublisher tables = new TablePublisher(spark, dir);
            spark.sparkContext().setJobDescription("write replicas");
            Dataset<Row> scalars = singleValues(raw);
            Dataset<Row> replicas = tables.publish(Tables.REPLICAS, scalars, Tables.replicasOrder(plan.grid()));
            spark.sparkContext().setJobDescription("check the replicas table");
            List<String> problems = IntegrityCheck.problems(replicas, tables.rows().get(Tables.REPLICAS), plan, passes);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the replicas table failed its integrity check: "
                        + String.join("; ", problems));
            }
            // This run's tasks reported their failures; only chunks from an interrupted run need a count.
            long failed = !resume && meters.failed().value() == 0 ? 0
                    : replicas.where(col(Tables.STATUS).notEqual(Tables.OK)).select(Tables.SEED, Tables.PASS).distinct().count();
            reportFailures(replicas, failed, tasks, manifest, err);
            if (failed > 0 && failed == tasks) {
                throw new IllegalStateException("every one of the " + tasks
                        + " tasks failed; see the status and message columns of " + dir.resolve(Tables.REPLICAS));
            }
            Dataset<Row> seriesQuantities = null;
            if (plan.hasSeries()) {
                spark.sparkContext().setJobDescription("write time series");
                Dataset<Row> series = okRaw.where(col(Tables.TIME).isNotNull()).select(
                        Tables.replicaSeriesColumns(plan.grid()).stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
                Dataset<Row> replicaSeries = tables.publish(Tables.REPLICA_SERIES, series, Tables.replicaSeriesOrder(plan.grid()));
                Dataset<Row> timeseries = tables.publish(Tables.TIMESERIES, SeriesStage.timeseries(replicaSeries, plan),
                        Tables.timeseriesOrder(plan.grid()));
                if (!plan.modelType().seriesQuantities().isEmpty()) {
                    seriesQuantities = SeriesStage.seriesQuantities(timeseries, plan);
                }
            }
            if (plan.hasHistograms()) {
                spark.sparkContext().setJobDescription("write histograms");
                tables.publish(Tables.HISTOGRAMS, HistogramsStage.histograms(okRaw.where(col(Tables.BIN).isNotNull()), plan),
                        Tables.histogramsOrder(plan.grid()));
            }
            spark.sparkContext().setJobDescription("aggregate points");
            long pointsStart = System.nanoTime();
            Dataset<Row> okReplicas = replicas.where(col(Tables.STATUS).equalTo(Tables.OK));
            Dataset<Row> points = PointsStage.points(okReplicas, plan);
            if (seriesQuantities != null) {
                points = points.union(seriesQuantities);
            }
            Dataset<Row> published = tables.publish(Tables.POINTS, points, Tables.pointsOrder(plan.grid()));
            double pointsSeconds = (System.nanoTime() - pointsStart) / 1e9;
            Optional<Axis> sizeAxis = ExponentsStage.sizeAxis(plan);
            if (sizeAxis.isPresent()) {
                spark.sparkContext().setJobDescription("fit size exponents");
                tables.publish(Tables.EXPONENTS, ExponentsStage.exponents(published, plan),
                        Tables.exponentsOrder(plan.grid(), sizeAxis.get()));
            }
            if (plan.modelType().phaseClassifier().isPresent()) {
                spark.sparkContext().setJobDescription("classify phases");
                tables.publish(Tables.PHASES, PhasesStage.phases(published, plan), Tables.phasesOrder(plan.grid()));
            }
            Map<String, Long> rows = new LinkedHashMap<>(tables.rows());
            String fssError = null;
            if (config.fss().isPresent()) {
                spark.sparkContext().setJobDescription("finite-size scaling");
                err.println("phasesweep: finite-size-scaling analysis (" + config.fss().get().bootstrap() + " bootstrap samples) ...");
                manifest.fssSettings(config.fss().get());
                try {
                    rows.put(Tables.FSS, FssRunner.run(spark, config));
                } catch (RuntimeException e) {
                    if (Interruption.requested()) {
                        throw e;
                    }
                    // The simulation is done and written: an analysis failure must not lose it.
                    fssError = e.toString();
                }
            }
            OutputDir.deleteTree(work);
            manifest.completed(tasks, rows);
            // startup: JVM + Spark start-up before the sweep; simulate: the simulation passes (wall);
            // kernel: the tasks' summed simulation time; points: the points aggregation (wall);
            // sweep: everything after start-up (wall). kernel / cores / sweep is the efficiency.
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("startup_s", startup);
            timings.put("simulate_s", simulateSeconds);
            timings.put("kernel_s", meters.kernelNanos().value() / 1e9);
            timings.put("points_s", pointsSeconds);
            timings.put("sweep_s", (System.nanoTime() - start) / 1e9);
            manifest.timings(timings, cores);
            if (fssError != null) {
                manifest.note("fss_error", fssError).write();
                throw new FssFailedException(dir, fssError);
            }
            manifest.write();
            return new Result(dir, tasks, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw rows of the replicas table (scalar and once observables): neither series nor histogram rows. */
    private static Dataset<Row> singleValues(Dataset<Row> raw) {
        return raw.where(col(Tables.TIME).isNull().and(col(Tables.BIN).isNull())).drop(Tables.TIME, Tables.BIN);
    }

    private static void dropReplaced(Path dir) {
        try {
            OutputDir.dropReplaced(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the replaced sweep in " + dir.resolve(OutputDir.REPLACED), e);
        }
    }

    private static void restoreReplaced(Path dir) {
        try {
            OutputDir.restoreReplaced(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the earlier sweep from " + dir.resolve(OutputDir.REPLACED), e);
        }
    }

    private static String[] locations(List<Path> dirs) {
        return dirs.stream().map(TablePublisher::location).toArray(String[]::new);
    }

    /** Counts failed tasks by status in the manifest and prints a short summary with sample messages. */
    private static void reportFailures(Dataset<Row> replicas, long failed, long total, Manifest manifest, PrintStream err) {
        if (failed == 0) {
            manifest.failures(0, List.of());
            return;
        }
        List<Row> byStatus = replicas.where(col(Tables.STATUS).notEqual(Tables.OK))
                .select(Tables.SEED, Tables.PASS, Tables.STATUS, Tables.MESSAGE).distinct()
                .groupBy(Tables.STATUS, Tables.MESSAGE).count().orderBy(col("count").desc()).collectAsList();
        manifest.failures(failed, byStatus.stream().map(r -> Tables.status(r) + ": " + Tables.message(r)
                + " (" + Tables.count(r, "count") + " tasks)").limit(10).toList());
        err.printf(Locale.ROOT, "phasesweep: %d of %d tasks failed and are left out of points:%n", failed, total);
        byStatus.stream().limit(5).forEach(r -> err.printf("  %d x %s: %s%n", Tables.count(r, "count"),
                Tables.status(r), Tables.message(r)));
        err.println("  (rows with status != 'ok' in replicas/ hold the details)");
    }

    /**
     * The second pass of an fss block with {@code refine}: the first pass's critical points from
     * a quick analysis (few bootstrap samples: only the estimates matter here), then the refined grid.
     *
     * @param raw the first pass's raw rows, read only when a refinement is configured
     */
    private static Optional<SweepPlan> refinedPlan(SweepConfig config, java.util.function.Supplier<Dataset<Row>> raw,
                                                   PrintStream err) {
        if (config.fss().isEmpty() || config.fss().get().refine().isEmpty()) {
            return Optional.empty();
        }
        FssSettings fss = config.fss().get();
        FssSettings.Refine refine = fss.refine().get();
        FssSettings quick = new FssSettings(fss.control(), fss.size(), fss.observables(), fss.windowLo(), fss.windowHi(),
                Math.min(fss.bootstrap(), 20), fss.seed(), Optional.empty());
        List<Double> critical = FssRunner.criticalPoints(FssRunner.analyse(config, quick,
                singleValues(raw.get())));
        if (critical.isEmpty()) {
            err.println("phasesweep: refinement skipped: the first pass gave no critical-point estimate");
            return Optional.empty();
        }
        err.printf(Locale.ROOT, "phasesweep: first pass: %s_c ~ %s; refining %d points over %.4g%n",
                fss.control(), critical, refine.points(), refine.width());
        SweepPlan plan = config.plan();
        return Refinement.grid(plan.grid(), fss.control(), critical, refine.points(), refine.width())
                .map(g -> new SweepPlan(plan.model(), plan.sweepSeed(), plan.replicas(), g, plan.fixed()));
    }
}
