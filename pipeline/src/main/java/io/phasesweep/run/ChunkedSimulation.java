package io.phasesweep.run;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Commits;
import io.phasesweep.io.HadoopSettings;
import io.phasesweep.io.Location;
import io.phasesweep.io.Tables;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Runs one pass's tasks as a series of chunk jobs, each over a fixed range of partitions, that
 * commit one by one: the unit of crash safety. An attempt at chunk K is written to a directory of
 * its own, {@code _work/raw-passN/_attempts/chunk-K.<uuid>} (Spark writes {@code _SUCCESS} only
 * when the whole chunk is in), then renamed to {@code chunk-K}: a cancelled attempt's task that is
 * still writing can never collide with a later attempt. (Where renames are not atomic, an object
 * store, the attempt stays where it is and a record {@code chunk-K.committed} names it: see
 * {@link Commits}.) Chunks already in place (from an
 * interrupted run) are kept, so a resume reruns only the rest; the layout comes from the manifest,
 * so every task lands in the same chunk.
 *
 * <p>Tasks in the pass's {@code reused} set are skipped: their rows come from the task store
 * ({@link StoredTasks}).
 *
 * <p>With checkpoints on, the tasks of chunk K save their state under
 * {@code _work/checkpoints/passN/chunk-K} ({@link CheckpointFiles}), and a rerun of a task resumes
 * from its file; the directory goes once the chunk has committed.
 */
final class ChunkedSimulation {
    /** Two chunk jobs in flight, so cores do not idle while a chunk finishes its last tasks. */
    private static final int CONCURRENT_CHUNKS = 2;
    /** Where chunk attempts are written before they are renamed into place, under each pass's directory. */
    static final String ATTEMPTS = "_attempts";
    /** Where tasks keep their checkpoints, under {@code _work}. */
    static final String CHECKPOINTS = "checkpoints";

    /** How the tasks are split: fixed for a sweep, recorded in the manifest, reused on resume. */
    record Layout(int partitions, int chunkPartitions) {
        int chunks() {
            return (partitions + chunkPartitions - 1) / chunkPartitions;
        }

        /** Tasks of chunk k: partition p holds tasks p, p + P, p + 2P, ... */
        long tasksIn(long tasks, int k) {
            long n = 0;
            int from = k * chunkPartitions;
            int to = Math.min(partitions, from + chunkPartitions);
            for (int p = from; p < to; p++) {
                n += p < tasks ? (tasks - p + partitions - 1) / partitions : 0;
            }
            return n;
        }

        /** Tasks of chunk k left to compute when the tasks in {@code reused} come from the store. */
        long tasksIn(long tasks, int k, java.util.BitSet reused) {
            if (reused == null || reused.isEmpty()) {
                return tasksIn(tasks, k);
            }
            long n = 0;
            int from = k * chunkPartitions;
            int to = Math.min(partitions, from + chunkPartitions);
            for (int p = from; p < to; p++) {
                for (long t = p; t < tasks; t += partitions) {
                    n += reused.get((int) t) ? 0 : 1;
                }
            }
            return n;
        }
    }

    private ChunkedSimulation() {
    }

    /**
     * Runs the chunks of one pass that are not in place yet; returns every chunk's committed
     * directory. {@code onCommit} runs after each chunk is in place (on a chunk job's thread).
     */
    static List<Location> run(SparkSession spark, String label, SweepPlan plan, int pass, Layout layout,
                              TaskMeters meters, Location work, Duration checkpointInterval, java.util.BitSet reused,
                              Runnable onCommit, PrintStream err) throws IOException {
        Location passDir = passDir(work, pass);
        Location attempts = passDir.resolve(ATTEMPTS);
        attempts.mkdirs();
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < layout.chunks(); k++) {
            Location chunk = chunkDir(passDir, k);
            if (Commits.committed(chunk).isEmpty()) {
                chunk.deleteTree(); // half a chunk written in place by an older version
                missing.add(k);
            }
        }
        long remaining = 0;
        for (int k : missing) {
            remaining += layout.tasksIn(plan.taskCount(), k, reused);
        }
        if (missing.size() < layout.chunks()) {
            err.printf("phasesweep: pass %d: %d of %d chunks already done, %d tasks to go%n",
                    pass, layout.chunks() - missing.size(), layout.chunks(), remaining);
        }
        if (missing.isEmpty()) {
            return committed(passDir, layout);
        }
        long before = meters.done().value();
        HadoopSettings hadoop = HadoopSettings.of(spark.sparkContext().getConf());
        String tag = "phasesweep-pass" + pass + "-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CHUNKS, r -> {
            Thread t = new Thread(r, "phasesweep-chunk");
            t.setDaemon(true);
            return t;
        });
        try (Progress ignored = new Progress(label, remaining, meters.done(), before, err)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k : missing) {
                jobs.add(pool.submit(() -> {
                    if (Interruption.requested()) {
                        throw new IllegalStateException("interrupted before chunk " + k + " started");
                    }
                    Location checkpoints = chunkDir(work.resolve(CHECKPOINTS).resolve("pass" + pass), k);
                    CheckpointFiles files = checkpointInterval.isZero() ? null
                            : CheckpointFiles.at(checkpoints, checkpointInterval.toNanos(), meters.resumed(), hadoop);
                    runChunk(spark, plan, pass, layout, meters, files, reused, tag, k, attempts, chunkDir(passDir, k));
                    // Committed: its tasks will never run again, in this run or a resumed one.
                    checkpoints.deleteTree();
                    onCommit.run();
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
        return committed(passDir, layout);
    }

    /** Where each chunk of the pass is committed, in chunk order. */
    private static List<Location> committed(Location passDir, Layout layout) {
        List<Location> chunks = new ArrayList<>();
        for (int k = 0; k < layout.chunks(); k++) {
            Location chunk = chunkDir(passDir, k);
            chunks.add(Commits.committed(chunk).orElseThrow(() -> new IllegalStateException(chunk + " is not committed")));
        }
        return chunks;
    }

    private static void runChunk(SparkSession spark, SweepPlan plan, int pass, Layout layout, TaskMeters meters,
                                 CheckpointFiles checkpoints, java.util.BitSet reused, String tag, int k, Location attempts,
                                 Location chunk) throws IOException {
        int from = k * layout.chunkPartitions();
        int to = Math.min(layout.partitions(), from + layout.chunkPartitions());
        spark.sparkContext().addJobTag(tag);
        spark.sparkContext().setJobDescription("simulate pass " + pass + " chunk " + k);
        // Partition ids as an RDD, not spark.range: range's generated code embeds its bounds,
        // so every chunk would compile new code on the driver while the cores simulate.
        List<Long> ids = LongStream.range(from, to).boxed().toList();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(ids, ids.size())
                .flatMap(new ReplicaTasks(plan, pass, layout.partitions(), meters, checkpoints, reused));
        Location attempt = attempts.resolve(chunk.name() + "." + UUID.randomUUID());
        spark.createDataFrame(rows, Tables.raw(plan.grid())).write().parquet(attempt.uri());
        Commits.commit(attempt, chunk);
    }

    /**
     * Returns once no chunk job runs any more. After a failure the other chunk jobs are cancelled:
     * a job left running would keep the cores busy with work the failed sweep will not use.
     */
    private static void stopChunks(SparkSession spark, ExecutorService pool, String tag) {
        pool.shutdownNow();
        try {
            while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                spark.sparkContext().cancelJobsWithTag(tag);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where pass {@code pass} keeps its chunks under the work area. */
    static Location passDir(Location work, int pass) {
        return work.resolve("raw-pass" + pass);
    }

    private static Location chunkDir(Location passDir, int k) {
        return passDir.resolve(String.format("chunk-%05d", k));
    }
}
