package io.phasesweep.config;

import io.phasesweep.grid.Factor;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid language beyond the product (issue 23): links, expressions, sampled designs, refinement, as the loader reads them. */
class GridFormsConfigTest {
    @TempDir
    Path dir;

    private SweepConfig load(String text, String... sets) {
        return ConfigLoader.load(Configs.write(dir, "s.conf", text), List.of(sets), null);
    }

    @Test
    void linkedAxesAreOneFactorOfTheProductInTheOrderWritten() {
        SweepConfig c = load("""
                sweep {
                  model = ising2d
                  grid {
                    T = [2.0, 2.5]
                    link { L = [8, 16, 32], sweeps = [2000, 4000, 8000] }
                  }
                }
                """);
        Grid g = c.plan().grid();
        assertEquals(6, g.size());
        assertEquals(List.of("T", "L", "sweeps"), g.names());
        assertEquals(Factor.Form.LINK, g.factors().get(1).form());
        assertArrayEquals(new Object[]{2.5, 16, 4000L}, g.point(4));
    }

    @Test
    void aLinkedRunLengthMayRepeatButAnEntryMayNot() {
        SweepConfig c = load("sweep { model = ising2d, grid { T = 2.0, link { L = [8, 16], sweeps = [1000, 1000] } } }");
        assertEquals(2, c.plan().grid().size());
        ConfigError e = assertThrows(ConfigError.class,
                () -> load("sweep { model = ising2d, grid { T = 2.0, link { L = [8, 8], sweeps = [1000, 1000] } } }"));
        assertTrue(e.getMessage().contains("sweep.grid.link: repeats the entry (L=8, sweeps=1000)"), e.getMessage());
    }

    @Test
    void expressionsResolvePerPointRoundIntegersAndEnterTheSeedAsTheirValues() {
        SweepConfig c = load("""
                sweep {
                  model = ising2d
                  seed = 3
                  grid { L = [8, 16], T = [2.0] }
                  params { thermalization = "L / 3", sweeps = "100 * L" }
                }
                """);
        Grid g = c.plan().grid();
        // Written on one line, expressions follow each other by name.
        assertEquals(List.of("L", "T", "sweeps", "thermalization"), g.names());
        // 8 / 3 = 2.67 and 16 / 3 = 5.33: the nearest integers.
        assertArrayEquals(new Object[]{8, 2.0, 800L, 3L}, g.point(0));
        assertArrayEquals(new Object[]{16, 2.0, 1600L, 5L}, g.point(1));
        assertEquals(5L, c.plan().params(g.point(1)).getLong("thermalization"));
        // The seed hashes the resolved values: another text with the same values gives the same seeds.
        SweepConfig same = load("""
                sweep {
                  model = ising2d
                  seed = 3
                  grid { L = [8, 16], T = [2.0] }
                  params { thermalization = "floor(L / 3 + 0.5)", sweeps = "L * 100" }
                }
                """);
        for (long i = 0; i < g.size(); i++) {
            assertEquals(c.plan().seed(g.point(i), 1), same.plan().seed(same.plan().grid().point(i), 1));
        }
        SweepConfig other = load("""
                sweep {
                  model = ising2d
                  seed = 3
                  grid { L = [8, 16], T = [2.0] }
                  params { thermalization = "L / 3", sweeps = "101 * L" }
                }
                """);
        assertNotEquals(c.plan().seed(g.point(0), 1), other.plan().seed(other.plan().grid().point(0), 1));
    }

    @Test
    void anExpressionOfFixedValuesOnlyIsAFixedValueLikeAnyNumber() {
        SweepConfig c = load("""
                sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { sweeps = 4000, thermalization = "sweeps / 4" } }
                """);
        assertEquals(1000L, c.plan().fixed().get("thermalization"));
        assertTrue(c.plan().grid().derived().isEmpty());
        SweepConfig number = load("""
                sweep { model = ising2d, grid { L = [8], T = [2.0] }, params { sweeps = 4000, thermalization = 1000 } }
                """);
        assertEquals(number.hash(), c.hash(), "a constant expression is its value: the same sweep");
        assertEquals(number.plan().seed(number.plan().grid().point(0), 0), c.plan().seed(c.plan().grid().point(0), 0));
    }

    @Test
    void expressionsMayUseEachOtherInAnyOrderWritten() {
        SweepConfig c = load("""
                sweep {
                  model = ising2d
                  grid { L = [8, 16], T = [2.0] }
                  params {
                    thermalization = "sweeps / 10"
                    sweeps = "50 * L^2"
                  }
                }
                """);
        assertEquals(List.of("L", "T", "sweeps", "thermalization"), c.plan().grid().names(), "each after what it uses");
        assertArrayEquals(new Object[]{16, 2.0, 12800L, 1280L}, c.plan().grid().point(1));
    }

    /** A sweep written the way every earlier version read it keeps its hash, so --resume and records still match. */
    @Test
    void aPlainGridHashesAsBefore() {
        SweepConfig c = load(ConfigLoaderTest.VALID);
        // The canonical JSON of the pre-issue-23 loader, hashed independently.
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            t.append(i == 0 ? "" : ",").append(((Double) c.plan().grid().axes().get(1).values().get(i)).toString());
        }
        String json = "{\"grid\":[{\"name\":\"L\",\"values\":[16,32]},{\"name\":\"T\",\"values\":[" + t + "]}],"
                + "\"model\":\"ising2d\",\"params\":{\"algorithm\":\"wolff\",\"sweeps\":4000,\"thermalization\":1000},"
                + "\"replicas\":4,\"seed\":42}";
        assertEquals(sha256(json), c.hash());
        assertTrue(c.plan().grid().isPlainProduct());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSampledDesignIsDrawnFromTheSweepSeedAndCombinesWithListAxes() {
        String text = """
                sweep {
                  model = ising2d
                  seed = 11
                  grid {
                    L = [8, 16]
                    design = latin_hypercube
                    points = 32
                    ranges { T = [1.5, 3.5], h = [0, 0.5] }
                  }
                  params { algorithm = metropolis }
                }
                """;
        SweepPlan a = load(text).plan();
        SweepPlan b = load(text).plan();
        assertEquals(64, a.grid().size());
        assertEquals(List.of("L", "T", "h"), a.grid().names());
        assertEquals(Factor.Form.LATIN_HYPERCUBE, a.grid().factors().get(1).form());
        for (long i = 0; i < a.grid().size(); i++) {
            Object[] p = a.grid().point(i);
            assertArrayEquals(p, b.grid().point(i));
            assertTrue((Double) p[1] >= 1.5 && (Double) p[1] <= 3.5 && (Double) p[2] >= 0 && (Double) p[2] <= 0.5);
        }
        assertEquals(load(text).hash(), load(text).hash());
        SweepPlan reseeded = load(text, "sweep.seed=12").plan();
        assertFalse(java.util.Arrays.equals(a.grid().point(0), reseeded.grid().point(0)));
    }

    @Test
    void theFssSizeMayBeLinkedWithItsRunLengthAndStillGroupsBySize() {
        SweepConfig c = load("""
                sweep {
                  model = ising2d
                  grid { link { L = [8, 16], sweeps = [1000, 2000] }, T = [2.1, 2.2, 2.3, 2.4], h = [0.0] }
                  params { thermalization = "10 * L^2" }
                }
                fss { control = T, size = L }
                """);
        assertEquals("L", c.fss().orElseThrow().size());
        assertEquals(List.of("h"), c.plan().grid().axesApartFrom(List.of("T", "L")).stream()
                .map(io.phasesweep.grid.Axis::name).toList(), "sweeps and thermalization follow L: no group of their own");
    }

    @Test
    void refinementSettingsAndTheirDefaults() {
        SweepConfig c = load("""
                sweep {
                  model = kuramoto1d
                  grid { K = [0.5, 1.0, 1.5], D = [0.01, 0.1], N = [16] }
                  params { t_max = 50.0, transient = 10.0 }
                  refine { along = phases }
                }
                """);
        RefineSettings r = c.refine().orElseThrow();
        assertEquals(Reference.integer("sweep.refine.passes"), r.passes());
        assertEquals(List.of("D", "K"), r.axes(), "every plain real axis, in grid order (one line: by name); N is an integer");
        assertNotEquals(load("""
                sweep {
                  model = kuramoto1d
                  grid { K = [0.5, 1.0, 1.5], D = [0.01, 0.1], N = [16] }
                  params { t_max = 50.0, transient = 10.0 }
                }
                """).hash(), c.hash(), "a refinement changes what is simulated");
    }

    /** Each hostile or mistaken form: one line, file:line, the key, what was expected. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            link lengths differ          | sweep { model = ising2d, grid { T = 2.0, link { L = [8, 16, 32], sweeps = [2000, 4000] } } } | sweep.grid.link.sweeps: has 2 values but L has 3
            linked and a plain axis      | sweep { model = ising2d, grid { L = [8], T = 2.0, link { L = [8, 16], sweeps = [1, 2] } } }    | sweep.grid.link.L: also swept at sweep.grid.L
            linked and a param           | sweep { model = ising2d, grid { T = 2.0, link { L = [8, 16], sweeps = [1, 2] } }, params { sweeps = 5 } } | sweep.grid.link.sweeps: also set in sweep.params
            link of nothing              | sweep { model = ising2d, grid { T = 2.0, link = [8] } }                                         | sweep.grid.link: must be a block
            linked unknown parameter     | sweep { model = ising2d, grid { T = 2.0, link { L = [8, 16], sweps = [1, 2] } } }              | sweep.grid.link.sweps: model ising2d has no parameter 'sweps', did you mean 'sweeps'?
            unknown name                 | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { thermalization = "10 * Lx^2" } }  | sweep.params.thermalization: "10 * Lx^2" uses 'Lx', which is not a parameter of model ising2d, did you mean 'L'?
            code, not arithmetic         | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "java.lang.System.exit(0)" } } | sweep.params.sweeps: "java.lang.System.exit(0)" is not arithmetic: '.' at character 5
            the environment              | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "${HOME}" } }            | sweep.params.sweeps: "${HOME}" is not arithmetic: '$' at character 1
            unknown function             | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "getenv(L)" } }          | calls 'getenv', which is not one of the functions
            division by zero             | sweep { model = ising2d, grid { L = [8, 16], T = 2.0 }, params { sweeps = "1000 / (L - 8)" } } | sweep.params.sweeps: sweeps = "1000 / (L - 8)" is not a finite number (NaN
            log of a negative            | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { h = "log(T - 3)" } }               | sweep.params.h: h = "log(T - 3)" is not a finite number
            swept and an expression      | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { L = "2 * 8" } }                    | sweep.grid.L: also set in sweep.params
            int out of range             | sweep { model = ising2d, grid { T = [2.0], sweeps = [10] }, params { L = "1e12 * T" } }          | sweep.params.L: L = "1e12 * T" gives 2.0E12, beyond the range of L (a int, at most 2147483647)
            below the parameter's minimum| sweep { model = ising2d, grid { L = [8, 16], T = 2.0 }, params { thermalization = "100 - L^2" } } | sweep.params.thermalization: thermalization must be >= 0, got -156 (at grid point L=16, T=2.0)
            constant below its minimum   | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "2 - 5" } }              | sweep.params.sweeps: sweeps = "2 - 5" = -3: must be >= 1, got -3
            constant beyond an array     | sweep { model = ising2d, grid { T = 2.0 }, params { L = "2^20" } }                              | sweep.params.L: L = "2^20" = 1048576: must be <= 
            a cycle                      | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "thermalization * 2", thermalization = "sweeps / 2" } } | expressions use each other in a cycle: sweeps -> thermalization -> sweeps
            itself                       | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "sweeps + 1" } }          | cycle: sweeps -> sweeps
            a string parameter           | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "algorithm * 2" } }       | sweep.params.sweeps: uses algorithm, a string
            no value                     | sweep { model = ising2d, grid { L = [8] }, params { sweeps = "T * 100" } }                       | sweep.params.sweeps: uses T, which has no value in this sweep
            malformed                    | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "(L * 2" } }              | sweep.params.sweeps: "(L * 2" is not a well-formed expression
            empty                        | sweep { model = ising2d, grid { L = [8], T = 2.0 }, params { sweeps = "" } }                    | sweep.params.sweeps: "" is empty
            zero points                  | sweep { model = ising2d, grid { L = [8], design = sobol, points = 0, ranges { T = [1, 2] } } } | sweep.grid.points: must be >= 1, got 0
            reversed range               | sweep { model = ising2d, grid { L = [8], design = sobol, points = 8, ranges { T = [3.5, 1.5] } } } | sweep.grid.ranges.T: reversed range [3.5, 1.5]: write it [low, high]
            empty range                  | sweep { model = ising2d, grid { L = [8], design = sobol, points = 8, ranges { T = [2, 2] } } } | sweep.grid.ranges.T: low = high = 2.0
            range not a pair             | sweep { model = ising2d, grid { L = [8], design = sobol, points = 8, ranges { T = [1, 2, 3] } } } | sweep.grid.ranges.T: must be [low, high]
            range outside the parameter  | sweep { model = ising2d, grid { L = [8], design = sobol, points = 8, ranges { T = [0, 2] } } } | sweep.grid.ranges.T: bound must be > 0, got 0.0
            sampled integer              | sweep { model = ising2d, grid { T = 2.0, design = random, points = 8, ranges { L = [8, 64] } } } | sweep.grid.ranges.L: L is a int; a design samples real-valued parameters
            unknown design               | sweep { model = ising2d, grid { L = [8], design = sobel, points = 8, ranges { T = [1, 2] } } } | sweep.grid.design: unknown design 'sobel', did you mean 'sobol'?
            points without a design      | sweep { model = ising2d, grid { L = [8], T = 2.0, points = 8 } }                               | sweep.grid.points: belongs to a sampled design: add design = sobol, random, latin_hypercube
            design without points        | sweep { model = ising2d, grid { L = [8], design = sobol, ranges { T = [1, 2] } } }              | sweep.grid.design: needs points = N
            design without ranges        | sweep { model = ising2d, grid { L = [8], T = 2.0, design = sobol, points = 8 } }                | sweep.grid.design: needs ranges
            sampled and a param          | sweep { model = ising2d, grid { L = [8], design = sobol, points = 8, ranges { T = [1, 2] } }, params { T = 2.0 } } | sweep.grid.ranges.T: also set in sweep.params
            too many points              | sweep { model = ising2d, grid { L = [8], design = sobol, points = 1000000, ranges { T = [1, 2] } } } | sweep.grid.points: must be <= 100000
            refine without phases        | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.5] }, refine { along = phases } }          | sweep.refine.along: model ising2d names no phases; refine along an observable instead, with a threshold
            refine unknown observable    | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.5] }, refine { along = bindr, threshold = 0.1 } } | sweep.refine.along: model ising2d has no observable 'bindr', did you mean 'binder'?
            refine without threshold     | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.5] }, refine { along = binder } }          | sweep.refine: sweep.refine.threshold is missing
            refine negative threshold    | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.5] }, refine { along = binder, threshold = -1 } } | sweep.refine.threshold: must be > 0, got -1.0
            refine an integer axis       | sweep { model = ising2d, grid { L = [8, 16], T = [2.0, 2.5] }, refine { along = binder, threshold = 0.1, axes = [L] } } | sweep.refine.axes: 'L' is not a plain real-valued axis
            refine nothing refinable     | sweep { model = ising2d, grid { L = [8, 16], T = 2.0 }, refine { along = binder, threshold = 0.1 } } | sweep.refine: refinement bisects plain real-valued axes
            refine zero passes           | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.5] }, refine { along = binder, threshold = 0.1, passes = 0 } } | sweep.refine.passes: must be >= 1, got 0
            refine unknown key           | sweep { model = ising2d, grid { L = [8], T = [2.0, 2.5] }, refine { along = binder, treshold = 0.1 } } | sweep.refine.treshold: unknown key, did you mean 'threshold'?
            refine a ladder              | sweep { model = test-ladder, grid { T = [1.0, 2.0] }, refine { along = temperature, threshold = 0.1 } } | sweep.refine: model test-ladder runs T as a ladder
            linked ladder axis           | sweep { model = test-ladder, grid { link { T = [1.0, 2.0], sweeps = [10, 20] } } }              | sweep.grid.link.T: model test-ladder runs T as a ladder (one task covers every value): it must be a plain list or range axis, not linked
            expression of a ladder       | sweep { model = test-ladder, grid { T = [1.0, 2.0] }, params { sweeps = "10 / T" } }            | sweep.params.sweeps: depends on T, which model test-ladder runs as a ladder
            fss control sampled          | sweep { model = ising2d, grid { L = [8, 16], design = sobol, points = 8, ranges { T = [2, 3] } } }\\nfss { control = T, size = L } | fss.control: T is sampled by the sobol design
            fss control derived          | sweep { model = ising2d, grid { L = [8, 16], T = [2.0, 2.1, 2.2, 2.3] }, params { h = "T - 2" } }\\nfss { control = h, size = L } | fss.control: 'h' is computed from an expression, not swept
            fss size linked with control | sweep { model = ising2d, grid { link { L = [8, 16, 32, 64], T = [2.0, 2.1, 2.2, 2.3] } } }\\nfss { control = T, size = L } | fss.size: L and T are linked
            fss refine a linked control  | sweep { model = ising2d, grid { L = [8, 16], link { T = [2.0, 2.1, 2.2, 2.3], sweeps = [1, 2, 3, 4] } } }\\nfss { control = T, size = L, refine {} } | fss.refine: T is linked with sweeps
            both refinements             | sweep { model = ising2d, grid { L = [8, 16], T = [2.0, 2.1, 2.2, 2.3] }, refine { along = binder, threshold = 0.1 } }\\nfss { control = T, size = L, refine {} } | sweep.refine: and fss.refine both add passes; keep one
            """)
    void badFormsAreOneLineWithFileLineKeyAndWhatWasExpected(String what, String text, String expected) {
        ConfigError e = assertThrows(ConfigError.class, () -> load(text.replace("\\n", "\n")));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertTrue(msg.contains(expected), what + ": " + msg);
        assertTrue(msg.startsWith(dir.resolve("s.conf") + ":"), what + " names file:line: " + msg);
    }

    /** link, design, points and ranges are forms under sweep.grid: a parameter of that name could not be swept. */
    @Test
    void noModelParameterIsNamedLikeAGridForm() {
        assertEquals(java.util.Set.of("link", "design", "points", "ranges"), Reference.keys("sweep.grid"));
        for (var type : io.phasesweep.model.ModelRegistry.all()) {
            for (var p : type.parameters()) {
                assertFalse(Reference.keys("sweep.grid").contains(p.name()), type.name() + "." + p.name());
            }
        }
    }

    @Test
    void aConfigWithoutTheNewFormsReadsAsItAlwaysDid() {
        SweepConfig c = load(ConfigLoaderTest.VALID);
        assertTrue(c.refine().isEmpty());
        List<Factor.Form> forms = new ArrayList<>();
        c.plan().grid().factors().forEach(f -> forms.add(f.form()));
        assertEquals(List.of(Factor.Form.AXIS, Factor.Form.AXIS), forms);
        assertEquals(Map.of("sweeps", 4000L, "thermalization", 1000L, "algorithm", "wolff"), c.plan().fixed());
    }
}
