package io.phasesweep.run;

import io.phasesweep.io.Manifest;
import io.phasesweep.io.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;

/** Failed tasks: counted by status and message into the manifest, summarised with sample messages on stderr. */
final class FailureReport {
    private FailureReport() {
    }

    /**
     * Tasks with a failure row in {@code replicas}. A run whose own tasks reported none needs no
     * count; only chunks of an interrupted run (resume) or reported failures are counted.
     */
    static long failedTasks(Dataset<Row> replicas, boolean resume, long reportedFailures) {
        if (!resume && reportedFailures == 0) {
            return 0;
        }
        return failures(replicas).select(Tables.SEED, Tables.PASS).distinct().count();
    }

    /** Records {@code failed} of {@code total} tasks in the manifest and, when there are any, prints a summary. */
    static void report(Dataset<Row> replicas, long failed, long total, Manifest manifest, PrintStream err) {
        if (failed == 0) {
            manifest.failures(0, List.of());
            return;
        }
        List<Row> byStatus = failures(replicas)
                .select(Tables.SEED, Tables.PASS, Tables.STATUS, Tables.MESSAGE).distinct()
                .groupBy(Tables.STATUS, Tables.MESSAGE).count().orderBy(col("count").desc()).collectAsList();
        manifest.failures(failed, byStatus.stream().map(r -> Tables.status(r) + ": " + Tables.message(r)
                + " (" + Tables.count(r, "count") + " tasks)").limit(10).toList());
        err.printf(Locale.ROOT, "phasesweep: %d of %d tasks failed and are left out of points:%n", failed, total);
        byStatus.stream().limit(5).forEach(r -> err.printf("  %d x %s: %s%n", Tables.count(r, "count"),
                Tables.status(r), Tables.message(r)));
        err.println("  (rows with status != 'ok' in replicas/ hold the details)");
    }

    private static Dataset<Row> failures(Dataset<Row> replicas) {
        return replicas.where(col(Tables.STATUS).notEqual(Tables.OK));
    }
}
