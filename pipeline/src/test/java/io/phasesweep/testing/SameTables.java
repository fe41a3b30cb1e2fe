package io.phasesweep.testing;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Asserts that two sweeps' outputs hold the same rows in their replicas and points tables (Row
 * equality compares doubles with ==), read by a one-thread Spark session of its own.
 */
public final class SameTables {
    private SameTables() {
    }

    /**
     * @param reference the undisturbed run's output
     * @param actual    the output under test
     * @param what      what happened to {@code actual}, for the failure message
     * @return the number of rows in {@code actual}'s replicas table
     */
    public static long assertSame(Path reference, Path actual, String what) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("compare").getOrCreate();
        try {
            for (String table : List.of("replicas", "points")) {
                List<Row> a = spark.read().parquet(actual.resolve(table).toString()).collectAsList();
                List<Row> b = spark.read().parquet(reference.resolve(table).toString()).collectAsList();
                assertEquals(b, a, table + ": " + what);
            }
            return spark.read().parquet(actual.resolve("replicas").toString()).count();
        } finally {
            spark.stop();
        }
    }

    /**
     * As {@link #assertSame(Path, Path, String)}, for outputs given as Spark locations (a local path
     * or {@code hdfs://...}), and also comparing the raw bits of every double.
     */
    public static long assertSameBits(String reference, String actual, String what) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("compare").getOrCreate();
        try {
            for (String table : List.of("replicas", "points")) {
                List<Row> a = spark.read().parquet(actual + "/" + table).collectAsList();
                List<Row> b = spark.read().parquet(reference + "/" + table).collectAsList();
                assertEquals(b, a, table + ": " + what);
                for (int i = 0; i < b.size(); i++) {
                    for (org.apache.spark.sql.types.StructField f : b.get(i).schema().fields()) {
                        int k = b.get(i).fieldIndex(f.name());
                        if (f.dataType().equals(org.apache.spark.sql.types.DataTypes.DoubleType) && !b.get(i).isNullAt(k)) {
                            assertEquals(Double.doubleToRawLongBits(b.get(i).getDouble(k)),
                                    Double.doubleToRawLongBits(a.get(i).getDouble(k)),
                                    table + ": bits of " + f.name() + " in " + b.get(i) + ": " + what);
                        }
                    }
                }
            }
            return spark.read().parquet(actual + "/replicas").count();
        } finally {
            spark.stop();
        }
    }
}
