package io.phasesweep.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.aggregate.ExponentsStage;
import io.phasesweep.aggregate.PhasesStage;
import io.phasesweep.aggregate.PointsStage;
import io.phasesweep.aggregate.SeriesStage;
import io.phasesweep.config.ConfigError;
import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Refinement;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.apache.spark.sql.functions.col;

/**
 * Runs a validated sweep on a Spark session: simulate every task, write the replicas table,
 * aggregate points (and time series), run the FSS analysis, and keep the manifest current.
 *
 * <p>Crash safety: a pass's tasks run as a series of chunk jobs, each over a fixed range of
 * partitions, and each chunk commits atomically to {@code _work/raw-passN/chunk-XXXXX}: an attempt
 * is written to a directory of its own under {@code _attempts/} (Spark writes {@code _SUCCESS} only
 * when the whole chunk is in) and renamed into place. {@code --resume} reruns only chunks not in
 * place; the partitioning is taken from the manifest, so every task lands in the same chunk.
 * Simulation output is written once and read back, so no task ever runs twice, and final tables
 * are written under {@code _work} and moved into place, so a reader never sees half a table.
 */
public final class SweepRunner {
    private static final int CONCURRENT_CHUNKS = 2;
    /** Where chunk attempts are written before they are renamed into place, under each pass's directory. */
    static final String ATTEMPTS = "_attempts";

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

    /** How the tasks are split: fixed for a sweep, recorded in the manifest, reused on resume. */
    record Layout(int partitions, int chunkPartitions) {
        int chunks() {
            return (partitions + chunkPartitions - 1) / chunkPartitions;
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

    /**
     * @param resume finish an interrupted sweep in the same output directory instead of starting one
     */
    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, boolean resume, PrintStream err) {
        long start = System.nanoTime();
        // The session is up by now: the JVM's age is the JVM + Spark start-up (for the CLI).
        double startup = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        SweepPlan plan = config.plan();
        Path dir = config.outputDir();
        int cores = spark.sparkContext().defaultParallelism();
        Layout layout;
        if (resume) {
            layout = resumable(config);
        } else {
            OutputDir.prepare(dir, overwrite);
            int partitions = config.spark().partitions() > 0 ? config.spark().partitions()
                    : autoPartitions(plan.taskCount(), cores);
            layout = new Layout(partitions, Math.max(1, Math.min(partitions, 2 * cores)));
        }
        if (!config.spark().conf().containsKey("spark.sql.shuffle.partitions")) {
            spark.conf().set("spark.sql.shuffle.partitions", Math.max(1, Math.min(layout.partitions(), 2 * cores)));
        }
        Manifest manifest = new Manifest(config, dir, spark.sparkContext().master(), layout.partitions())
                .note("chunk_partitions", layout.chunkPartitions());
        if (resume) {
            manifest.note("resumed", java.time.Instant.now().toString());
        }
        manifest.write();
        Path work = dir.resolve(OutputDir.WORK);
        try {
            TaskMeters meters = new TaskMeters(spark.sparkContext().longAccumulator("tasks done"),
                    spark.sparkContext().longAccumulator("kernel ns"), spark.sparkContext().longAccumulator("tasks failed"));
            long simulateStart = System.nanoTime();
            List<String> rawPasses = new ArrayList<>(simulate(spark, config.name(), plan, 1, layout, meters, work, err));
            // The schemas are known: reading with them skips Spark's schema-inference job.
            StructType rawSchema = Tables.raw(plan.grid());
            Optional<SweepPlan> refined = refinedPlan(config,
                    () -> spark.read().schema(rawSchema).parquet(rawPasses.toArray(String[]::new)), err);
            long tasks = plan.taskCount();
            if (refined.isPresent()) {
                manifest.note("refined_" + config.fss().orElseThrow().control(), refined.get().grid().axes()
                        .get(plan.grid().names().indexOf(config.fss().orElseThrow().control())).values().toString());
                manifest.write();
                int partitions = Math.max(1, (int) Math.min(refined.get().taskCount(), layout.partitions()));
                Layout second = new Layout(partitions, Math.min(partitions, layout.chunkPartitions()));
                rawPasses.addAll(simulate(spark, config.name() + " refine", refined.get(), 2, second, meters, work, err));
                tasks += refined.get().taskCount();
            }
            double simulateSeconds = (System.nanoTime() - simulateStart) / 1e9;
            Dataset<Row> raw = spark.read().schema(rawSchema).parquet(rawPasses.toArray(String[]::new));
            Dataset<Row> okRaw = raw.where(col(Tables.STATUS).equalTo(Tables.OK));

            spark.sparkContext().setJobDescription("write replicas");
            Dataset<Row> scalars = raw.where(col(Tables.TIME).isNull()).drop(Tables.TIME);
            Map<String, Long> rows = new LinkedHashMap<>();
            Dataset<Row> replicas = publish(spark, sortedSingleFile(scalars, Tables.replicasOrder(plan.grid())), work, dir,
                    Tables.REPLICAS, rows);
            // This run's tasks reported their failures; only chunks from an interrupted run need a count.
            long failed = !resume && meters.failed().value() == 0 ? 0
                    : replicas.where(col(Tables.STATUS).notEqual(Tables.OK)).select(Tables.SEED, Tables.PASS).distinct().count();
            if (failed > 0) {
                reportFailures(replicas, failed, tasks, manifest, err);
                if (failed == tasks) {
                    throw new IllegalStateException("every one of the " + tasks
                            + " tasks failed; see the status and message columns of " + dir.resolve(Tables.REPLICAS));
                }
            }
            Dataset<Row> seriesQuantities = null;
            if (plan.hasSeries()) {
                spark.sparkContext().setJobDescription("write time series");
                Dataset<Row> series = okRaw.where(col(Tables.TIME).isNotNull()).select(
                        Tables.replicaSeriesColumns(plan.grid()).stream().map(c -> col("`" + c + "`")).toArray(Column[]::new));
                Dataset<Row> replicaSeries = publish(spark, sortedSingleFile(series, Tables.replicaSeriesOrder(plan.grid())),
                        work, dir, Tables.REPLICA_SERIES, rows);
                Dataset<Row> timeseries = publish(spark, sortedSingleFile(SeriesStage.timeseries(replicaSeries, plan),
                        Tables.timeseriesOrder(plan.grid())), work, dir, Tables.TIMESERIES, rows);
                if (!plan.modelType().seriesQuantities().isEmpty()) {
                    seriesQuantities = SeriesStage.seriesQuantities(timeseries, plan);
                }
            }
            spark.sparkContext().setJobDescription("aggregate points");
            long pointsStart = System.nanoTime();
            Dataset<Row> okReplicas = replicas.where(col(Tables.STATUS).equalTo(Tables.OK));
            Dataset<Row> points = PointsStage.points(okReplicas, plan);
            if (seriesQuantities != null) {
                points = points.union(seriesQuantities);
            }
            Dataset<Row> published = publish(spark, sortedSingleFile(points, Tables.pointsOrder(plan.grid())), work, dir,
                    Tables.POINTS, rows);
            double pointsSeconds = (System.nanoTime() - pointsStart) / 1e9;
            java.util.Optional<io.phasesweep.grid.Axis> sizeAxis = ExponentsStage.sizeAxis(plan);
            if (sizeAxis.isPresent()) {
                spark.sparkContext().setJobDescription("fit size exponents");
                publish(spark, sortedSingleFile(ExponentsStage.exponents(published, plan),
                        Tables.exponentsOrder(plan.grid(), sizeAxis.get())), work, dir, Tables.EXPONENTS, rows);
            }
            if (plan.modelType().phaseClassifier().isPresent()) {
                spark.sparkContext().setJobDescription("classify phases");
                publish(spark, sortedSingleFile(PhasesStage.phases(published, plan), Tables.phasesOrder(plan.grid())),
                        work, dir, Tables.PHASES, rows);
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
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw new UncheckedIOException(e);
        } catch (FssFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw e;
        }
    }

    /** Checks that {@code config} may resume the sweep in its output directory; returns its layout. */
    private static Layout resumable(SweepConfig config) {
        Path dir = config.outputDir();
        Path file = dir.resolve(OutputDir.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ConfigError(dir + ": nothing to resume (no " + OutputDir.MANIFEST + "); run without --resume");
        }
        JsonNode m = Manifest.read(dir);
        if (!config.hash().equals(m.path("config_hash").asText())) {
            throw new ConfigError(dir + ": --resume refused: the sweep there was started from a different config (hash "
                    + m.path("config_hash").asText() + ", this config " + config.hash()
                    + "); use the same config, or another --out");
        }
        if ("complete".equals(m.path("status").asText())) {
            throw new ConfigError(dir + ": the sweep there is already complete; nothing to resume");
        }
        return new Layout(m.path("spark").path("partitions").asInt(), m.path("chunk_partitions").asInt());
    }

    /**
     * Runs one pass's tasks chunk by chunk (two chunk jobs in flight, so cores do not idle while a
     * chunk finishes its last tasks); chunks committed by an earlier, interrupted run are kept.
     * Returns the chunk directories.
     */
    private static List<String> simulate(SparkSession spark, String label, SweepPlan plan, int pass, Layout layout,
                                         TaskMeters meters, Path work, PrintStream err)
            throws IOException {
        Path passDir = work.resolve("raw-pass" + pass);
        Path attempts = passDir.resolve(ATTEMPTS);
        Files.createDirectories(attempts);
        List<Integer> missing = new ArrayList<>();
        List<String> chunks = new ArrayList<>();
        for (int k = 0; k < layout.chunks(); k++) {
            Path chunk = chunkDir(passDir, k);
            chunks.add(uri(chunk));
            if (!Files.exists(chunk.resolve("_SUCCESS"))) {
                OutputDir.deleteTree(chunk);
                missing.add(k);
            }
        }
        long remaining = 0;
        for (int k : missing) {
            remaining += tasksIn(plan.taskCount(), layout, k);
        }
        if (missing.size() < layout.chunks()) {
            err.printf("phasesweep: pass %d: %d of %d chunks already done, %d tasks to go%n",
                    pass, layout.chunks() - missing.size(), layout.chunks(), remaining);
        }
        if (missing.isEmpty()) {
            return chunks;
        }
        long before = meters.done().value();
        String tag = "phasesweep-pass" + pass + "-" + java.util.UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CHUNKS, r -> {
            Thread t = new Thread(r, "phasesweep-chunk");
            t.setDaemon(true);
            return t;
        });
        try (Progress ignored = new Progress(label, remaining, meters.done(), before, err)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k : missing) {
                jobs.add(pool.submit(() -> {
                    int from = k * layout.chunkPartitions();
                    int to = Math.min(layout.partitions(), from + layout.chunkPartitions());
                    spark.sparkContext().addJobTag(tag);
                    spark.sparkContext().setJobDescription("simulate pass " + pass + " chunk " + k);
                    // Partition ids as an RDD, not spark.range: range's generated code embeds its bounds,
                    // so every chunk would compile new code on the driver while the cores simulate.
                    List<Long> ids = java.util.stream.LongStream.range(from, to).boxed().toList();
                    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                            .parallelize(ids, ids.size())
                            .flatMap(new ReplicaTasks(plan, pass, layout.partitions(), meters));
                    // Each attempt writes a directory of its own and is renamed into place once
                    // whole: a cancelled attempt's task that is still writing can never collide
                    // with a later attempt at the same chunk (as it did when both used one path).
                    Path attempt = attempts.resolve(chunkDir(passDir, k).getFileName() + "." + java.util.UUID.randomUUID());
                    spark.createDataFrame(rows, Tables.raw(plan.grid())).write().parquet(uri(attempt));
                    Files.move(attempt, chunkDir(passDir, k), StandardCopyOption.ATOMIC_MOVE);
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            stopChunks(spark, pool, tag);
        }
        return chunks;
    }

    /**
     * Returns once no chunk job runs any more. After a failure the other chunk jobs are cancelled:
     * a job left running would still be writing its chunk when the caller resumes the sweep.
     */
    private static void stopChunks(SparkSession spark, ExecutorService pool, String tag) {
        pool.shutdownNow();
        try {
            while (!pool.awaitTermination(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                spark.sparkContext().cancelJobsWithTag(tag);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path chunkDir(Path passDir, int k) {
        return passDir.resolve(String.format("chunk-%05d", k));
    }

    /** Tasks of chunk k: partition p holds tasks p, p + P, p + 2P, ... */
    private static long tasksIn(long tasks, Layout layout, int k) {
        long n = 0;
        int from = k * layout.chunkPartitions();
        int to = Math.min(layout.partitions(), from + layout.chunkPartitions());
        for (int p = from; p < to; p++) {
            n += p < tasks ? (tasks - p + layout.partitions() - 1) / layout.partitions() : 0;
        }
        return n;
    }

    /**
     * Writes a table under the work area, then moves it into the output directory in one step, and
     * records its row count in {@code counts}.
     */
    private static Dataset<Row> publish(SparkSession spark, Dataset<Row> rows, Path work, Path dir, String table,
                                        Map<String, Long> counts) throws IOException {
        Path staged = work.resolve("tables").resolve(table);
        OutputDir.deleteTree(staged);
        rows.write().parquet(uri(staged));
        Path target = dir.resolve(table);
        OutputDir.deleteTree(target);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        counts.put(table, rowCount(spark, target));
        return spark.read().schema(rows.schema()).parquet(uri(target));
    }

    /** Rows of a written table, summed from its Parquet footers: no Spark job for a number we hold. */
    private static long rowCount(SparkSession spark, Path table) throws IOException {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        long rows = 0;
        try (java.util.stream.Stream<Path> files = Files.list(table)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(
                        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), conf))) {
                    rows += reader.getRecordCount();
                }
            }
        }
        return rows;
    }

    /** Counts failed tasks by status in the manifest and prints a short summary with sample messages. */
    private static void reportFailures(Dataset<Row> replicas, long failed, long total, Manifest manifest, PrintStream err) {
        List<Row> byStatus = replicas.where(col(Tables.STATUS).notEqual(Tables.OK))
                .select(Tables.SEED, Tables.PASS, Tables.STATUS, Tables.MESSAGE).distinct()
                .groupBy(Tables.STATUS, Tables.MESSAGE).count().orderBy(col("count").desc()).collectAsList();
        manifest.failures(failed, byStatus.stream().map(r -> r.getString(0) + ": " + r.getString(1)
                + " (" + r.getLong(2) + " tasks)").limit(10).toList());
        err.printf(java.util.Locale.ROOT, "phasesweep: %d of %d tasks failed and are left out of points:%n", failed, total);
        byStatus.stream().limit(5).forEach(r -> err.printf("  %d x %s: %s%n", r.getLong(2), r.getString(0), r.getString(1)));
        err.println("  (rows with status != 'ok' in replicas/ hold the details)");
    }

    /**
     * The second pass of an fss block with {@code refine}: the first pass's critical points from
     * a quick analysis (few bootstrap samples: only the estimates matter here), then the refined grid.
     */
    /** @param raw the first pass's raw rows, read only when a refinement is configured */
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
                raw.get().where(col(Tables.TIME).isNull()).drop(Tables.TIME)));
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

    /** One file per table, rows in a fixed order: the same bytes of data for any partitioning. */
    private static Dataset<Row> sortedSingleFile(Dataset<Row> rows, String[] order) {
        Column[] cols = java.util.Arrays.stream(order).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        return rows.repartition(1).sortWithinPartitions(cols);
    }

    private static String uri(Path p) {
        return p.toAbsolutePath().toUri().toString();
    }
}
