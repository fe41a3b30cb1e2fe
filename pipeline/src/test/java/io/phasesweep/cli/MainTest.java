package io.phasesweep.cli;

import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command-line behaviour that needs no Spark: validation, listing, refusals. */
class MainTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void validatePrintsGridSizeAndTaskCount() {
        Outcome o = execute("validate", Path.of("../conf/ising2d-quick.conf").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("82 points"), o.out());
        assertTrue(o.out().contains("328 (4 replicas per point)"), o.out());
        assertTrue(o.out().contains("(model ising2d version " + io.phasesweep.ising.Ising2DType.INSTANCE.version() + ", seed 42)"),
                o.out());
        assertTrue(o.out().contains("checkpoint every 600 s of a task's time"), o.out());
        Outcome quick = execute("validate", Path.of("../conf/ising2d-quick.conf").toString(),
                "--set", "checkpoint.interval=250ms");
        assertTrue(quick.out().contains("checkpoint every 250 ms of a task's time"), quick.out());
        Outcome off = execute("validate", Path.of("../conf/ising2d-quick.conf").toString(),
                "--set", "checkpoint.interval=off");
        assertTrue(off.out().contains("checkpoint off"), off.out());
    }

    @Test
    void validateListsEffectiveSettingsWithTheirOrigin() {
        Outcome o = execute("validate", Path.of("../conf/ising2d-quick.conf").toString(), "--settings",
                "--set", "spark.partitions=7");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("setting    sweep.replicas = 4  (../conf/ising2d-quick.conf:12)"), o.out());
        assertTrue(o.out().contains("setting    spark.partitions = 7  (--set spark.partitions)"), o.out());
        assertTrue(o.out().contains("setting    limits.confirm_tasks = 200000  (default)"), o.out());
    }

    @Test
    void validateSaysAHugeGridWasCheckedAtCornersAndASample() {
        Path conf = Configs.write(dir, "huge.conf", """
                sweep {
                  model = ising2d
                  grid { L = { from = 8, to = 1007, steps = 1000 }, T = { from = 1.0, to = 5.999, steps = 10000 } }
                  params { sweeps = 10 }
                }
                """);
        Outcome o = execute("validate", conf.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("grid       10000000 points"), o.out());
        assertTrue(o.out().contains("checked    the grid's corners and an even sample of 100000 points (of 10000000)"), o.out());
    }

    @Test
    void validateShowsLinksExpressionsAndFirstPointsResolved() {
        Path conf = Configs.write(dir, "linked.conf", """
                sweep {
                  model = ising2d
                  grid {
                    link { L = [8, 16, 32], sweeps = [2000, 4000, 8000] }
                    T = { from = 2.0, to = 2.5, steps = 6 }
                  }
                  params { algorithm = wolff, thermalization = "10 * L^2" }
                }
                """);
        Outcome o = execute("validate", conf.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("  link       L, sweeps: 3 entries, taken together: (8, 2000), (16, 4000), (32, 8000)"), o.out());
        // How sizes map to run lengths.
        assertTrue(o.out().contains("  expression thermalization = \"10 * L^2\" (long): L=8 -> 640, L=16 -> 2560, L=32 -> 10240"),
                o.out());
        assertTrue(o.out().contains("  grid       18 points"), o.out());
        assertTrue(o.out().contains("  first      L=8, sweeps=2000, T=2.0, thermalization=640\n"
                + "             L=8, sweeps=2000, T=2.1, thermalization=640\n"), o.out());
    }

    @Test
    void validateShowsASampledDesignsPointsAndARefinementsFinestStep() {
        Path design = Configs.write(dir, "design.conf", """
                sweep {
                  model = ising2d, seed = 7
                  grid { L = [8, 16], design = sobol, points = 16, ranges { T = [1.5, 3.5], h = [0, 0.5] } }
                  params { sweeps = 100 }
                }
                """);
        Outcome o = execute("validate", design.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("  design     sobol, 16 points over T 1\\.[5-9]\\d*\\.\\.3\\.[0-5]\\d*, "
                + "h 0\\.\\d+\\.\\.0\\.[0-5]\\d*: \\(.*\\), \\.\\.\\., \\(.*\\)")), o.out());
        assertTrue(o.out().contains("  grid       32 points"), o.out());
        assertTrue(o.out().contains("  first      L=8, T="), o.out());
        Path refine = Configs.write(dir, "refine.conf", """
                sweep {
                  model = kuramoto1d
                  grid { K = [0.0, 0.5, 1.0, 1.5, 2.0], D = [0.05, 0.1, 0.15], N = [16] }
                  params { t_max = 50.0, transient = 10.0 }
                  refine { along = phases, passes = 3, axes = [K] }
                }
                """);
        Outcome r = execute("validate", refine.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  refine     along phases, up to 3 passes over K, each adding the midpoints between"
                + " neighbours across a boundary: finest step K 0.06250, where a dense grid that fine has 99 points"), r.out());
    }

    @Test
    void everyShippedConfigValidates() throws Exception {
        List<Path> confs;
        try (var s = Files.list(Path.of("../conf"))) {
            confs = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(confs.size() >= 7, "shipped configs: " + confs);
        for (Path conf : confs) {
            Outcome o = execute("validate", conf.toString());
            assertEquals(0, o.code(), conf + ": " + o.err());
        }
    }

    @Test
    void modelsListsParametersAndObservables() {
        Outcome o = execute("models");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("ising2d"));
        assertTrue(o.out().lines().anyMatch(l -> l.matches("\\s+thermalization\\s+long\\s+1000\\s+>= 0\\s+sweeps discarded.*")),
                o.out());
        assertTrue(o.out().contains("binder"));
        assertTrue(o.out().contains("roughness_exponent"), o.out());
        assertTrue(o.out().contains("ising2d (version 2) — "), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("  quenched disorder depends on: N ")), o.out());
    }

    @Test
    void badConfigExitsTwoWithOneLineAndWritesNothing() {
        Path conf = Configs.write(dir, "bad.conf", """
                sweep {
                  model = ising2d
                  grid { L = [8], T = [2.0] }
                  params { sweps = 10 }
                }
                output.dir = "%s"
                """.formatted(dir.resolve("out")));
        Outcome o = execute("run", conf.toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("bad.conf:4: sweep.params.sweps"), o.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void runRefusesAnOccupiedOutputBeforeStartingSpark() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "{}");
        Outcome o = execute("run", "../conf/ising2d-quick.conf", "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("already holds files"), "a file named manifest.json proves nothing: " + o.err());
        assertEquals("{}", Files.readString(out.resolve("manifest.json")));
    }

    @Test
    void runWithFssThenReanalyseWithAnotherWindow() throws Exception {
        Path out = dir.resolve("fss-out");
        Path conf = Configs.write(dir, "fss.conf", """
                sweep {
                  model = ising2d, seed = 5, replicas = 4
                  grid { L = [6, 12], T = { from = 1.9, to = 2.7, steps = 9 } }
                  params { algorithm = wolff, sweeps = 1000, thermalization = 200 }
                }
                fss { control = T, size = L, bootstrap = 20 }
                """);
        Outcome run = execute("run", conf.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isDirectory(out.resolve("fss")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"fss\" : \"fss/\""), manifest);

        Outcome fss = execute("query", out.toString(),
                "select quantity, estimate, stderr from fss where quantity = 'critical_point' and method = 'crossing'");
        assertEquals(0, fss.code(), fss.err());
        double xc = Double.parseDouble(fss.out().lines().skip(2).findFirst().orElseThrow().strip().split("\\s+")[1]);
        assertEquals(2.269, xc, 0.15, "the fss table's Binder crossing of L = 6 and 12 (loose: it checks the row, not the physics): " + fss.out());

        Outcome again = execute("fss", out.toString(), "--set", "fss.window=[2.1,2.5]");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("fss rows"), again.out());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("fss_written"));

        String written = Files.readString(out.resolve("manifest.json"));
        assertTrue(written.contains("\"fss_settings\"") && written.contains("2.1") && written.contains("2.5"),
                "the settings behind fss/ are recorded: " + written);

        Outcome changed = execute("fss", out.toString(), "--set", "sweep.seed=6");
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("may only change the fss block"), changed.err());
        Outcome refine = execute("fss", out.toString(), "--set", "fss.refine.points=5");
        assertEquals(2, refine.code());
        assertTrue(refine.err().contains("a refinement pass simulates new points"), refine.err());
    }

    @Test
    void fssRefusesSomethingThatIsNotAFinishedSweep() {
        Outcome o = execute("fss", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not a phasesweep output"), o.err());
    }

    @Test
    void runAsksForYesAboveTheTaskLimitAndWritesNothing() {
        Outcome o = execute("run", "../conf/ising2d-quick.conf", "--set", "limits.confirm_tasks=100",
                "--out", dir.resolve("big").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("rerun with --yes"), o.err());
        assertFalse(Files.exists(dir.resolve("big")));
    }

    @Test
    void unwritableOutputPathsAreBadInput() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        for (Path out : List.of(file, file.resolve("sub/out"))) {
            Outcome o = execute("run", "../conf/ising2d-quick.conf", "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aStoreInsideTheOutputOrBesideNoStoreIsRefusedBeforeSparkStarts() {
        Path out = dir.resolve("with-store");
        Outcome inside = execute("run", "../conf/ising2d-quick.conf", "--out", out.toString(), "--store",
                out.resolve("store").toString());
        assertEquals(2, inside.code(), inside.err());
        assertTrue(inside.err().contains("inside the output directory"), inside.err());
        Outcome both = execute("run", "../conf/ising2d-quick.conf", "--out", out.toString(), "--store",
                dir.resolve("store").toString(), "--no-store");
        assertEquals(2, both.code(), both.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpOfEveryCommandExitsZero() {
        for (String command : List.of("run", "validate", "fss", "query", "store", "models")) {
            Outcome o = execute(command, "--help");
            assertEquals(0, o.code(), command + ": " + o.err());
            assertTrue(o.out().startsWith("Usage: phasesweep " + command), o.out());
        }
    }

    @Test
    void modelsPrintsItsTablesInAlignedColumns() {
        String out = execute("models").out();
        List<String> params = out.lines().dropWhile(l -> !l.startsWith("ising2d")).skip(2).takeWhile(l -> !l.startsWith("  observables"))
                .toList();
        assertTrue(params.size() >= 8, out);
        int type = params.get(0).indexOf("type");
        int admits = params.get(0).indexOf("admits");
        for (String row : params) {
            assertEquals(' ', row.charAt(type - 1), row);
            assertTrue(Character.isLetter(row.charAt(type)), "type column starts at " + type + ": " + row);
            assertTrue(row.charAt(admits - 1) == ' ' && row.charAt(admits) != ' ', "admits column: " + row);
        }
    }

    @Test
    void aBadMasterOrAnUnwritableOutputIsOneLineBeforeSparkStarts() {
        Path out = dir.resolve("never");
        for (String master : List.of("foo", "local[0]", "spark://nohost")) {
            Outcome o = execute("run", "../conf/ising2d-quick.conf", "--out", out.toString(), "--master", master);
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains("--master: spark.master: '" + master + "' is not a Spark master"), o.err());
        }
        assertFalse(Files.exists(out));
        Outcome o = execute("run", "../conf/ising2d-quick.conf", "--out", "/proc/phasesweep-out");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("/proc/phasesweep-out"), o.err());
    }

    @Test
    void overwriteRefusesADirectoryPhasesweepDidNotWrite() throws Exception {
        Path web = dir.resolve("webapp");
        Files.createDirectories(web);
        Files.writeString(web.resolve("manifest.json"), "{\"name\": \"My App\"}");
        Files.writeString(web.resolve("index.html"), "<html></html>");
        Outcome o = execute("run", "../conf/ising2d-quick.conf", "--out", web.toString(), "--overwrite");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("not written by phasesweep"), o.err());
        assertEquals("<html></html>", Files.readString(web.resolve("index.html")));
        assertEquals(List.of("index.html", "manifest.json"), names(web));
    }

    /**
     * An overwrite whose new sweep fails before its first result (here a Spark setting that only
     * the first job reads) leaves the earlier sweep as it was, and says so in one line.
     */
    @Test
    void anOverwriteThatCannotStartKeepsTheEarlierSweep() throws Exception {
        Path out = dir.resolve("kept");
        Path conf = Configs.write(dir, "tiny.conf", """
                sweep { model = ising2d, grid { L = [6], T = [2.0] }, params { sweeps = 200, thermalization = 10 } }
                """);
        assertEquals(0, execute("run", conf.toString(), "--out", out.toString(), "--master", "local[1]").code());
        byte[] replicas = Files.readAllBytes(onlyParquet(out.resolve("replicas")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        Path broken = Configs.write(dir, "broken.conf", """
                sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { sweeps = 200 } }
                spark { conf { "spark.sql.shuffle.partitions" = abc } }
                """);
        Outcome o = execute("run", broken.toString(), "--out", out.toString(), "--overwrite", "--master", "local[1]");
        assertEquals(1, o.code(), o.err());
        String last = o.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("the earlier sweep in " + out + " is back as it was") && last.contains("full trace in "),
                o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals(manifest, Files.readString(out.resolve("manifest.json")));
        assertArrayEquals(replicas, Files.readAllBytes(onlyParquet(out.resolve("replicas"))));
        assertFalse(Files.exists(out.resolve("_replaced")));
    }

    @Test
    void anOutputThatIsASymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path target = Files.createDirectories(dir.resolve("elsewhere/target"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        Path conf = Configs.write(dir, "tiny.conf", """
                sweep { model = ising2d, grid { L = [6], T = [2.0] }, params { sweeps = 100, thermalization = 10 } }
                """);
        Outcome o = execute("run", conf.toString(), "--out", link.toString(), "--master", "local[1]");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isSymbolicLink(link), "never replaced by a directory");
        assertTrue(Files.isDirectory(target.resolve("replicas")), "the sweep is in the link's target");
        Outcome again = execute("run", conf.toString(), "--out", link.toString(), "--overwrite", "--master", "local[1]");
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.isSymbolicLink(link) && Files.isDirectory(target.resolve("replicas")));
    }

    private static Path onlyParquet(Path table) throws Exception {
        try (var files = Files.list(table)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void unknownSubcommandOrOptionIsAUsageError() {
        assertEquals(2, execute("frobnicate").code());
        assertEquals(2, execute("run", "--nope", "x.conf").code());
    }
}
