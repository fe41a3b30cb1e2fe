package io.phasesweep.run;

import io.phasesweep.config.ConfigError;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on local Spark: config -> tasks -> Parquet. One session shared by the class. */
class SweepRunnerTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    static final String SMALL = """
            sweep {
              name = small
              model = ising2d
              seed = 7
              replicas = 3
              grid { L = [4, 6], T = [1.8, 2.4, 3.2], algorithm = [metropolis, wolff] }
              params { sweeps = 400, thermalization = 50 }
            }
            """;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("phasesweep-test", config(SMALL, "local[2]").spark());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static SweepConfig config(String text, String master, String... sets) {
        List<String> all = new ArrayList<>(Arrays.asList(sets));
        all.add("spark.master=\"" + master + "\"");
        return ConfigLoader.load(Configs.write(dir, "t.conf", text), all, null);
    }

    static SweepRunner.Result run(String out, String text, String... sets) {
        List<String> all = new ArrayList<>(Arrays.asList(sets));
        all.add("output.dir=\"" + dir.resolve(out) + "\"");
        return SweepRunner.run(spark, config(text, "local[2]", all.toArray(String[]::new)), false, QUIET);
    }

    static List<Row> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList();
    }

    @Test
    void tablesDoNotDependOnPartitionCountOrMaster() {
        run("p1", SMALL, "spark.partitions=1");
        run("p7", SMALL, "spark.partitions=7");
        run("auto", SMALL);
        for (String table : List.of("replicas", "points")) {
            List<Row> one = rows(dir.resolve("p1").resolve(table));
            assertEquals(one, rows(dir.resolve("p7").resolve(table)), table + ": 1 vs 7 partitions");
            assertEquals(one, rows(dir.resolve("auto").resolve(table)), table + ": 1 vs auto partitions");
        }
        // Row.equals compares doubles with ==; require the exact bits too.
        List<Row> a = rows(dir.resolve("p1").resolve("points"));
        List<Row> b = rows(dir.resolve("p7").resolve("points"));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.get(i).getAs("stderr")),
                    Double.doubleToRawLongBits(b.get(i).<Double>getAs("stderr")));
        }
    }

    @Test
    void replicasTableHasOneTypedRowPerPointReplicaObservable() {
        SweepRunner.Result r = run("schema", SMALL);
        assertEquals(2 * 3 * 2 * 3 * 6, r.replicaRows());
        assertEquals(2 * 3 * 2 * (6 + 3), r.pointRows());
        var replicas = spark.read().parquet(dir.resolve("schema/replicas").toString());
        assertEquals(List.of("L", "T", "algorithm", "pass", "replica", "seed", "observable", "value", "stderr", "tau_int", "status", "message"),
                Arrays.asList(replicas.columns()));
        assertEquals("int", replicas.schema().apply("L").dataType().simpleString());
        assertEquals("double", replicas.schema().apply("T").dataType().simpleString());
        assertEquals("string", replicas.schema().apply("algorithm").dataType().simpleString());
        var points = spark.read().parquet(dir.resolve("schema/points").toString());
        assertEquals(List.of("L", "T", "algorithm", "pass", "observable", "mean", "stderr", "n_replicas"),
                Arrays.asList(points.columns()));
        assertTrue(Files.exists(dir.resolve("schema/manifest.json")));
        assertTrue(!Files.exists(dir.resolve("schema/_work")), "work area removed");
    }

    @Test
    void replicasOfOnePointHaveDistinctSeedsAndSeedsDoNotDependOnOtherPoints() throws Exception {
        run("seeds-a", SMALL);
        run("seeds-b", SMALL.replace("T = [1.8, 2.4, 3.2]", "T = [2.4]"));
        Map<String, Long> a = seeds(dir.resolve("seeds-a/replicas"));
        Map<String, Long> b = seeds(dir.resolve("seeds-b/replicas"));
        for (Map.Entry<String, Long> e : b.entrySet()) {
            assertEquals(a.get(e.getKey()), e.getValue(), "seed of " + e.getKey());
        }
        assertEquals(a.size(), a.values().stream().distinct().count());
    }

    private static Map<String, Long> seeds(Path table) {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : spark.read().parquet(table.toString()).where("observable = 'energy'").collectAsList()) {
            m.put(r.getAs("L") + "/" + r.getAs("T") + "/" + r.getAs("algorithm") + "/" + r.getAs("replica"), r.getAs("seed"));
        }
        return m;
    }

    @Test
    void duckDbReadsTheTablesAsTheyAre() throws Exception {
        run("duck", SMALL);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*), count(distinct observable), min(n_replicas) from read_parquet('"
                             + dir.resolve("duck/points") + "/*.parquet') where L = 6")) {
            assertTrue(rs.next());
            assertEquals(2 * 3 * 9, rs.getLong(1));
            assertEquals(9, rs.getLong(2));
            assertEquals(3, rs.getInt(3));
        }
    }

    @Test
    void refusesToOverwriteAnEarlierSweep() {
        run("twice", SMALL);
        ConfigError e = assertThrows(ConfigError.class, () -> run("twice", SMALL));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
    }

    @Test
    void overwriteReplacesOnlyAnEarlierSweep() throws Exception {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        SweepConfig c = config(SMALL, "local[2]", "output.dir=\"" + foreign + "\"");
        assertThrows(ConfigError.class, () -> SweepRunner.run(spark, c, true, QUIET));
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
    }

    /** A miniature of the quick sweep: ordered at T = 1.5, disordered at 3.5, Binder curves cross near Tc. */
    @Test
    void smallSweepShowsTheIsingTransition() {
        run("physics", """
                sweep {
                  model = ising2d, seed = 1, replicas = 4
                  grid { L = [8, 16], T = [1.5, 2.1, 2.2, 2.3, 2.4, 3.5] }
                  params { algorithm = wolff, sweeps = 3000, thermalization = 300 }
                }
                """);
        Map<String, Double> mean = new HashMap<>();
        for (Row r : rows(dir.resolve("physics/points"))) {
            mean.put(r.getAs("observable") + "/" + r.getAs("L") + "/" + r.getAs("T"), r.getAs("mean"));
        }
        assertTrue(mean.get("abs_magnetization/16/1.5") > 0.95);
        assertTrue(mean.get("abs_magnetization/16/3.5") < 0.3);
        // Above Tc the larger lattice's Binder cumulant is lower, below it is higher.
        assertTrue(mean.get("binder/16/2.1") > mean.get("binder/8/2.1"));
        assertTrue(mean.get("binder/16/2.4") < mean.get("binder/8/2.4"));
        assertNotEquals(mean.get("binder/16/2.2"), mean.get("binder/8/2.2"));
    }

    @Test
    void refinementAddsASecondPassAroundTheCriticalPoint() {
        SweepRunner.Result r = run("refine", """
                sweep {
                  model = ising2d, seed = 4, replicas = 4
                  grid { L = [6, 12], T = { from = 1.8, to = 2.8, steps = 6 } }
                  params { algorithm = wolff, sweeps = 1000, thermalization = 100 }
                }
                fss { control = T, size = L, bootstrap = 10, refine { points = 5, width = 0.2 } }
                """);
        List<Row> points = rows(dir.resolve("refine/points"));
        List<Double> refined = points.stream().filter(p -> p.<Integer>getAs("pass") == 2)
                .map(p -> p.<Double>getAs("T")).distinct().sorted().toList();
        assertTrue(refined.size() >= 4 && refined.size() <= 5, "refined T values " + refined);
        assertTrue(refined.get(0) > 2.0 && refined.get(refined.size() - 1) < 2.6, "around Tc: " + refined);
        for (double t : refined) {
            assertTrue(points.stream().noneMatch(p -> p.<Integer>getAs("pass") == 1 && p.<Double>getAs("T") == t),
                    "no value simulated twice: " + t);
        }
        assertEquals((6 + refined.size()) * 2 * 4L, r.tasks());
        assertTrue(r.rows().get("fss") > 0);
    }

    @Test
    void failedReplicasAreRecordedAndLeftOutOfAggregates() throws Exception {
        SweepRunner.Result r = run("faults", """
                sweep { model = test-random-walk, replicas = 3, grid { sigma = [1.0], fault = [none, throw, nan] } }
                """);
        assertEquals(9, r.tasks());
        Map<String, Long> statuses = new TreeMap<>();
        for (Row row : rows(dir.resolve("faults/replicas"))) {
            statuses.merge(row.getAs("fault") + "/" + row.getAs("status"), 1L, Long::sum);
            if (!row.getAs("status").equals("ok")) {
                assertTrue(row.<String>getAs("message").contains(row.getAs("fault").equals("throw")
                        ? "unstable time step" : "non-finite values of step"), row.toString());
            }
        }
        assertEquals(Map.of("nan/non_finite", 3L, "none/ok", 3L, "throw/failed", 3L), statuses);
        for (Row p : rows(dir.resolve("faults/points"))) {
            assertEquals("none", p.getAs("fault"), "only healthy replicas are aggregated");
            assertEquals(3, (int) p.getAs("n_replicas"));
        }
        assertTrue(rows(dir.resolve("faults/timeseries")).stream().allMatch(t -> t.getAs("fault").equals("none")));
        String manifest = Files.readString(dir.resolve("faults/manifest.json"));
        assertTrue(manifest.contains("\"failed\" : 6"), manifest);
        assertTrue(manifest.contains("\"status\" : \"complete\""), manifest);
    }

    @Test
    void aSweepWhoseEveryTaskFailsFails() throws Exception {
        RuntimeException e = assertThrows(RuntimeException.class, () -> run("all-fail", """
                sweep { model = test-random-walk, replicas = 2, grid { fault = [throw] } }
                """));
        assertTrue(e.getMessage().contains("every one of the 2 tasks failed"), e.getMessage());
        assertTrue(Files.readString(dir.resolve("all-fail/manifest.json")).contains("\"status\" : \"failed\""));
        assertTrue(Files.isDirectory(dir.resolve("all-fail/replicas")), "the evidence is kept");
    }

    /** The ring's growth exponent per point: random deposition without coupling, Edwards-Wilkinson with it. */
    @Test
    void seriesQuantitiesLandInPointsPerGridPoint() {
        run("growth", """
                sweep {
                  model = kuramoto1d, seed = 2, replicas = 6
                  grid { K = [0.0, 1.0] }
                  params { N = 256, D = 0.05, t_max = 200.0, dt = 0.05, transient = 50.0, series_points = 30 }
                }
                """);
        Map<String, Double> beta = new HashMap<>();
        for (Row r : rows(dir.resolve("growth/points"))) {
            if (r.getAs("observable").equals("beta")) {
                beta.put(String.valueOf((double) r.getAs("K")), r.getAs("mean"));
                assertTrue((double) r.getAs("stderr") > 0 && (int) r.getAs("n_replicas") == 6, r.toString());
            }
        }
        assertEquals(0.5, beta.get("0.0"), 0.05);
        assertEquals(0.25, beta.get("1.0"), 0.05);
        assertTrue(rows(dir.resolve("growth/points")).stream().anyMatch(r -> r.getAs("observable").equals("beta_t_from")));
        Map<String, String> phase = new HashMap<>();
        for (Row r : rows(dir.resolve("growth/phases"))) {
            phase.put(String.valueOf((double) r.getAs("K")), r.getAs("phase"));
            assertTrue(r.<String>getAs("evidence").contains("beta = "), r.toString());
        }
        assertEquals(Map.of("0.0", "random_deposition", "1.0", "EW"), phase);
    }

    @Test
    void everyModelParameterCanBeAColumn() {
        for (var type : io.phasesweep.model.ModelRegistry.all()) {
            for (var p : type.parameters()) {
                assertTrue(io.phasesweep.io.Tables.collision(p.name()).isEmpty(), type.name() + "." + p.name());
            }
        }
        assertTrue(io.phasesweep.io.Tables.collision("N_Replicas").isPresent());
    }

    @Test
    void seriesObservablesGetTheirOwnTablesCombinedOverReplicas() {
        String conf = """
                sweep { model = test-random-walk, seed = 3, replicas = 400, grid { sigma = [1.0, 2.0] }, params { steps = 64 } }
                """;
        SweepRunner.Result r = run("series", conf, "spark.partitions=5");
        assertEquals(2 * 400, r.replicaRows(), "scalar 'step' only in replicas");
        assertEquals(2 * 400 * 7, r.rows().get("replica_series"));
        assertEquals(2 * 7, r.rows().get("timeseries"));
        for (Row row : rows(dir.resolve("series/timeseries"))) {
            double sigma = row.getAs("sigma");
            double t = row.getAs("time");
            double mean = row.getAs("mean");
            double stderr = row.getAs("stderr");
            // <h^2> = sigma^2 t exactly; 400 replicas give a ~7% error, checked at 4 sigma.
            assertTrue(Math.abs(mean - sigma * sigma * t) < 4 * stderr, row.toString());
            assertEquals(400, (int) row.getAs("n_replicas"));
        }
        SweepRunner.Result again = run("series-1", conf, "spark.partitions=1");
        assertEquals(rows(dir.resolve("series/timeseries")), rows(dir.resolve("series-1/timeseries")));
        assertEquals(again.rows(), r.rows());
    }

    @Test
    void aLadderTaskCoversEveryValueOfItsAxisWithOneSeed() {
        String conf = """
                sweep { model = test-ladder, replicas = 2, grid { N = [4, 8], T = [0.5, 1.0, 1.5] } }
                """;
        SweepRunner.Result r = run("ladder", conf, "spark.partitions=3");
        assertEquals(2 * 2, r.tasks(), "one task per (N, replica), spanning all three T");
        Map<String, Long> seedOf = new HashMap<>();
        for (Row row : rows(dir.resolve("ladder/replicas"))) {
            String task = row.getAs("N") + "/" + row.getAs("replica");
            Long previous = seedOf.putIfAbsent(task, row.getAs("seed"));
            if (previous != null) {
                assertEquals(previous, row.<Long>getAs("seed"), "members of one task share its seed");
            }
            if (row.getAs("observable").equals("temperature")) {
                assertEquals((double) row.getAs("T"), (double) row.getAs("value"), 1e-3);
            } else {
                assertEquals(3.0, (double) row.getAs("value"));
            }
        }
        assertEquals(4, seedOf.values().stream().distinct().count());
        run("ladder-1", conf, "spark.partitions=1");
        assertEquals(rows(dir.resolve("ladder/points")), rows(dir.resolve("ladder-1/points")));
    }
}
