package io.phasesweep.run;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.testing.Configs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A model's sweeps through the whole pipeline on local Spark (two cores), for the per-model sweep
 * tests: one session for the test class, configs written into its temporary directory, tables read
 * back, and the check every model owes its users, that the tables do not depend on how the tasks
 * are partitioned.
 */
final class ModelSweeps implements AutoCloseable {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    private final Path dir;
    private final SparkSession spark;

    /** Starts the session with the Spark settings of {@code anyConfig} (and master local[2]). */
    ModelSweeps(Path dir, String anyConfig) {
        this.dir = dir;
        this.spark = SparkSessions.start("phasesweep-test", config(anyConfig).spark());
    }

    SweepConfig config(String text, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("spark.master=\"local[2]\"");
        return ConfigLoader.load(Configs.write(dir, "sweep.conf", text), all, null);
    }

    /** Runs {@code text} (with the given overrides) into the output directory {@code out}. */
    SweepRunner.Result run(String out, String text, String... sets) {
        return run(out, java.util.Optional.empty(), text, sets);
    }

    /** As {@link #run(String, String, String...)}, reusing from and adding to {@code store}. */
    SweepRunner.Result run(String out, java.util.Optional<io.phasesweep.store.TaskStore> store, String text,
                           String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("output.dir=\"" + dir.resolve(out) + "\"");
        SweepConfig config = config(text, all.toArray(String[]::new));
        try (io.phasesweep.io.OutputLock lock = io.phasesweep.io.OutputLock.acquire(config.outputDir(), QUIET)) {
            return SweepRunner.run(spark, config, false, false, lock, store, QUIET);
        }
    }

    com.fasterxml.jackson.databind.JsonNode manifest(String out) {
        return io.phasesweep.io.Manifest.read(dir.resolve(out));
    }

    List<Row> rows(String out, String table) {
        return spark.read().parquet(dir.resolve(out).resolve(table).toString()).collectAsList();
    }

    /** points/ means keyed by "axis value/observable", e.g. "1.0/milling". */
    Map<String, Double> means(String out, String axis) {
        Map<String, Double> means = new HashMap<>();
        for (Row row : rows(out, "points")) {
            means.put(row.getAs(axis) + "/" + row.getAs("observable"), row.getAs("mean"));
        }
        return means;
    }

    /** phases/ names keyed by the value of {@code axis}. */
    <T> Map<T, String> phases(String out, String axis) {
        Map<T, String> phases = new HashMap<>();
        for (Row row : rows(out, "phases")) {
            phases.put(row.getAs(axis), row.getAs("phase"));
        }
        return phases;
    }

    /**
     * Runs {@code text} once per partition count (0: the automatic choice) into {@code name-p},
     * and requires every listed table to be non-empty and identical across them: equal rows (which
     * compare doubles with ==) and the same raw bits of every double. Returns the first run.
     */
    SweepRunner.Result assertSameTablesForAnyPartitioning(String name, String text, List<String> tables,
            int... partitions) {
        List<String> outs = new ArrayList<>();
        SweepRunner.Result first = null;
        for (int p : partitions) {
            String out = name + "-" + (p == 0 ? "auto" : p);
            SweepRunner.Result r = p == 0 ? run(out, text) : run(out, text, "spark.partitions=" + p);
            first = first == null ? r : first;
            outs.add(out);
        }
        for (String out : outs.subList(1, outs.size())) {
            assertSameTables(outs.get(0), out, tables);
        }
        return first;
    }

    /**
     * Requires every listed table of two outputs to be non-empty and identical: equal rows (which
     * compare doubles with ==) and the same raw bits of every double.
     */
    void assertSameTables(String reference, String out, List<String> tables) {
        for (String table : tables) {
            List<Row> expected = rows(reference, table);
            assertFalse(expected.isEmpty(), table);
            List<Row> other = rows(out, table);
            assertEquals(expected, other, table + ": " + reference + " vs " + out);
            for (int i = 0; i < expected.size(); i++) {
                assertSameBits(expected.get(i), other.get(i), table + " " + out);
            }
        }
    }

    private static void assertSameBits(Row a, Row b, String where) {
        for (StructField field : a.schema().fields()) {
            if (field.dataType().equals(DataTypes.DoubleType) && !a.isNullAt(a.fieldIndex(field.name()))) {
                assertEquals(Double.doubleToRawLongBits(a.getAs(field.name())),
                        Double.doubleToRawLongBits(b.<Double>getAs(field.name())),
                        where + ": bits of " + field.name() + " in " + a);
            }
        }
    }

    @Override
    public void close() {
        spark.stop();
    }
}
