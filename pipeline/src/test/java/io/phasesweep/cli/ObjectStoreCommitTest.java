package io.phasesweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasesweep.io.Manifest;
import io.phasesweep.testing.Configs;
import io.phasesweep.testing.ObjectStoreFileSystem;
import io.phasesweep.testing.SameTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps on a file system without atomic renames, an object store's semantics on the local disk
 * ({@link ObjectStoreFileSystem}: a rename copies, then deletes, and can stop in between): chunks
 * and store segments are committed by records, never by renaming a directory, tables by moving their
 * files and writing a {@code _SUCCESS} that lists them last. A crash half way through a table's
 * "rename" loses nothing committed, leaves no table marked committed, and {@code --resume} finishes
 * the sweep with the tables of a local run, bit for bit.
 */
class ObjectStoreCommitTest {
    @TempDir
    Path dir;

    static final String SWEEP = HdfsSweepTest.ISING + """
            spark.conf {
              "spark.hadoop.fs.objstore.impl" = "io.phasesweep.testing.ObjectStoreFileSystem"
              "spark.hadoop.phasesweep.atomic-rename.objstore" = false
            }
            """;

    @Test
    void aCrashHalfWayThroughATablesRenameLosesNothingAndResumeFinishesTheSweep() throws Exception {
        Path conf = Configs.write(dir, "sweep.conf", SWEEP);
        String store = ObjectStoreFileSystem.SCHEME + "://" + dir.resolve("store");
        ObjectStoreFileSystem.directoryRenames();
        // Four partitions, one chunk job: few Spark jobs (each a copy of files here) on a busy machine;
        // the local reference keeps the automatic partitioning, which must not change a bit.
        MainTest.Outcome base = MainTest.execute("run", conf.toString(), "--out",
                ObjectStoreFileSystem.SCHEME + "://" + dir.resolve("base"), "--store", store, "--master", "local[2]",
                "--set", "spark.partitions=4");
        assertEquals(0, base.code(), base.err());
        assertEquals(0, ObjectStoreFileSystem.directoryRenames(), "no directory renamed to commit anything");
        assertEquals(Manifest.COMPLETE, Manifest.read(dir.resolve("base")).path("status").asText());
        assertEquals(committedFiles(dir.resolve("base/replicas")), parquetFiles(dir.resolve("base/replicas")),
                "the table's _SUCCESS lists its files");
        assertTrue(listing(dir.resolve("store/segments")).stream().anyMatch(n -> n.endsWith(".committed")),
                "store segments are committed by records: " + listing(dir.resolve("store/segments")));

        String[] extend = {"--set", "sweep.replicas=3", "--set", "sweep.grid.T=[1.8, 2.1, 2.4, 3.2]"};
        String out = ObjectStoreFileSystem.SCHEME + "://" + dir.resolve("extended");
        ObjectStoreFileSystem.failRenameInto("replicas");
        MainTest.Outcome crashed = MainTest.execute(args(extend, "run", conf.toString(), "--out", out, "--store", store,
                "--master", "local[2]", "--set", "spark.partitions=4"));
        assertNotEquals(0, crashed.code(), crashed.err());
        assertTrue(crashed.err().contains("simulated crash"), crashed.err());
        assertEquals(Manifest.FAILED, Manifest.read(dir.resolve("extended")).path("status").asText());
        assertFalse(Files.exists(dir.resolve("extended/replicas/_SUCCESS")), "a half-moved table is not committed");
        assertTrue(listing(dir.resolve("extended/_work/raw-pass1")).stream().anyMatch(n -> n.endsWith(".committed")),
                "chunks are committed by records: " + listing(dir.resolve("extended/_work/raw-pass1")));

        MainTest.Outcome resumed = MainTest.execute(args(extend, "run", conf.toString(), "--out", out, "--store", store,
                "--resume", "--master", "local[2]", "--set", "spark.partitions=4"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("chunks already done, 0 tasks to go"), resumed.err());
        JsonNode manifest = Manifest.read(dir.resolve("extended"));
        assertEquals(Manifest.COMPLETE, manifest.path("status").asText());
        assertEquals(8, manifest.path("tasks").path("reused").asLong(), manifest.toString());
        assertEquals(committedFiles(dir.resolve("extended/replicas")), parquetFiles(dir.resolve("extended/replicas")));
        assertEquals(0, ObjectStoreFileSystem.directoryRenames(), "no directory renamed to commit anything");

        Path clean = dir.resolve("clean");
        MainTest.Outcome local = MainTest.execute(args(extend, "run", conf.toString(), "--out", clean.toString(), "--no-store",
                "--master", "local[2]"));
        assertEquals(0, local.code(), local.err());
        SameTables.assertSameBits(clean.toString(), dir.resolve("extended").toString(), "crashed mid-rename and resumed");
    }

    private static List<String> committedFiles(Path table) throws Exception {
        List<String> files = new ArrayList<>();
        new ObjectMapper().readTree(table.resolve("_SUCCESS").toFile()).path("files").forEach(f -> files.add(f.asText()));
        return files.stream().sorted().toList();
    }

    private static List<String> parquetFiles(Path table) throws Exception {
        return listing(table).stream().filter(n -> n.endsWith(".parquet")).sorted().toList();
    }

    private static List<String> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** {@code head} then {@code tail}. */
    private static String[] args(String[] tail, String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
