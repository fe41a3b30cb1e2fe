package io.phasesweep.run;

import io.phasesweep.aggregate.PointsStage;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;
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

/**
 * Runs a validated sweep on a Spark session: simulate every (grid point, replica) task, write the
 * replicas table, aggregate the points table, and keep the manifest current. The simulation
 * output is written once to a work area and read back, so no task ever runs twice (sorting or
 * aggregating a lazily simulated dataset would recompute it).
 */
public final class SweepRunner {

    /** What a finished sweep wrote. */
    public record Result(Path dir, long tasks, long replicaRows, long pointRows, Duration elapsed) {
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
            LongAccumulator done = spark.sparkContext().longAccumulator("replica tasks done");
            Dataset<Row> simulated = spark.range(0, partitions, 1, partitions)
                    .flatMap(new ReplicaTasks(plan, partitions, done), Encoders.row(Tables.replicas(plan.grid())));
            spark.sparkContext().setJobDescription("simulate " + plan.taskCount() + " replica tasks");
            try (Progress progress = new Progress(config.name(), plan.taskCount(), done, err)) {
                simulated.write().parquet(uri(work.resolve("replicas")));
            }

            spark.sparkContext().setJobDescription("write replicas");
            Dataset<Row> raw = spark.read().parquet(uri(work.resolve("replicas")));
            sortedSingleFile(raw, Tables.replicasOrder(plan.grid())).write().parquet(uri(dir.resolve(Tables.REPLICAS)));
            Dataset<Row> replicas = spark.read().parquet(uri(dir.resolve(Tables.REPLICAS)));

            spark.sparkContext().setJobDescription("aggregate points");
            sortedSingleFile(PointsStage.points(replicas, plan), Tables.pointsOrder(plan.grid()))
                    .write().parquet(uri(dir.resolve(Tables.POINTS)));

            long replicaRows = replicas.count();
            long pointRows = spark.read().parquet(uri(dir.resolve(Tables.POINTS))).count();
            OutputDir.deleteTree(work);
            manifest.completed(done.value(), replicaRows, pointRows).write();
            return new Result(dir, done.value(), replicaRows, pointRows, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            manifest.failed(String.valueOf(e.getMessage())).write();
            throw e;
        }
    }

    /** One file per table, rows in a fixed order: the same bytes of data for any partitioning. */
    private static Dataset<Row> sortedSingleFile(Dataset<Row> rows, String[] order) {
        org.apache.spark.sql.Column[] cols = java.util.Arrays.stream(order)
                .map(c -> org.apache.spark.sql.functions.col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new);
        return rows.repartition(1).sortWithinPartitions(cols);
    }

    private static String uri(Path p) {
        return p.toAbsolutePath().toUri().toString();
    }
}
