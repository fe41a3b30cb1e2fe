package io.phasesweep.run;

import io.phasesweep.aggregate.PointsStage;
import io.phasesweep.aggregate.SeriesStage;
import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Refinement;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * Runs a validated sweep on a Spark session: simulate every (grid point, replica) task, write the
 * replicas table, aggregate the points table, and keep the manifest current. The simulation
 * output is written once to a work area and read back, so no task ever runs twice (sorting or
 * aggregating a lazily simulated dataset would recompute it).
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

    private SweepRunner() {
    }

    /** Partitions used when the config leaves it to us: a few tasks each, at least 4 per core. */
    public static int autoPartitions(long tasks, int cores) {
        long p = Math.max(4L * cores, Math.min(tasks / 4, 64L * cores));
        return (int) Math.max(1, Math.min(tasks, p));
    }

    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, PrintStream err) {
        long start = System.nanoTime();
        SweepPlan plan = config.plan();
        Path dir = config.outputDir();
        int cores = spark.sparkContext().defaultParallelism();
        int partitions = config.spark().partitions() > 0 ? config.spark().partitions()
                : autoPartitions(plan.taskCount(), cores);
        if (!config.spark().conf().containsKey("spark.sql.shuffle.partitions")) {
            spark.conf().set("spark.sql.shuffle.partitions", Math.max(1, Math.min(partitions, 2 * cores)));
        }

        OutputDir.prepare(dir, overwrite);
        Manifest manifest = new Manifest(config, dir, spark.sparkContext().master(), partitions);
        manifest.write();
        Path work = dir.resolve(OutputDir.WORK);
        try {
            LongAccumulator done = spark.sparkContext().longAccumulator("tasks done");
            LongAccumulator failed = spark.sparkContext().longAccumulator("tasks failed");
            List<String> rawPasses = new ArrayList<>();
            rawPasses.add(simulate(spark, config.name(), plan, 1, partitions, done, failed, work, err));
            Optional<SweepPlan> refined = refinedPlan(spark, config, read(spark, rawPasses), err);
            if (refined.isPresent()) {
                manifest.note("refined_" + config.fss().orElseThrow().control(), refined.get().grid().axes()
                        .get(plan.grid().names().indexOf(config.fss().orElseThrow().control())).values().toString());
                manifest.write();
                int refinedPartitions = config.spark().partitions() > 0 ? config.spark().partitions()
                        : autoPartitions(refined.get().taskCount(), cores);
                rawPasses.add(simulate(spark, config.name() + " refine", refined.get(), 2, refinedPartitions, done, failed,
                        work, err));
            }
            Dataset<Row> raw = read(spark, rawPasses);
            Dataset<Row> okRaw = raw.where(col(Tables.STATUS).equalTo(Tables.OK));

            spark.sparkContext().setJobDescription("write replicas");
            Dataset<Row> scalars = raw.where(col(Tables.TIME).isNull()).drop(Tables.TIME);
            write(sortedSingleFile(scalars, Tables.replicasOrder(plan.grid())), dir.resolve(Tables.REPLICAS));
            Dataset<Row> replicas = spark.read().parquet(uri(dir.resolve(Tables.REPLICAS)));

            if (failed.value() > 0) {
                reportFailures(replicas, failed.value(), done.value(), manifest, err);
                if (failed.value() == done.value()) {
                    throw new IllegalStateException("every one of the " + done.value()
                            + " tasks failed; see the status and message columns of " + dir.resolve(Tables.REPLICAS));
                }
            }
            Dataset<Row> okReplicas = replicas.where(col(Tables.STATUS).equalTo(Tables.OK));
            spark.sparkContext().setJobDescription("aggregate points");
            write(sortedSingleFile(PointsStage.points(okReplicas, plan), Tables.pointsOrder(plan.grid())),
                    dir.resolve(Tables.POINTS));

            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(Tables.REPLICAS, replicas.count());
            rows.put(Tables.POINTS, spark.read().parquet(uri(dir.resolve(Tables.POINTS))).count());
            if (plan.hasSeries()) {
                spark.sparkContext().setJobDescription("write time series");
                Dataset<Row> series = okRaw.where(col(Tables.TIME).isNotNull()).select(
                        Tables.replicaSeriesColumns(plan.grid()).stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
                write(sortedSingleFile(series, Tables.replicaSeriesOrder(plan.grid())), dir.resolve(Tables.REPLICA_SERIES));
                Dataset<Row> replicaSeries = spark.read().parquet(uri(dir.resolve(Tables.REPLICA_SERIES)));
                write(sortedSingleFile(SeriesStage.timeseries(replicaSeries, plan), Tables.timeseriesOrder(plan.grid())),
                        dir.resolve(Tables.TIMESERIES));
                rows.put(Tables.REPLICA_SERIES, replicaSeries.count());
                rows.put(Tables.TIMESERIES, spark.read().parquet(uri(dir.resolve(Tables.TIMESERIES))).count());
            }
            String fssError = null;
            if (config.fss().isPresent()) {
                spark.sparkContext().setJobDescription("finite-size scaling");
                err.println("phasesweep: finite-size-scaling analysis (" + config.fss().get().bootstrap() + " bootstrap samples) ...");
                try {
                    rows.put(Tables.FSS, FssRunner.run(spark, config));
                } catch (RuntimeException e) {
                    // The simulation is done and written: an analysis failure must not lose it.
                    fssError = e.toString();
                }
            }
            OutputDir.deleteTree(work);
            manifest.completed(done.value(), rows);
            if (fssError != null) {
                manifest.note("fss_error", fssError).write();
                throw new FssFailedException(dir, fssError);
            }
            manifest.write();
            return new Result(dir, done.value(), rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw new UncheckedIOException(e);
        } catch (FssFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw e;
        }
    }

    /** Counts failed tasks by status in the manifest and prints a short summary with sample messages. */
    private static void reportFailures(Dataset<Row> replicas, long failed, long total, Manifest manifest, PrintStream err) {
        List<Row> byStatus = replicas.where(col(Tables.STATUS).notEqual(Tables.OK))
                .select(Tables.REPLICA, Tables.SEED, Tables.STATUS, Tables.MESSAGE).distinct()
                .groupBy(Tables.STATUS, Tables.MESSAGE).count().orderBy(col("count").desc()).collectAsList();
        manifest.failures(failed, byStatus.stream().map(r -> r.getString(0) + ": " + r.getString(1)
                + " (" + r.getLong(2) + " tasks)").limit(10).toList());
        err.printf(java.util.Locale.ROOT, "phasesweep: %d of %d tasks failed and are left out of points:%n", failed, total);
        byStatus.stream().limit(5).forEach(r -> err.printf("  %d x %s: %s%n", r.getLong(2), r.getString(0), r.getString(1)));
        err.println("  (rows with status != 'ok' in replicas/ hold the details)");
    }

    /** Runs one pass's tasks and writes their raw rows under the work area; returns that path. */
    private static String simulate(SparkSession spark, String label, SweepPlan plan, int pass, int partitions,
                                   LongAccumulator done, LongAccumulator failed, Path work, PrintStream err) {
        String path = uri(work.resolve("raw-pass" + pass));
        long before = done.value();
        Dataset<Row> simulated = spark.range(0, partitions, 1, partitions)
                .flatMap(new ReplicaTasks(plan, pass, partitions, done, failed), Encoders.row(Tables.raw(plan.grid())));
        spark.sparkContext().setJobDescription("simulate " + plan.taskCount() + " tasks (pass " + pass + ")");
        try (Progress progress = new Progress(label, plan.taskCount(), done, before, err)) {
            simulated.write().parquet(path);
        }
        return path;
    }

    private static Dataset<Row> read(SparkSession spark, List<String> paths) {
        return spark.read().parquet(paths.toArray(String[]::new));
    }

    /**
     * The second pass of an fss block with {@code refine}: the first pass's critical points from
     * a quick analysis (few bootstrap samples: only the estimates matter here), then the refined grid.
     */
    private static Optional<SweepPlan> refinedPlan(SparkSession spark, SweepConfig config, Dataset<Row> raw,
                                                   PrintStream err) {
        if (config.fss().isEmpty() || config.fss().get().refine().isEmpty()) {
            return Optional.empty();
        }
        FssSettings fss = config.fss().get();
        FssSettings.Refine refine = fss.refine().get();
        FssSettings quick = new FssSettings(fss.control(), fss.size(), fss.observables(), fss.windowLo(), fss.windowHi(),
                Math.min(fss.bootstrap(), 20), fss.seed(), Optional.empty());
        List<Double> critical = FssRunner.criticalPoints(FssRunner.analyse(config, quick,
                raw.where(col(Tables.TIME).isNull()).drop(Tables.TIME)));
        if (critical.isEmpty()) {
            err.println("phasesweep: refinement skipped: the first pass gave no critical-point estimate");
            return Optional.empty();
        }
        err.printf(java.util.Locale.ROOT, "phasesweep: first pass: %s_c ~ %s; refining %d points over %.4g%n",
                fss.control(), critical, refine.points(), refine.width());
        SweepPlan plan = config.plan();
        return Refinement.grid(plan.grid(), fss.control(), critical, refine.points(), refine.width())
                .map(g -> new SweepPlan(plan.model(), plan.sweepSeed(), plan.replicas(), g, plan.fixed()));
    }

    private static void write(Dataset<Row> rows, Path table) {
        rows.write().parquet(uri(table));
    }

    /** One file per table, rows in a fixed order: the same bytes of data for any partitioning. */
    private static Dataset<Row> sortedSingleFile(Dataset<Row> rows, String[] order) {
        Column[] cols = java.util.Arrays.stream(order).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        return rows.repartition(1).sortWithinPartitions(cols);
    }

    private static String uri(Path p) {
        return p.toAbsolutePath().toUri().toString();
    }
}
