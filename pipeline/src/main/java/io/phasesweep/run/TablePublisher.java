package io.phasesweep.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasesweep.io.FooterStamp;
import io.phasesweep.io.Location;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Provenance;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Writes the tables of one output: each is written under the work area, then moved into the
 * output directory in one step, so a reader never sees half a table; stamps each file's footer with
 * the sweep's {@link Provenance}; records each table's rows.
 *
 * <p>Where renames are not atomic (object stores) a table cannot appear in one step: its files
 * are moved in one by one, and its {@code _SUCCESS}, written last, lists them (the committed
 * files; Spark's readers skip names starting with {@code _}). The sweep's manifest says
 * {@code complete} only after every table is in: a reader of an output on an object store reads
 * it once its manifest says so, or reads a table's files as its {@code _SUCCESS} lists them.
 */
final class TablePublisher {
    /** The file a table published without an atomic rename ends with: the list of its files. */
    static final String COMMITTED_FILES = "_SUCCESS";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final Location dir;
    private final Provenance provenance;
    private final Map<String, Long> rows = new LinkedHashMap<>();

    TablePublisher(SparkSession spark, Location dir, Provenance provenance) {
        this.spark = spark;
        this.dir = dir;
        this.provenance = provenance;
    }

    /**
     * Publishes {@code data} as one Parquet file with rows in {@code order} (null: as they are),
     * the same bytes of data for any partitioning; returns the table as written.
     */
    Dataset<Row> publish(String table, Dataset<Row> data, String[] order) throws IOException {
        Location staged = dir.resolve(OutputDir.WORK).resolve("tables").resolve(table);
        staged.deleteTree();
        Dataset<Row> single = order == null ? data.coalesce(1)
                : data.repartition(1).sortWithinPartitions(Arrays.stream(order).map(c -> col("`" + c + "`"))
                        .toArray(Column[]::new));
        single.write().parquet(staged.uri());
        FooterStamp.stampAll(staged, provenance.footer(table), spark.sparkContext().hadoopConfiguration());
        Location target = dir.resolve(table);
        target.deleteTree();
        if (target.atomicRename()) {
            staged.moveTo(target);
        } else {
            moveFileByFile(staged, target);
        }
        rows.put(table, rowCount(target));
        return spark.read().schema(data.schema()).parquet(target.uri());
    }

    /** Moves the table's data files in, then writes its {@code _SUCCESS} with their names. */
    private static void moveFileByFile(Location staged, Location target) throws IOException {
        target.mkdirs();
        List<String> files = new ArrayList<>();
        for (Location f : staged.list()) {
            if (!f.name().startsWith("_") && !f.name().startsWith(".")) {
                f.moveTo(target.resolve(f.name()));
                files.add(f.name());
            }
        }
        target.resolve(COMMITTED_FILES).writeAtomically(JSON.writeValueAsBytes(Map.of("files", files)),
                COMMITTED_FILES + ".tmp");
        staged.deleteTree();
    }

    /** Rows of each table published so far, in order of publication. */
    Map<String, Long> rows() {
        return rows;
    }

    /** Rows of a written table, summed from its Parquet footers: no Spark job for a number we hold. */
    private long rowCount(Location table) throws IOException {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        long n = 0;
        for (Location f : table.list()) {
            if (f.name().endsWith(".parquet")) {
                try (ParquetFileReader reader = ParquetFileReader.open(
                        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.uri()), conf))) {
                    n += reader.getRecordCount();
                }
            }
        }
        return n;
    }
}
