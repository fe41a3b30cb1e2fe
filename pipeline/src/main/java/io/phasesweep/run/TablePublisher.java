package io.phasesweep.run;

import io.phasesweep.io.FooterStamp;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.ParquetFiles;
import io.phasesweep.io.Provenance;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Writes the tables of one output: each is written under the work area, then moved into the
 * output directory in one step, so a reader never sees half a table; stamps each file's footer with
 * the sweep's {@link Provenance}; records each table's rows.
 */
final class TablePublisher {
    private final SparkSession spark;
    private final Path dir;
    private final Provenance provenance;
    private final Map<String, Long> rows = new LinkedHashMap<>();

    TablePublisher(SparkSession spark, Path dir, Provenance provenance) {
        this.spark = spark;
        this.dir = dir;
        this.provenance = provenance;
    }

    /**
     * Publishes {@code data} as one Parquet file with rows in {@code order} (null: as they are),
     * the same bytes of data for any partitioning; returns the table as written.
     */
    Dataset<Row> publish(String table, Dataset<Row> data, String[] order) throws IOException {
        Path staged = dir.resolve(OutputDir.WORK).resolve("tables").resolve(table);
        OutputDir.deleteTree(staged);
        Dataset<Row> single = order == null ? data.coalesce(1)
                : data.repartition(1).sortWithinPartitions(Arrays.stream(order).map(c -> col("`" + c + "`"))
                        .toArray(Column[]::new));
        single.write().parquet(location(staged));
        FooterStamp.stampAll(staged, provenance.footer(table), spark.sparkContext().hadoopConfiguration());
        Path target = dir.resolve(table);
        OutputDir.deleteTree(target);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        rows.put(table, rowCount(target));
        return spark.read().schema(data.schema()).parquet(location(target));
    }

    /** Rows of each table published so far, in order of publication. */
    Map<String, Long> rows() {
        return rows;
    }

    /**
     * How Spark and Hadoop are given a local path: Hadoop's own unescaped form ({@code file:/a b:c}),
     * which Spark parses back to exactly that path (a percent-encoded URI string would be taken
     * literally, %20 and all). The characters Hadoop reads as a glob are refused when the config is read.
     */
    static String location(Path p) {
        return new org.apache.hadoop.fs.Path(p.toAbsolutePath().toUri()).toString();
    }

    /** Rows of a written table, summed from its Parquet footers: no Spark job for a number we hold. */
    private long rowCount(Path table) throws IOException {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        long n = 0;
        for (Path f : ParquetFiles.in(table)) {
            try (ParquetFileReader reader = ParquetFileReader.open(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), conf))) {
                n += reader.getRecordCount();
            }
        }
        return n;
    }
}
