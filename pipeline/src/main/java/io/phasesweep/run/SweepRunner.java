package io.phasesweep.run;

import io.phasesweep.config.RefineSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Location;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Provenance;
import io.phasesweep.store.StoreMaintenance;
import io.phasesweep.store.TaskStore;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import io.phasesweep.io.OutputLock;
import io.phasesweep.io.Tables;
import io.phasesweep.run.ChunkedSimulation.Layout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    public record Result(Location dir, long tasks, Map<String, Long> rows, Duration elapsed) {
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

        FssFailedException(Location dir, String why) {
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
        try (OutputLock lock = OutputLock.acquire(output(spark, config), err)) {
            return run(spark, config, overwrite, resume, lock, err);
        }
    }

    /**
     * @param resume finish an interrupted sweep in the same output directory instead of starting one
     * @param lock   the output directory's lock, held by the caller for the whole run
     */
    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, boolean resume,
                             OutputLock lock, PrintStream err) {
        return run(spark, config, overwrite, resume, lock, Optional.empty(), err);
    }

    /**
     * @param store the task store to reuse computed tasks from and add this sweep's to; empty: none
     */
    public static Result run(SparkSession spark, SweepConfig config, boolean overwrite, boolean resume,
                             OutputLock lock, Optional<TaskStore> store, PrintStream err) {
        long start = System.nanoTime();
        // The session is up by now: the JVM's age is the JVM + Spark start-up (for the CLI).
        double startup = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        Location dir = output(spark, config);
        int cores = spark.sparkContext().defaultParallelism();
        SweepStart begun = resume ? SweepStart.resume(config, dir, lock)
                : SweepStart.fresh(config, dir, spark.sparkContext().master(), cores, overwrite, lock);
        Layout layout = begun.layout();
        Manifest manifest = begun.manifest();
        boolean replacing = begun.replacing();
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
                    store, committed, err);
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

    /**
     * One simulation pass: its plan, the chunks it computed, and where the store is used, the chunk
     * of reused rows (null if none), the tasks reused and the store's view of the pass.
     */
    private record PassRun(SweepPlan plan, List<Location> computed, Location reusedChunk, java.util.BitSet reused,
                           StoredTasks stored) {
        List<Location> raw() {
            List<Location> all = new ArrayList<>(computed);
            if (reusedChunk != null) {
                all.add(reusedChunk);
            }
            return all;
        }

        long reusedTasks() {
            return reused == null ? 0 : reused.cardinality();
        }
    }

    /** The simulation passes of a sweep: the plan and, with fss.refine, its refined second pass. */
    private record Passes(List<PassRun> runs, double seconds) {
        List<SweepPlan> plans() {
            return runs.stream().map(PassRun::plan).toList();
        }

        List<Location> raw() {
            return runs.stream().flatMap(r -> r.raw().stream()).toList();
        }

        long tasks() {
            return plans().stream().mapToLong(SweepPlan::taskCount).sum();
        }

        long reusedTasks() {
            return runs.stream().mapToLong(PassRun::reusedTasks).sum();
        }
    }

    private static Result simulateAndPublish(SparkSession spark, SweepConfig config, Layout layout, boolean resume,
                                             Manifest manifest, int cores, long start, double startup,
                                             Optional<TaskStore> store, Runnable committed, PrintStream err) {
        SweepPlan plan = config.plan();
        Location dir = output(spark, config);
        try {
            TaskMeters meters = new TaskMeters(spark.sparkContext().longAccumulator("tasks done"),
                    spark.sparkContext().longAccumulator("kernel ns"), spark.sparkContext().longAccumulator("tasks failed"),
                    spark.sparkContext().longAccumulator("tasks resumed"));
            Passes passes = simulate(spark, config, dir, layout, manifest, meters, store, committed, err);
            long resumedTasks = meters.resumed().value();
            manifest.note("resumed_from_checkpoint", resumedTasks);
            if (resumedTasks > 0) {
                err.printf("phasesweep: tasks resumed from their checkpoints: %d%n", resumedTasks);
            }
            long tasks = passes.tasks();
            Dataset<Row> raw = spark.read().schema(Tables.raw(plan.grid())).parquet(locations(passes.raw()));

            TablePublisher tables = new TablePublisher(spark, dir, Provenance.of(config));
            spark.sparkContext().setJobDescription("write replicas");
            long replicasStart = System.nanoTime();
            Dataset<Row> replicas = tables.publish(Tables.REPLICAS, singleValues(raw), Tables.replicasOrder(plan.grid()));
            spark.sparkContext().setJobDescription("check the replicas table");
            long checkStart = System.nanoTime();
            List<String> problems = IntegrityCheck.problems(replicas, tables.rows().get(Tables.REPLICAS), plan,
                    passes.plans());
            double replicasSeconds = (checkStart - replicasStart) / 1e9;
            double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the replicas table failed its integrity check: "
                        + String.join("; ", problems));
            }
            manifest.taskSources(passes.reusedTasks(), passes.tasks(), store.map(t -> t.dir().toString()).orElse(null));
            addToStore(passes, manifest, err);
            recordTaskKeys(spark, passes, dir);
            long failed = FailureReport.failedTasks(replicas, resume, meters.failed().value());
            FailureReport.report(replicas, failed, tasks, manifest, err);
            if (failed > 0 && failed == tasks) {
                throw new IllegalStateException("every one of the " + tasks
                        + " tasks failed; see the status and message columns of " + dir.resolve(Tables.REPLICAS));
            }
            double pointsSeconds = ResultTables.publish(tables, spark.sparkContext(), plan, raw, replicas);
            Map<String, Long> rows = new LinkedHashMap<>(tables.rows());
            String fssError = null;
            if (config.fss().isPresent()) {
                spark.sparkContext().setJobDescription("finite-size scaling");
                err.println("phasesweep: finite-size-scaling analysis (" + config.fss().get().bootstrap() + " bootstrap samples) ...");
                manifest.fssSettings(config.fss().get());
                try {
                    rows.put(Tables.FSS, FssRunner.run(spark, config, dir));
                } catch (RuntimeException e) {
                    if (Interruption.requested()) {
                        throw e;
                    }
                    // The simulation is done and written: an analysis failure must not lose it.
                    fssError = e.toString();
                }
            }
            dir.resolve(OutputDir.WORK).deleteTree();
            manifest.completed(tasks, rows);
            // startup: JVM + Spark start-up before the sweep; simulate: the simulation passes (wall);
            // kernel: the tasks' summed simulation time; replicas: writing the replicas table (wall);
            // check: its integrity check (wall); points: the points aggregation (wall);
            // sweep: everything after start-up (wall). kernel / cores / sweep is the efficiency.
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("startup_s", startup);
            timings.put("simulate_s", passes.seconds());
            timings.put("kernel_s", meters.kernelNanos().value() / 1e9);
            timings.put("replicas_s", replicasSeconds);
            timings.put("check_s", checkSeconds);
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

    /**
     * Runs the plan's tasks chunk by chunk, then the refinement passes: the fss block's one pass
     * around x_c, or the sweep.refine block's passes across boundaries, each planned from the raw
     * rows of those before it.
     */
    private static Passes simulate(SparkSession spark, SweepConfig config, Location dir, Layout layout,
                                   Manifest manifest, TaskMeters meters, Optional<TaskStore> store, Runnable committed,
                                   PrintStream err) throws IOException {
        long simulateStart = System.nanoTime();
        SweepPlan plan = config.plan();
        Location work = dir.resolve(OutputDir.WORK);
        List<PassRun> runs = new ArrayList<>();
        runs.add(runPass(spark, config, config.name(), plan, 1, layout, meters, work, store, committed, err));
        List<Location> firstRaw = runs.get(0).raw();
        // The schema is known: reading with it skips Spark's schema-inference job.
        Optional<SweepPlan> refined = RefinementPass.plan(config,
                () -> singleValues(spark.read().schema(Tables.raw(plan.grid())).parquet(locations(firstRaw))), err);
        if (refined.isPresent()) {
            manifest.note(RefinementPass.manifestKey(config), RefinementPass.refinedValues(config, refined.get()));
            manifest.write();
            runs.add(runPass(spark, config, config.name() + " refine", refined.get(), 2, passLayout(refined.get(), layout),
                    meters, work, store, committed, err));
        }
        if (config.refine().isPresent()) {
            RefineSettings refine = config.refine().get();
            for (int pass = 2; pass <= refine.passes() + 1; pass++) {
                spark.sparkContext().setJobDescription("plan refinement pass " + pass);
                Passes sofar = new Passes(List.copyOf(runs), 0);
                Optional<SweepPlan> next = BoundaryPass.plan(plan, refine, pass, sofar.plans(),
                        spark.read().schema(Tables.raw(plan.grid())).parquet(locations(sofar.raw())), err);
                if (next.isEmpty()) {
                    break;
                }
                manifest.note("refine_pass_" + pass + "_points", next.get().grid().size());
                manifest.write();
                runs.add(runPass(spark, config, config.name() + " pass " + pass, next.get(), pass,
                        passLayout(next.get(), layout), meters, work, store, committed, err));
            }
        }
        return new Passes(runs, (System.nanoTime() - simulateStart) / 1e9);
    }

    /** A refinement pass's layout: over as many partitions as the first pass had at most. */
    private static Layout passLayout(SweepPlan pass, Layout first) {
        int partitions = Math.max(1, (int) Math.min(pass.taskCount(), first.partitions()));
        return new Layout(partitions, Math.min(partitions, first.chunkPartitions()));
    }

    /** One pass: the store's tasks reused (when there is a store), the rest computed chunk by chunk. */
    private static PassRun runPass(SparkSession spark, SweepConfig config, String label, SweepPlan plan, int pass,
                                   Layout layout, TaskMeters meters, Location work, Optional<TaskStore> store,
                                   Runnable committed, PrintStream err) throws IOException {
        StoredTasks stored = store.map(s -> new StoredTasks(spark, s, plan, pass)).orElse(null);
        Location passDir = ChunkedSimulation.passDir(work, pass);
        java.util.BitSet reused;
        Location reusedChunk;
        if (stored != null) {
            reused = stored.reusable(passDir);
            reusedChunk = stored.writeReused(reused, passDir);
            if (!reused.isEmpty()) {
                err.printf("phasesweep: pass %d: %d of %d tasks reused from the task store %s%n", pass,
                        reused.cardinality(), plan.taskCount(), stored.store().dir());
            }
        } else {
            // A resumed pass keeps the reuse decision it started with, store or not.
            reused = StoredTasks.decided(passDir);
            reusedChunk = reused == null || reused.isEmpty() ? null : StoredTasks.committedReused(passDir);
        }
        List<Location> computed = ChunkedSimulation.run(spark, label, plan, pass, layout, meters, work,
                config.checkpointInterval(), reused, committed, err);
        return new PassRun(plan, computed, reusedChunk, reused, stored);
    }

    /**
     * Writes the keys of every task of the sweep beside its tables ({@code _task_keys/}), so that
     * {@code store gc --keep-referenced} knows what this output needs; only for a sweep with a store.
     */
    private static void recordTaskKeys(SparkSession spark, Passes passes, Location dir) throws IOException {
        List<Row> keys = passes.runs().stream().filter(r -> r.stored() != null)
                .flatMap(r -> r.stored().keys().stream()).distinct().map(k -> RowFactory.create(k)).toList();
        if (keys.isEmpty()) {
            return;
        }
        Location target = dir.resolve(StoreMaintenance.OUTPUT_KEYS);
        target.deleteTree();
        spark.sparkContext().setJobDescription("record the task keys");
        spark.createDataFrame(keys, DataTypes.createStructType(List.of(
                DataTypes.createStructField(Tables.TASK_KEY, DataTypes.StringType, false))))
                .coalesce(1).write().parquet(target.uri());
    }

    /**
     * Adds what the passes computed to the store, once the replicas table has passed its check. The
     * store is a cache: failing to add to it costs a later sweep time, never this one its results.
     */
    private static void addToStore(Passes passes, Manifest manifest, PrintStream err) {
        for (PassRun run : passes.runs()) {
            if (run.stored() == null) {
                continue;
            }
            try {
                run.stored().append(run.computed(), run.reused());
            } catch (RuntimeException e) {
                if (Interruption.requested()) {
                    throw e;
                }
                err.println("phasesweep: warning: the computed tasks were not added to the task store: " + e);
                manifest.note("store_error", e.toString());
            }
        }
    }

    /** The raw rows of the replicas table (scalar and once observables): neither series nor histogram rows. */
    private static Dataset<Row> singleValues(Dataset<Row> raw) {
        return raw.where(col(Tables.TIME).isNull().and(col(Tables.BIN).isNull())).drop(Tables.TIME, Tables.BIN);
    }

    private static void dropReplaced(Location dir) {
        try {
            OutputDir.dropReplaced(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the replaced sweep in " + dir.resolve(OutputDir.REPLACED), e);
        }
    }

    private static void restoreReplaced(Location dir) {
        try {
            OutputDir.restoreReplaced(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the earlier sweep from " + dir.resolve(OutputDir.REPLACED), e);
        }
    }

    private static String[] locations(List<Location> dirs) {
        return dirs.stream().map(Location::uri).toArray(String[]::new);
    }

    /**
     * The output directory of {@code config} on its file system, reached with the session's Hadoop
     * configuration (which holds the {@code spark.hadoop.*} settings).
     */
    public static Location output(SparkSession spark, SweepConfig config) {
        return Location.of(config.output(), spark.sparkContext().hadoopConfiguration());
    }
}
