package io.phasesweep.config;

import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** phasesweep-reference.conf is the one list of keys and defaults: the loader, the README and validate agree with it. */
class ReferenceTest {
    @TempDir
    Path dir;

    /** "| `key` | default | meaning |" rows of the README's config reference. */
    private static final Pattern ROW = Pattern.compile("\\| `([a-z_.]+)` \\| (.*?) \\| (.*) \\|");
    /** A config key named in a reader's source: a string literal starting with a top-level block. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:sweep|output|spark|fss|limits)(?:\\.[a-z_]+)*)");

    @Test
    void everyKeyHasADefaultOrSaysWhatUnsetMeans() {
        List<Reference.Entry> entries = Reference.entries();
        assertTrue(entries.size() >= 20, entries.toString());
        for (Reference.Entry e : entries) {
            assertFalse(e.meaning().isBlank(), e.key());
            assertTrue(e.defaultValue() != null || e.meaning().contains("unset: ") || e.meaning().contains("required"),
                    e.key() + " has no default; its comment must say what unset means or that it is required");
        }
    }

    @Test
    void readmeConfigReferenceIsTheReferenceFile() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Config reference");
        assertTrue(start >= 0, "README has a '### Config reference' section");
        List<String> rows = new ArrayList<>();
        for (String line : readme.substring(start).lines().skip(1).takeWhile(l -> !l.startsWith("#")).toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
            }
        }
        List<String> expected = Reference.entries().stream().map(e -> e.key() + " | "
                + (e.defaultValue() == null ? "" : "`" + e.defaultValue() + "`") + " | " + e.meaning()).toList();
        assertEquals(String.join("\n", expected), String.join("\n", rows));
    }

    @Test
    void everyKeyTheReadersNameIsInTheReference() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (Reference.Entry e : Reference.entries()) {
            // A key and every block above it.
            for (String k = e.key(); ; k = k.substring(0, k.lastIndexOf('.'))) {
                documented.add(k);
                if (!k.contains(".")) {
                    break;
                }
            }
        }
        Set<String> named = new TreeSet<>();
        for (String reader : List.of("ConfigLoader", "SweepReader", "SparkReader", "FssReader", "AxisReader",
                "GridCheck", "OutputPath", "GridReader", "ExpressionReader", "RefineReader")) {
            Matcher m = KEY_LITERAL.matcher(Files.readString(
                    Path.of("src/main/java/io/phasesweep/config/" + reader + ".java")));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertTrue(named.contains("sweep.replicas") && named.contains("fss.refine.points"), named.toString());
        named.removeAll(documented);
        assertEquals(Set.of(), named, "keys read by the loader but missing from " + Reference.RESOURCE);
    }

    @Test
    void defaultsAreTheOnesTheLoaderApplies() {
        SweepConfig c = ConfigLoader.load(Configs.write(dir, "d.conf", """
                sweep { model = ising2d, grid { L = [6, 12], T = [2.0, 2.1, 2.2, 2.3] } }
                fss { control = T, size = L, refine {} }
                """), List.of(), null);
        assertEquals(Reference.integer("sweep.seed"), c.plan().sweepSeed());
        assertEquals(Reference.integer("sweep.replicas"), c.plan().replicas());
        assertEquals(Reference.integer("spark.partitions"), c.spark().partitions());
        assertEquals(Reference.bool("spark.ui"), c.spark().ui());
        assertEquals(Reference.integer("limits.confirm_tasks"), c.confirmTasks());
        assertEquals(Reference.integer("fss.bootstrap"), c.fss().orElseThrow().bootstrap());
        assertEquals(Reference.integer("fss.refine.points"), c.fss().orElseThrow().refine().orElseThrow().points());
    }

    @Test
    void settingsSayWhereEachValueCameFrom() {
        Path conf = Configs.write(dir, "s.conf", """
                sweep {
                  model = ising2d
                  replicas = 3
                  grid { L = [6], T = [2.0] }
                }
                """);
        var settings = ConfigLoader.settings(conf, List.of("spark.partitions=7"), null, dir.resolve("o"))
                .stream().collect(Collectors.toMap(Reference.Setting::key, s -> s.value() + " @ " + s.origin()));
        assertEquals("3 @ " + conf + ":3", settings.get("sweep.replicas"));
        assertEquals("7 @ --set spark.partitions", settings.get("spark.partitions"));
        assertEquals("0 @ default", settings.get("sweep.seed"));
        assertEquals("\"" + dir.resolve("o") + "\" @ --out", settings.get("output.dir"));
        assertEquals("(the config file's name without .conf) @ default", settings.get("sweep.name"));
        assertFalse(settings.containsKey("fss.bootstrap"), "no fss block, no fss settings");
    }
}
