package io.phasesweep.run;

import io.phasesweep.config.ConfigError;
import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.Manifest;
import io.phasesweep.testing.Configs;
import io.phasesweep.testing.RandomWalkType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static SweepRunner.Result small;

    /**
     * The SMALL sweep with default settings, run once for the tests that only read it (in
     * {@code small/}); a test that changes an output runs its own.
     */
    static synchronized SweepRunner.Result small() {
        if (small == null) {
            small = run("small", SMALL);
        }
        return small;
    }

    static List<Row> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList();
    }

    @Test
    void tablesDoNotDependOnPartitionCountOrMaster() {
        run("p1", SMALL, "spark.partitions=1");
        run("p7", SMALL, "spark.partitions=7");
        small();
        for (String table : List.of("replicas", "points")) {
            List<Row> one = rows(dir.resolve("p1").resolve(table));
            assertEquals(one, rows(dir.resolve("p7").resolve(table)), table + ": 1 vs 7 partitions");
            assertEquals(one, rows(dir.resolve("small").resolve(table)), table + ": 1 vs auto partitions");
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
    void replicasTableHasOneTypedRowPerPointReplicaObservable() throws Exception {
        SweepRunner.Result r = small();
        // Six observables and three derived quantities (binder, susceptibility, specific heat) per replica.
        assertEquals(2 * 3 * 2 * 3 * (6 + 3), r.replicaRows());
        assertEquals(2 * 3 * 2 * (6 + 3), r.pointRows());
        var replicas = spark.read().parquet(dir.resolve("small/replicas").toString());
        assertEquals(List.of("L", "T", "algorithm", "pass", "replica", "seed", "disorder_seed", "observable", "value", "stderr",
                        "tau_int", "status", "message"),
                Arrays.asList(replicas.columns()));
        assertEquals("bigint", replicas.schema().apply("disorder_seed").dataType().simpleString());
        assertEquals(0, replicas.where("disorder_seed is not null").count(), "ising2d declares no disorder");
        assertEquals("int", replicas.schema().apply("L").dataType().simpleString());
        assertEquals("double", replicas.schema().apply("T").dataType().simpleString());
        assertEquals("string", replicas.schema().apply("algorithm").dataType().simpleString());
        var points = spark.read().parquet(dir.resolve("small/points").toString());
        assertEquals(List.of("L", "T", "algorithm", "pass", "observable", "mean", "stderr", "n_replicas"),
                Arrays.asList(points.columns()));
        assertTrue(Files.readString(dir.resolve("small/manifest.json")).contains("\"model_version\" : \"2\""));
        assertTrue(!Files.exists(dir.resolve("small/_work")), "work area removed");
    }

    @Test
    void aSingleReplicaGetsDerivedErrorsFromItsOwnBlocks() {
        run("one-replica", SMALL, "sweep.replicas=1");
        for (Row r : rows(dir.resolve("one-replica/points"))) {
            double stderr = r.getAs("stderr");
            assertTrue(Double.isFinite(stderr) && stderr >= 0, r.toString());
        }
        Map<String, Double> derivedError = new HashMap<>();
        for (Row r : rows(dir.resolve("one-replica/replicas"))) {
            derivedError.put(r.getAs("observable") + "/" + r.getAs("L") + "/" + r.getAs("T") + "/" + r.getAs("algorithm"),
                    r.getAs("stderr"));
        }
        for (Row r : rows(dir.resolve("one-replica/points"))) {
            if (r.getAs("observable").equals("binder")) {
                assertEquals(derivedError.get("binder/" + r.getAs("L") + "/" + r.getAs("T") + "/" + r.getAs("algorithm")),
                        r.<Double>getAs("stderr"));
            }
        }
    }

    @Test
    void replicasOfOnePointHaveDistinctSeedsAndSeedsDoNotDependOnOtherPoints() throws Exception {
        small();
        run("seeds-b", SMALL.replace("T = [1.8, 2.4, 3.2]", "T = [2.4]"));
        Map<String, Long> a = seeds(dir.resolve("small/replicas"));
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
        small();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*), count(distinct observable), min(n_replicas) from read_parquet('"
                             + dir.resolve("small/points") + "/*.parquet') where L = 6")) {
            assertTrue(rs.next());
            assertEquals(2 * 3 * 9, rs.getLong(1));
            assertEquals(9, rs.getLong(2));
            assertEquals(3, rs.getInt(3));
        }
    }

    /** Every published file says where it came from, in its own footer, and still reads as before. */
    @Test
    void everyTableFileCarriesTheSweepsProvenanceInItsFooter() throws Exception {
        small();
        String hash = Manifest.read(dir.resolve("small")).path("config_hash").asText();
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(dir.resolve("small"))) {
            files = s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_work")).toList();
        }
        assertEquals(2, files.size(), "replicas and points: " + files);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path f : files) {
                Map<String, String> kv = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("select decode(key), decode(value) from parquet_kv_metadata('"
                        + f + "')")) {
                    while (rs.next()) {
                        kv.put(rs.getString(1), rs.getString(2));
                    }
                }
                assertEquals("ising2d", kv.get("phasesweep.model"), f.toString());
                assertEquals(hash, kv.get("phasesweep.config_hash"), f.toString());
                assertEquals("small", kv.get("phasesweep.sweep"), f.toString());
                assertEquals(f.getParent().getFileName().toString(), kv.get("phasesweep.table"), f.toString());
                assertTrue(kv.containsKey("org.apache.spark.sql.parquet.row.metadata"), "Spark's schema entry kept in " + f);
            }
        }
    }

    @Test
    void refusesToOverwriteAnEarlierSweep() {
        small();
        ConfigError e = assertThrows(ConfigError.class, () -> run("small", SMALL));
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
    void aResumedSweepCountsTheFailuresOfChunksCommittedBeforeTheInterruption() throws Exception {
        // One task a partition, four partitions a chunk on local[2]: chunk 0 holds the 'throw'
        // tasks and commits; chunk 1 aborts, which interrupts the sweep; the resume has no failures.
        String text = """
                sweep { model = test-random-walk, replicas = 4, grid { fault = [throw, abort, none] } }
                spark { partitions = 12 }
                """;
        RandomWalkType.ABORTING.set(true);
        try {
            assertThrows(RuntimeException.class, () -> run("interrupted", text));
        } finally {
            RandomWalkType.ABORTING.set(false);
        }
        assertTrue(Files.exists(dir.resolve("interrupted/_work/raw-pass1/chunk-00000/_SUCCESS")));
        SweepRunner.Result r = SweepRunner.run(spark, config(text, "local[2]",
                "output.dir=\"" + dir.resolve("interrupted") + "\""), false, true, QUIET);
        assertEquals(12, r.tasks());
        String manifest = Files.readString(dir.resolve("interrupted/manifest.json"));
        assertTrue(manifest.contains("\"failed\" : 4"), manifest);
        assertTrue(manifest.contains("\"status\" : \"complete\""), manifest);
        assertEquals(4L, rows(dir.resolve("interrupted/replicas")).stream().filter(x -> x.getAs("status").equals("failed"))
                .map(x -> x.<Integer>getAs("replica")).distinct().count());
    }

    /**
     * What a cancelled chunk job can leave behind while the resume runs: its own attempt directory,
     * still being written to by a task that has not noticed the cancellation, and (from versions
     * that wrote chunks in place) a half-written chunk. Neither may collide with the resume.
     */
    @Test
    void aResumeIsNotDisturbedByWhatCancelledChunkAttemptsLeftBehind() throws Exception {
        String text = """
                sweep { model = test-random-walk, replicas = 4, grid { fault = [none, abort], sigma = [1.0, 2.0] } }
                spark { partitions = 16 }
                """;
        RandomWalkType.ABORTING.set(true);
        try {
            assertThrows(RuntimeException.class, () -> run("leftovers", text));
        } finally {
            RandomWalkType.ABORTING.set(false);
        }
        Path pass = dir.resolve("leftovers/_work/raw-pass1");
        Path stale = pass.resolve(ChunkedSimulation.ATTEMPTS).resolve("chunk-00002.stale/_temporary/0/_temporary/attempt_1");
        Files.createDirectories(stale);
        Files.createDirectories(pass.resolve("chunk-00002/_temporary/0"));
        Thread lingering = new Thread(() -> {
            // A task of the cancelled attempt that still writes a few files after the resume began.
            for (int i = 0; i < 50; i++) {
                try {
                    Files.writeString(stale.resolve("part-" + i + ".parquet"), "partial");
                } catch (java.io.IOException e) {
                    return; // the resume's clean-up removed the directory: also fine
                }
            }
        });
        lingering.start();
        SweepRunner.Result r = SweepRunner.run(spark, config(text, "local[2]",
                "output.dir=\"" + dir.resolve("leftovers") + "\""), false, true, QUIET);
        lingering.join();
        assertEquals(16, r.tasks());
        assertEquals(16, r.replicaRows(), "one scalar observable per task, nothing twice");
        assertTrue(Files.readString(dir.resolve("leftovers/manifest.json")).contains("\"status\" : \"complete\""));
    }

    /**
     * Whatever reaches the work area between the chunks and the final tables (a second writer, a
     * chunk copied twice, rows of another sweep), the sweep does not call itself complete unless
     * each (point, replica, observable) is there exactly once with the seed the config derives.
     */
    @Test
    void aResumedSweepWithForeignOrRepeatedRowsFailsItsIntegrityCheck() throws Exception {
        for (String tamper : List.of("repeated", "renamed", "foreign-seed", "foreign-disorder-seed")) {
            String out = "tampered-" + tamper;
            String text = """
                    sweep { model = test-random-walk, replicas = 4, grid { fault = [none, abort], sigma = [1.0, 2.0] } }
                    spark { partitions = 16 }
                    """;
            RandomWalkType.ABORTING.set(true);
            try {
                assertThrows(RuntimeException.class, () -> run(out, text));
            } finally {
                RandomWalkType.ABORTING.set(false);
            }
            Path chunk;
            try (var chunks = Files.list(dir.resolve(out).resolve("_work/raw-pass1"))) {
                chunk = chunks.filter(c -> Files.exists(c.resolve("_SUCCESS"))).findFirst().orElseThrow();
            }
            if (tamper.equals("repeated")) {
                Path part;
                try (var files = Files.list(chunk)) {
                    part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
                }
                Files.copy(part, chunk.resolve("part-99999-copy.parquet"));
            } else {
                Path rewritten = dir.resolve(out + "-rewritten");
                // renamed: each replica still has one row per observable, under a name the model lacks.
                String column = switch (tamper) {
                    case "foreign-seed" -> "seed";
                    case "renamed" -> "observable";
                    default -> "disorder_seed";
                };
                Column value = switch (tamper) {
                    case "foreign-seed" -> functions.col("seed").plus(1);
                    case "renamed" -> functions.concat(functions.col("observable"), functions.lit("_other"));
                    default -> functions.lit(12345L);
                };
                spark.read().parquet(chunk.toString()).withColumn(column, value).write().parquet(rewritten.toString());
                io.phasesweep.io.OutputDir.deleteTree(chunk);
                Files.move(rewritten, chunk);
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepRunner.run(spark,
                    config(text, "local[2]", "output.dir=\"" + dir.resolve(out) + "\""), false, true, QUIET));
            assertTrue(e.getMessage().contains("integrity check"), e.getMessage());
            String problem = switch (tamper) {
                case "repeated", "renamed" -> "repeated, missing or unexpected";
                case "foreign-seed" -> "replicas carry a seed this config does not derive";
                default -> "replicas carry a disorder seed this config does not derive";
            };
            assertTrue(e.getMessage().contains(problem), e.getMessage());
            String manifest = Files.readString(dir.resolve(out).resolve("manifest.json"));
            assertTrue(manifest.contains("\"status\" : \"failed\""), manifest);
            assertFalse(Files.exists(dir.resolve(out).resolve("points")), "no points from a table that failed its check");
        }
    }

    /** Chunks of one kernel version and chunks of another would mix two models' bits in one table. */
    @Test
    void aResumeUnderAnotherModelVersionIsRefused() throws Exception {
        String text = """
                sweep { model = test-random-walk, replicas = 2, grid { fault = [none, abort] } }
                spark { partitions = 4 }
                """;
        RandomWalkType.ABORTING.set(true);
        try {
            assertThrows(RuntimeException.class, () -> run("old-version", text));
        } finally {
            RandomWalkType.ABORTING.set(false);
        }
        Path manifest = dir.resolve("old-version/manifest.json");
        String written = Files.readString(manifest);
        assertTrue(written.contains("\"model_version\" : \"1\""), written);
        Files.writeString(manifest, written.replace("\"model_version\" : \"1\"", "\"model_version\" : \"0\""));
        ConfigError e = assertThrows(ConfigError.class, () -> SweepRunner.run(spark,
                config(text, "local[2]", "output.dir=\"" + dir.resolve("old-version") + "\""), false, true, QUIET));
        assertTrue(e.getMessage().contains("test-random-walk version 0, this build has version 1"), e.getMessage());
    }

    /**
     * Quenched disorder depends on N alone (test-quenched-field declares it): every T of one
     * (N, replica) carries the same disorder seed and the same fields; other sizes and replicas
     * other ones. The thermal seed is the replica seed over all axes, as for any model.
     */
    @Test
    void aReplicaSeesTheSameDisorderAtEveryTemperature() {
        String conf = """
                sweep { model = test-quenched-field, seed = 5, replicas = 3, grid { N = [4, 8], T = [0.5, 1.0, 1.5] } }
                """;
        run("disorder", conf, "spark.partitions=4");
        List<io.phasesweep.grid.Axis> axes = config(conf, "local[2]").plan().grid().axes();
        Map<String, Long> disorderOf = new HashMap<>();
        Map<String, Double> fieldOf = new HashMap<>();
        Map<String, java.util.Set<Double>> noiseOf = new HashMap<>();
        List<Row> replicas = rows(dir.resolve("disorder/replicas"));
        assertEquals(2 * 3 * 3 * 2, replicas.size());
        for (Row row : replicas) {
            int n = row.getAs("N");
            double t = row.getAs("T");
            int replica = row.getAs("replica");
            String sample = n + "/" + replica;
            assertEquals(io.phasesweep.seed.ReplicaSeed.of(5, axes.stream().map(io.phasesweep.grid.Axis::name).toList(), new Object[]{n, t}, replica), row.<Long>getAs("seed"));
            long disorder = row.<Long>getAs("disorder_seed");
            assertEquals(io.phasesweep.seed.DisorderSeed.of(5, Map.of("N", n), replica), disorder);
            assertEquals(disorderOf.computeIfAbsent(sample, k -> disorder), disorder, "one disorder seed per " + sample);
            double value = row.getAs("value");
            if (row.getAs("observable").equals("mean_field")) {
                assertEquals(fieldOf.computeIfAbsent(sample, k -> value), value, "one sample of fields per " + sample);
            } else {
                noiseOf.computeIfAbsent(sample, k -> new java.util.HashSet<>()).add(value);
            }
        }
        assertEquals(6, disorderOf.values().stream().distinct().count(), "other sizes and replicas, other disorder");
        assertEquals(6, fieldOf.values().stream().distinct().count());
        noiseOf.forEach((sample, noise) -> assertEquals(3, noise.size(), "thermal draws differ across T at " + sample));
    }

    /** Colons, spaces, commas, hashes, percent signs and non-ASCII letters are just characters of a path. */
    @Test
    void anOutputPathWithUnusualCharactersIsWrittenAndReadLiterally() throws Exception {
        SweepRunner.Result r = run("odd: name, with spaces #1 100% ü", """
                sweep { model = test-random-walk, replicas = 2, grid { sigma = [1.0, 2.0] } }
                """);
        assertEquals(4, r.replicaRows());
        assertEquals(4, rows(dir.resolve("odd: name, with spaces #1 100% ü/replicas")).size());
        assertTrue(Files.isDirectory(dir.resolve("odd: name, with spaces #1 100% ü/timeseries")));
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

    /** The ring's growth exponents and phases per point on N = 512 (the long tier: N = 2048). */
    @Test
    void growthExponentsAndPhasesOfTheRingPerGridPoint() {
        RingGrowthCheck.check(spark, dir, (out, text) -> run(out, text), 512, 0.240, 0.735);
    }

    /**
     * Roughness and dynamic exponents from the saturated width across an N axis, with weak columnar
     * disorder: alpha = 3/2 (1.49 with the exact finite-N widths at these sizes) and z = 2. The
     * noisy ring's alpha = 1/2 up to N = 128 is in the long tier (KuramotoValidationTest).
     */
    @Test
    void roughnessAndDynamicExponentsWithColumnarDisorder() {
        run("columnar", """
                sweep {
                  model = kuramoto1d, seed = 6, replicas = 64
                  grid { N = [16, 32, 64] }
                  params { K = 1.0, sigma = 0.02, t_max = 1000.0, dt = 0.1, transient = 500.0, series_points = 40 }
                }
                """);
        Map<String, Row> columnar = new HashMap<>();
        rows(dir.resolve("columnar/exponents")).forEach(r -> columnar.put(r.getAs("quantity"), r));
        Row alpha = columnar.get("roughness_exponent");
        assertTrue((double) alpha.getAs("stderr") < 0.08, alpha.toString());
        assertEquals(1.49, alpha.getAs("estimate"), 3 * (double) alpha.getAs("stderr"), alpha.toString());
        assertEquals(2.0, columnar.get("dynamic_exponent").getAs("estimate"), 0.15, columnar.toString());
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
        // Partition independence of ladders: skLaddersGiveTheSameBitsForAnyPartitioning.
    }

    /**
     * The SK model's ladders (parallel tempering over T, shared couplings, exchanges drawn from the
     * task's stream) give the same bits on one partition as on five: every replica value, swap
     * rate, aggregate and P(q) histogram.
     */
    @Test
    void skLaddersGiveTheSameBitsForAnyPartitioning() {
        String conf = """
                sweep {
                  model = sk, seed = 1975, replicas = 3
                  grid { N = [12, 16], T = { from = 0.5, to = 1.5, steps = 4, scale = log } }
                  params { sweeps = 300, thermalization = 50 }
                }
                """;
        SweepRunner.Result one = run("sk-1", conf, "spark.partitions=1");
        run("sk-5", conf, "spark.partitions=5");
        assertEquals(2 * 3, one.tasks(), "one task per (N, replica), the whole ladder in it");
        for (String table : List.of("replicas", "points", "histograms")) {
            List<Row> a = rows(dir.resolve("sk-1").resolve(table));
            assertFalse(a.isEmpty(), table);
            assertEquals(a, rows(dir.resolve("sk-5").resolve(table)), table + ": 1 vs 5 partitions");
        }
        List<Row> a = rows(dir.resolve("sk-1/replicas"));
        List<Row> b = rows(dir.resolve("sk-5/replicas"));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.get(i).getAs("value")),
                    Double.doubleToRawLongBits(b.get(i).<Double>getAs("value")), "bits of " + a.get(i));
        }
    }

    /**
     * The random rate network through the pipeline (issue 18): silent with exponent -1 + g at
     * g = 0.5, chaotic at g = 2 with delta0 beside the mean-field value the analysis wrote, the
     * phases named by the exponent's sign, the autocorrelation in timeseries/.
     */
    @Test
    void rnnIsSilentBelowOneAndChaoticAboveWithTheMeanFieldVarianceBesideIt() {
        String conf = """
                sweep {
                  model = rnn, seed = 18, replicas = 2
                  grid { N = [400], g = [0.5, 2.0] }
                  params { dt = 0.1, transient = 50, t_max = 200, autocorrelation_lags = 10 }
                }
                """;
        SweepRunner.Result r = run("rnn", conf);
        assertEquals(4, r.tasks());
        Map<String, double[]> points = new HashMap<>();
        for (Row row : rows(dir.resolve("rnn/points"))) {
            points.put(row.getAs("g") + "/" + row.getAs("observable"),
                    new double[] {row.getAs("mean"), row.getAs("stderr")});
        }
        assertEquals(-0.5, points.get("0.5/lyapunov")[0], 0.03, "-1 + g times a spectral radius near 1");
        double[] chaotic = points.get("2.0/lyapunov");
        assertTrue(chaotic[0] > 0.03 && chaotic[0] > 4 * chaotic[1], Arrays.toString(chaotic));
        assertTrue(points.get("0.5/delta0")[0] < 1e-20);
        assertEquals(0.0, points.get("0.5/theory_delta0")[0]);
        double theory = io.phasesweep.rnn.MeanFieldTheory.delta0(2.0);
        assertEquals(theory, points.get("2.0/theory_delta0")[0]);
        assertEquals(theory, points.get("2.0/delta0")[0], 0.08 * theory);
        assertEquals(-0.5, points.get("0.5/theory_lyapunov")[0], 1e-15);
        assertEquals(io.phasesweep.rnn.MeanFieldTheory.lyapunov(2.0), points.get("2.0/theory_lyapunov")[0]);
        Map<Double, String> phase = new HashMap<>();
        for (Row row : rows(dir.resolve("rnn/phases"))) {
            phase.put(row.getAs("g"), row.getAs("phase"));
        }
        assertEquals(Map.of(0.5, "stable", 2.0, "chaotic"), phase);
        long lags = rows(dir.resolve("rnn/timeseries")).stream()
                .filter(row -> row.getAs("observable").equals("autocorrelation")).count();
        assertEquals(2 * 10, lags, "ten lags at each g");
    }
}
