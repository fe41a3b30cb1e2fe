package io.phasesweep.config;

import io.phasesweep.grid.Axis;
import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    static final String VALID = """
            sweep {
              name = demo
              model = ising2d
              seed = 42
              replicas = 4
              grid {
                L = [16, 32]
                T = { from = 1.5, to = 3.5, steps = 21 }
              }
              params { algorithm = wolff, sweeps = 4000, thermalization = 1000 }
            }
            output.dir = "out/demo"
            """;

    private SweepConfig load(String text, String... sets) {
        return ConfigLoader.load(Configs.write(dir, "s.conf", text), List.of(sets), null);
    }

    @Test
    void readsTheDocumentedShape() {
        SweepConfig c = load(VALID);
        assertEquals("demo", c.name());
        assertEquals(List.of("L", "T"), c.plan().grid().names());
        Axis t = c.plan().grid().axes().get(1);
        assertEquals(21, t.size());
        // Decimal steps: T = 2.3 is the double nearest 2.3, not 2.3000000000000003.
        assertEquals(2.3, (Double) t.values().get(8));
        assertEquals(3.5, (Double) t.values().get(20));
        assertEquals(List.of(16, 32), c.plan().grid().axes().get(0).values());
        assertEquals(168, c.plan().taskCount());
        assertEquals(4000L, c.plan().fixed().get("sweeps"));
        assertEquals(Path.of("out/demo"), c.outputDir());
    }

    @Test
    void logRangesAndScalarAxes() {
        SweepConfig c = load("""
                sweep { model = ising2d, grid { L = { from = 8, to = 64, steps = 4, scale = log }, T = 2.0 } }
                """);
        assertEquals(List.of(8, 16, 32, 64), c.plan().grid().axes().get(0).values());
        assertEquals(List.of(2.0), c.plan().grid().axes().get(1).values());
        assertEquals("s", c.name());
    }

    @Test
    void keysMayMoveBetweenParamsAndGrid() {
        SweepConfig c = load("""
                sweep { model = ising2d, grid { L = [8], algorithm = [metropolis, wolff] }, params { T = 2.0 } }
                """);
        assertEquals(List.of("L", "algorithm"), c.plan().grid().names());
        assertEquals(2.0, c.plan().fixed().get("T"));
    }

    @Test
    void commandLineOverridesAnyKey() {
        SweepConfig c = load(VALID, "sweep.replicas=8", "spark.partitions=7", "spark.master=local[2]",
                "sweep.grid.L=[8,12]");
        assertEquals(8, c.plan().replicas());
        assertEquals(7, c.spark().partitions());
        assertEquals("local[2]", c.spark().master().orElseThrow());
        assertEquals(List.of(8, 12), c.plan().grid().axes().get(0).values());
    }

    @Test
    void hashFollowsWhatDeterminesResultsOnly() {
        String base = load(VALID).hash();
        assertEquals(base, load(VALID, "spark.partitions=3", "output.dir=elsewhere").hash());
        assertNotEquals(base, load(VALID, "sweep.seed=43").hash());
        assertNotEquals(base, load(VALID, "sweep.params.sweeps=4001").hash());
    }

    /** Each malformed config gives one line: file:line, the key, and what was expected. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown model            | sweep { model = isin2d, grid { L = [8], T = [2.0] } }                              | 1 | sweep.model: unknown model 'isin2d', did you mean 'ising2d'? (known: 
            misspelt parameter       | sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { sweps = 10 } }     | 1 | did you mean 'sweeps'?
            unknown sweep key        | sweep { model = ising2d, replica = 3, grid { L = [8], T = [2.0] } }               | 1 | sweep.replica: unknown key, did you mean 'replicas'?
            unknown top-level key    | sweep { model = ising2d, grid { L = [8], T = [2.0] } }\\noutptu.dir = x           | 2 | outptu: unknown key, did you mean 'output'?
            wrong type               | sweep { model = ising2d, grid { L = [big], T = [2.0] } }                          | 1 | sweep.grid.L: L must be an int, got 'big'
            non-integer size         | sweep { model = ising2d, grid { L = [8.5], T = [2.0] } }                          | 1 | L must be an int, got 8.5
            empty axis               | sweep { model = ising2d, grid { L = [], T = [2.0] } }                             | 1 | sweep.grid.L: empty list
            zero steps               | sweep { model = ising2d, grid { L = [8], T = { from = 1, to = 2, steps = 0 } } }  | 1 | sweep.grid.T.steps: must be >= 1, got 0
            size below 2             | sweep { model = ising2d, grid { L = [1, 8], T = [2.0] } }                         | 1 | sweep.grid.L: must be >= 2, got 1
            negative temperature     | sweep { model = ising2d, grid { L = [8], T = [-1.0] } }                           | 1 | sweep.grid.T: must be > 0, got -1.0
            negative sweeps          | sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { sweeps = -5 } }    | 1 | sweep.params.sweeps: must be >= 1, got -5
            negative thermalization  | sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { thermalization = -1 } } | 1 | sweep.params.thermalization: must be >= 0, got -1
            log range touching 0     | sweep { model = ising2d, grid { L = [8], T = 2.0, h = { from = 0, to = 1, steps = 5, scale = log } } } | 1 | log range touching 0
            inverted range           | sweep { model = ising2d, grid { L = [8], T = { from = 3, to = 2, steps = 3 } } }  | 1 | inverted range
            unknown algorithm        | sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { algorithm = heatbath } } | 1 | must be one of metropolis, wolff, metropolis-multispin, got 'heatbath'
            wolff with a field       | sweep { model = ising2d, grid { L = [8], T = [2.0], h = [0, 0.1] }, params { algorithm = wolff } } | 1 | sweep.grid.h: algorithm wolff needs h = 0
            missing required         | sweep { model = ising2d, grid { L = [8] } }                                       | 1 | needs parameter 'T'
            missing model            | sweep { grid { L = [8] } }                                                        | 1 | sweep.model is missing
            key in grid and params   | sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { T = 2.0 } }        | 1 | sweep.grid.T: also set in sweep.params
            list in params           | sweep { model = ising2d, grid { L = [8] }, params { T = [2.0, 3.0] } }            | 1 | swept values belong under sweep.grid
            repeated axis value      | sweep { model = ising2d, grid { L = [8, 8], T = [2.0] } }                         | 1 | repeats a value
            zero replicas            | sweep { model = ising2d, replicas = 0, grid { L = [8], T = [2.0] } }              | 1 | sweep.replicas: must be >= 1
            absurd task count        | sweep { model = ising2d, replicas = 1000, grid { L = [8], h = { from = 0, to = 1, steps = 100000 }, T = { from = 1, to = 2, steps = 1000 } } } | 1 | more than the limit
            fss control not an axis  | sweep { model = ising2d, grid { L = [8, 16], T = [2.0] } }\\nfss { control = K, size = L } | 2 | fss.control: 'K' is not a grid axis (axes: L, T)
            fss size not a number    | sweep { model = ising2d, grid { L = [8, 16], T = [2.0, 2.1], algorithm = [wolff, metropolis] } }\\nfss { control = T, size = algorithm } | 2 | fss.size: axis algorithm is a string; expected a number
            fss size not a size      | sweep { model = ising2d, grid { L = [8, 16], T = [2.0, 2.1] } }\\nfss { control = T, size = N } | 2 | fss.size: 'N' is neither a grid axis nor a size model ising2d derives (choices: L, T)
            fss size not derived     | sweep { model = test-derived-size, grid { N = [100, 400], T = [1.0, 2.0] } }\\nfss { control = T, size = M } | 2 | fss.size: 'M' is neither a grid axis nor a size model test-derived-size derives (choices: N, T, or L = the linear size from N, rho)
            fss one size             | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.1] } }\\nfss { control = T, size = L } | 2 | needs at least 2 sizes
            fss unknown observable   | sweep { model = ising2d, grid { L = [8, 16], T = [2.0] } }\\nfss { control = T, size = L, observables = [chi] } | 2 | fss.observables: model ising2d has no scaling form for 'chi'
            fss inverted window      | sweep { model = ising2d, grid { L = [8, 16], T = [2.0] } }\\nfss { control = T, size = L, window = [2.3, 2.2] } | 2 | fss.window: must be [low, high] with low < high
            fss unknown key          | sweep { model = ising2d, grid { L = [8, 16], T = [2.0] } }\\nfss { control = T, size = L, windw = [1, 2] } | 2 | fss.windw: unknown key, did you mean 'window'?
            syntax error             | sweep { model = ising2d, grid { L = [8, T = [2.0] } }                             | 1 | s.conf:1:
            environment substitution | sweep { model = ising2d, name = ${HOME}, grid { L = [8], T = [2.0] } }            | 1 | HOME
            """)
    void malformedConfigIsOneLineWithFileLineAndKey(String what, String text, int line, String expected) {
        ConfigError e = assertThrows(ConfigError.class, () -> load(text.replace("\\n", "\n")));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertTrue(msg.contains(expected), what + ": " + msg);
        assertTrue(msg.contains("s.conf") && msg.contains(":" + line), what + " names file:line: " + msg);
    }

    @Test
    void fssBlockDefaultsToEveryQuantityWithAScalingForm() {
        SweepConfig c = load(VALID + "fss { control = T, size = L }");
        FssSettings f = c.fss().orElseThrow();
        assertEquals(List.of("abs_magnetization", "binder", "susceptibility"), f.observables());
        assertEquals(200, f.bootstrap());
        assertEquals(42, f.seed());
        assertEquals(load(VALID).hash(), c.hash(), "the analysis does not change what is simulated");
    }

    @Test
    void fssSizeMayBeADoubleAxisOrTheModelsDerivedSize() {
        SweepConfig derived = load("sweep { model = test-derived-size, grid { N = [100, 400, 1600], T = [1.0, 1.5, 2.0, 2.5] }, "
                + "params { rho = 0.5 } }\nfss { control = T, size = L }");
        assertEquals("L", derived.fss().orElseThrow().size());
        SweepConfig axis = load("sweep { model = test-derived-size, grid { rho = [0.25, 0.5], T = [1.0, 1.5, 2.0, 2.5] } }\n"
                + "fss { control = T, size = rho }");
        assertEquals("rho", axis.fss().orElseThrow().size());
    }

    @Test
    void includesReadFilesNextToTheConfig() {
        Configs.write(dir, "common.conf", "sweep.params { algorithm = wolff, sweeps = 123 }");
        SweepConfig c = load("include \"common.conf\"\n" + VALID.replace("params { algorithm = wolff, sweeps = 4000, thermalization = 1000 }", ""));
        assertEquals(123L, c.plan().fixed().get("sweeps"));
    }

    @Test
    void includesCannotReachOutsideTheConfigsDirectory() throws Exception {
        Path inner = java.nio.file.Files.createDirectories(dir.resolve("inner"));
        Configs.write(dir, "secret.conf", "sweep.seed = 1");
        Path conf = Configs.write(inner, "s.conf", "include \"../secret.conf\"\n" + VALID);
        ConfigError e = assertThrows(ConfigError.class, () -> ConfigLoader.load(conf, List.of(), null));
        assertTrue(e.getMessage().contains("only files under"), e.getMessage());
        for (String include : List.of("include url(\"http://example.invalid/x.conf\")",
                "include classpath(\"reference.conf\")", "include file(\"/etc/hostname\")")) {
            ConfigError bad = assertThrows(ConfigError.class, () -> load(include + "\n" + VALID), include);
            assertTrue(bad.getMessage().contains("include"), bad.getMessage());
        }
    }

    @Test
    void largeSweepsNeedConfirmation() {
        SweepConfig c = load(VALID + "limits.confirm_tasks = 100");
        ConfigError e = assertThrows(ConfigError.class, () -> c.checkSize(false));
        assertTrue(e.getMessage().contains("168 tasks, more than limits.confirm_tasks = 100") && e.getMessage().contains("--yes"),
                e.getMessage());
        c.checkSize(true);
        load(VALID).checkSize(false);
    }

    @Test
    void missingFileIsNamed() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> ConfigLoader.load(dir.resolve("nope.conf"), List.of(), null));
        assertTrue(e.getMessage().contains("nope.conf: no such config file"));
    }

    @Test
    void badOverrideNamesTheFlag() {
        ConfigError e = assertThrows(ConfigError.class, () -> load(VALID, "sweep.replicas=many"));
        assertTrue(e.getMessage().startsWith("--set sweep.replicas: sweep.replicas: must be an integer"), e.getMessage());
    }
}
