package io.phasesweep.run;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.testing.Configs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code contact_process} model through the pipeline (issue 20): a 1D ring below, at and above
 * lambda_c = 3.2978 named absorbing, critical and active in phases/ from the density's late-time
 * decay slope, and the same bits on one partition as on five.
 */
class ContactProcessSweepTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    static final String THREE_PHASES = """
            sweep {
              model = contact_process, seed = 1974, replicas = 3
              grid { lambda = [2.8, 3.2978, 4.0] }
              params { dim = 1, L = 2048, t_max = 200, transient = 100, output_interval = 10, series_points = 25 }
            }
            """;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("phasesweep-test", config(THREE_PHASES).spark());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static SweepConfig config(String text, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("spark.master=\"local[2]\"");
        return ConfigLoader.load(Configs.write(dir, "contact.conf", text), all, null);
    }

    static SweepRunner.Result run(String out, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("output.dir=\"" + dir.resolve(out) + "\"");
        return SweepRunner.run(spark, config(THREE_PHASES, all.toArray(String[]::new)), false, QUIET);
    }

    static List<Row> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList();
    }

    @Test
    void belowAtAndAboveLambdaCAreNamedAndTheTablesDoNotDependOnPartitioning() {
        SweepRunner.Result one = run("contact-1", "spark.partitions=1");
        run("contact-5", "spark.partitions=5");
        assertEquals(9, one.tasks());
        for (String table : List.of("replicas", "points", "phases")) {
            List<Row> a = rows(dir.resolve("contact-1").resolve(table));
            assertFalse(a.isEmpty(), table);
            assertEquals(a, rows(dir.resolve("contact-5").resolve(table)), table + ": 1 vs 5 partitions");
        }
        // Row equality compares doubles with ==; require the exact bits of every value too.
        List<Row> a = rows(dir.resolve("contact-1/replicas"));
        List<Row> b = rows(dir.resolve("contact-5/replicas"));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.get(i).getAs("value")),
                    Double.doubleToRawLongBits(b.get(i).<Double>getAs("value")), "bits of " + a.get(i));
        }

        Map<String, Double> points = new HashMap<>();
        for (Row row : rows(dir.resolve("contact-1/points"))) {
            points.put(row.<Double>getAs("lambda") + "/" + row.getAs("observable"), row.getAs("mean"));
        }
        Map<Double, String> phase = new HashMap<>();
        for (Row row : rows(dir.resolve("contact-1/phases"))) {
            phase.put(row.getAs("lambda"), row.getAs("phase"));
        }
        String all = phase + " " + points;
        assertEquals(Map.of(2.8, "absorbing", 3.2978, "critical", 4.0, "active"), phase, all);
        // Above lambda_c the ring stays active: its density is the stationary one, alive throughout.
        assertTrue(points.get("4.0/density") > 0.4, all);
        assertEquals(points.get("4.0/density"), points.get("4.0/density_surviving"), 1e-12, all);
        // Below, the quasi-stationary density is that of the surviving replicas only.
        assertTrue(points.get("2.8/density_surviving") >= points.get("2.8/density"), all);
        assertEquals(-0.1595, points.get("3.2978/density_slope"), 0.06, all);
    }
}
