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
 * The {@code couzin} model through the pipeline (issue 19): the paper's four states at four points
 * of the dr_o axis, named in phases/, and the same bits on one partition as on five.
 */
class CouzinSweepTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    /** dr_a = 15 throughout; dr_o = 0, 1, 3, 10: swarm, torus, dynamic and highly parallel. */
    static final String FOUR_STATES = """
            sweep {
              model = couzin, seed = 2002, replicas = 2
              grid { dr_o = [0, 1, 3, 10], dr_a = [15] }
              params { transient = 200, t_max = 320 }
            }
            """;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("phasesweep-test", config(FOUR_STATES).spark());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static SweepConfig config(String text, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("spark.master=\"local[2]\"");
        return ConfigLoader.load(Configs.write(dir, "couzin.conf", text), all, null);
    }

    static SweepRunner.Result run(String out, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("output.dir=\"" + dir.resolve(out) + "\"");
        return SweepRunner.run(spark, config(FOUR_STATES, all.toArray(String[]::new)), false, QUIET);
    }

    static List<Row> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList();
    }

    @Test
    void theFourStatesOfThePaperAreNamedAndTheTablesDoNotDependOnPartitioning() {
        SweepRunner.Result one = run("couzin-1", "spark.partitions=1");
        run("couzin-5", "spark.partitions=5");
        assertEquals(8, one.tasks());
        for (String table : List.of("replicas", "points", "phases")) {
            List<Row> a = rows(dir.resolve("couzin-1").resolve(table));
            assertFalse(a.isEmpty(), table);
            assertEquals(a, rows(dir.resolve("couzin-5").resolve(table)), table + ": 1 vs 5 partitions");
        }
        // Row equality compares doubles with ==; require the exact bits of every value too.
        List<Row> a = rows(dir.resolve("couzin-1/replicas"));
        List<Row> b = rows(dir.resolve("couzin-5/replicas"));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.get(i).getAs("value")),
                    Double.doubleToRawLongBits(b.get(i).<Double>getAs("value")), "bits of " + a.get(i));
        }

        Map<String, Double> points = new HashMap<>();
        for (Row row : rows(dir.resolve("couzin-1/points"))) {
            points.put(row.<Double>getAs("dr_o") + "/" + row.getAs("observable"), row.getAs("mean"));
        }
        Map<Double, String> phase = new HashMap<>();
        for (Row row : rows(dir.resolve("couzin-1/phases"))) {
            phase.put(row.getAs("dr_o"), row.getAs("phase"));
        }
        String all = phase + " " + points;
        assertEquals(Map.of(0.0, "swarm", 1.0, "torus", 3.0, "dynamic_parallel", 10.0, "highly_parallel"), phase, all);
        // The figures: torus m > 0.5 with P < 0.3, highly parallel P > 0.95; the swarm is
        // cohesive with P and m low (its P lies above the 0.1: see SchoolPhases).
        assertTrue(points.get("1.0/milling") > 0.5 && points.get("1.0/polarization") < 0.3, all);
        assertTrue(points.get("10.0/polarization") > 0.95, all);
        assertTrue(points.get("3.0/polarization") > 0.5 && points.get("3.0/polarization") <= 0.95, all);
        assertTrue(points.get("0.0/polarization") < 0.3 && points.get("0.0/milling") < 0.5, all);
        for (double dro : new double[] {0, 1, 3, 10}) {
            assertEquals(1.0, points.get(dro + "/group_size"), all);
        }
    }
}
