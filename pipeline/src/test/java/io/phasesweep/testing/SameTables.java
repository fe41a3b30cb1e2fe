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
}
