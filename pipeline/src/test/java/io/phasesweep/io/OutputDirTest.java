package io.phasesweep.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasesweep.config.ConfigError;
import io.phasesweep.config.OutputPath;
import io.phasesweep.model.ReplicaRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may delete, write or resume an output directory: ownership, nesting, paths and the lock. No Spark. */
class OutputDirTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @TempDir
    Path dir;

    /** A manifest as phasesweep writes it (the fields that prove it). */
    static ObjectNode manifest(String status) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", Manifest.FORMAT);
        m.put("format_version", Manifest.FORMAT_VERSION);
        m.put("phasesweep_version", "0.1.0-SNAPSHOT");
        m.put("config_hash", "ab".repeat(32));
        m.put("status", status);
        return m;
    }

    static Path sweep(Path out, ObjectNode manifest) throws IOException {
        Files.createDirectories(out.resolve(Tables.REPLICAS));
        Files.writeString(out.resolve(Tables.REPLICAS).resolve("part-0.parquet"), "data");
        Files.write(out.resolve(OutputDir.MANIFEST), JSON.writeValueAsBytes(manifest));
        return out;
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : ":" + size(p))).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aFileMerelyNamedManifestProvesNothingAndNothingIsTouched() throws Exception {
        Path web = dir.resolve("webapp");
        Files.createDirectories(web);
        Files.writeString(web.resolve("manifest.json"), "{\"name\": \"My App\", \"start_url\": \"/\"}");
        Files.writeString(web.resolve("index.html"), "<html></html>");
        List<String> before = tree(web);
        ConfigError e = assertThrows(ConfigError.class, () -> OutputDir.checkNew(web, true));
        assertTrue(e.getMessage().contains("not written by phasesweep"), e.getMessage());
        assertEquals(before, tree(web));
    }

    @Test
    void aPhasesweepOutputHoldingOtherFilesIsNotReplaced() throws Exception {
        Path out = sweep(dir.resolve("out"), manifest(Manifest.COMPLETE));
        Files.writeString(out.resolve("thesis.tex"), "\\section{Results}");
        ConfigError e = assertThrows(ConfigError.class, () -> OutputDir.checkNew(out, true));
        assertTrue(e.getMessage().contains("thesis.tex"), e.getMessage());
        assertTrue(Files.exists(out.resolve("thesis.tex")));
    }

    @Test
    void onlyAProvenOutputMayBeReplacedAndOldOutputsStillProveThemselves() throws Exception {
        Path out = sweep(dir.resolve("out"), manifest(Manifest.COMPLETE));
        OutputDir.checkNew(out, true);
        ObjectNode legacy = manifest(Manifest.COMPLETE);
        legacy.remove(List.of("format", "format_version"));
        legacy.put("rng", ReplicaRunner.RNG_ALGORITHM);
        OutputDir.checkNew(sweep(dir.resolve("legacy"), legacy), true);
        legacy.put("rng", "something else");
        assertThrows(ConfigError.class, () -> OutputDir.checkNew(sweep(dir.resolve("legacy2"), legacy), true));
        ObjectNode badHash = manifest(Manifest.COMPLETE).put("config_hash", "not-a-hash");
        assertThrows(ConfigError.class, () -> OutputDir.checkNew(sweep(dir.resolve("bad"), badHash), true));
        assertThrows(ConfigError.class, () -> OutputDir.checkNew(out, false), "never without --overwrite");
    }

    @Test
    void anOutputInsideAnotherSweepIsRefused() throws Exception {
        Path base = sweep(dir.resolve("base"), manifest(Manifest.COMPLETE));
        for (Path inner : List.of(base.resolve("points/inner"), base.resolve("new"))) {
            ConfigError e = assertThrows(ConfigError.class, () -> OutputDir.checkNew(inner, false));
            assertTrue(e.getMessage().contains("inside the sweep output " + base), e.getMessage());
        }
        OutputDir.checkNew(dir.resolve("beside"), false);
    }

    @Test
    void aSymbolicLinkIsFollowedToItsTargetAndADanglingOneRefused() throws Exception {
        Path target = Files.createDirectories(dir.resolve("real/target"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertEquals(target.toRealPath(), OutputDir.target(link));
        assertEquals(target.toRealPath().resolve("sub"), OutputDir.target(link.resolve("sub")));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThrows(ConfigError.class, () -> OutputDir.target(dangling));
        assertTrue(Files.isSymbolicLink(dangling), "the link stays a link");
    }

    @Test
    void pathsAreLiteral() {
        for (String glob : List.of("out/z*", "out/a?", "out/[ab]", "out/{a,b}", "out/a\\b")) {
            assertTrue(OutputPath.problem(Path.of(glob)).isPresent(), glob);
        }
        assertTrue(OutputPath.problem(Path.of("out/a:b c,d#e%f ü")).isEmpty(), "colons, spaces and the like are fine");
        assertTrue(OutputPath.problem(Path.of("out/" + "x".repeat(256))).orElseThrow().contains("255"));
    }

    @Test
    void aRunningSweepWithoutALiveWriterReadsAsInterrupted() throws Exception {
        Path out = sweep(dir.resolve("out"), manifest(Manifest.RUNNING));
        assertEquals(Manifest.INTERRUPTED, OutputDir.sweepStatus(out).orElseThrow());
        try (OutputLock ignored = OutputLock.acquire(out, QUIET)) {
            assertEquals(Manifest.RUNNING, OutputDir.sweepStatus(out).orElseThrow());
            ConfigError e = assertThrows(ConfigError.class, () -> OutputDir.checkResumable(out, "ab".repeat(32), null));
            assertTrue(e.getMessage().contains("another phasesweep run is writing this output: process "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        OutputDir.checkResumable(out, "ab".repeat(32), null);
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolderAndOnlyTheHolderReleases() throws Exception {
        Path out = dir.resolve("out");
        OutputLock first = OutputLock.acquire(out, QUIET);
        ConfigError e = assertThrows(ConfigError.class, () -> OutputLock.acquire(out, QUIET));
        assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid() + " on "), e.getMessage());
        first.close();
        assertFalse(Files.exists(out.resolve(OutputLock.FILE)));
        try (OutputLock second = OutputLock.acquire(out, QUIET)) {
            first.close(); // a released lock's close must not free the new holder's
            assertTrue(Files.exists(out.resolve(OutputLock.FILE)));
        }
    }

    @Test
    void writersRacingForOneDirectoryGetExactlyOneLock() throws Exception {
        Path out = dir.resolve("race");
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<OutputLock> held = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    held.add(OutputLock.acquire(out, QUIET));
                    won.incrementAndGet();
                } catch (ConfigError e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, won.get());
        assertEquals(writers - 1, refused.get());
        held.forEach(OutputLock::close);
    }

    @Test
    void theStaleLockOfAProcessThatEndedIsBrokenWithAMessage() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ObjectNode stale = lockOf(gone.pid());
        Files.write(out.resolve(OutputLock.FILE), JSON.writeValueAsBytes(stale));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (OutputLock lock = OutputLock.acquire(out, new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("broke the stale lock of process " + gone.pid()),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLockHeldOnAnotherHostIsLeftAloneWithWhatToDo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ObjectNode remote = lockOf(1).put("host", "another-node.cluster").put("boot_id", "");
        Files.write(out.resolve(OutputLock.FILE), JSON.writeValueAsBytes(remote));
        ConfigError e = assertThrows(ConfigError.class, () -> OutputLock.acquire(out, QUIET));
        assertTrue(e.getMessage().contains("another-node.cluster"), e.getMessage());
        assertTrue(e.getMessage().contains("delete " + out.resolve(OutputLock.FILE)), e.getMessage());
        assertTrue(Files.exists(out.resolve(OutputLock.FILE)));
    }

    /** A lock file as this host's process {@code pid} would have written it. */
    private static ObjectNode lockOf(long pid) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("host", Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        n.put("boot_id", Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip());
        n.put("pid", pid);
        n.put("process_start", "2000-01-01T00:00:00Z");
        n.put("acquired", "2000-01-01T00:00:00Z");
        n.put("token", "stale");
        return n;
    }

    @Test
    void anEarlierSweepWaitsAsideUntilTheNewOneCommitsAndCanBeRestoredWhole() throws Exception {
        Path out = sweep(dir.resolve("out"), manifest(Manifest.COMPLETE));
        Files.createDirectories(out.resolve(OutputDir.LOGS));
        Files.writeString(out.resolve(OutputDir.LOGS).resolve("run-old.log"), "old");
        List<String> before = tree(out);
        Path log = Files.writeString(out.resolve(OutputDir.LOGS).resolve("run-new.log"), "new");
        try (OutputLock lock = OutputLock.acquire(out, QUIET)) {
            assertTrue(OutputDir.moveAside(out, log));
            try (Stream<Path> left = Files.list(out)) {
                assertEquals(List.of(OutputLock.FILE, OutputDir.LOGS, OutputDir.REPLACED),
                        left.map(p -> p.getFileName().toString()).sorted().toList(), "the new sweep starts afresh");
            }
            Files.writeString(out.resolve(OutputDir.MANIFEST), "{\"new\": true}");
            Files.createDirectories(out.resolve(OutputDir.WORK));
            OutputDir.restoreReplaced(out);
        }
        Files.delete(log);
        assertEquals(before, tree(out), "the earlier sweep is back byte for byte");

        try (OutputLock lock = OutputLock.acquire(out, QUIET)) {
            OutputDir.moveAside(out, null);
            OutputDir.dropReplaced(out);
        }
        assertEquals(List.of("/"), tree(out), "once the new sweep has committed work the old one is gone");
    }
}
