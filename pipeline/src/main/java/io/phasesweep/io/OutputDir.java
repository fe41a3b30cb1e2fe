package io.phasesweep.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output directory of one sweep: created fresh, never silently reused, and only ever deleted
 * when phasesweep can prove it wrote it.
 */
public final class OutputDir {
    public static final String MANIFEST = "manifest.json";
    public static final String WORK = "_work";
    /** The runs' logs (Spark's warnings and errors, full stack traces), kept with the output. */
    public static final String LOGS = "_logs";
    /** Where an earlier sweep waits while the sweep replacing it gets under way (see {@link #moveAside}). */
    public static final String REPLACED = "_replaced";
    /** Figures drawn from the tables by {@code phasesweep plot}. */
    public static final String PLOTS = "plots";
    /** The HTML report {@code phasesweep report} (or {@code run --report}) writes. */
    public static final String REPORT = "report";
    /** The task-store keys of the sweep's tasks, for {@code store gc --keep-referenced}. */
    public static final String TASK_KEYS = "_task_keys";
    /** What a run writes at the top of its output besides the tables (and the lock's files). */
    private static final Set<String> OWN_ENTRIES = Set.of(MANIFEST, MANIFEST + ".tmp", WORK, LOGS, REPLACED, PLOTS,
            REPORT, TASK_KEYS);
    private static final int DELETE_ROUNDS = 20;

    private OutputDir() {
    }

    /**
     * The directory a sweep given {@code dir} writes: symbolic links followed to their target (a
     * link is never replaced by a directory), relative paths made absolute.
     */
    public static Path target(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
            throw new ConfigError(dir + ": output path is a symbolic link to a missing target; create the target"
                    + " directory or choose another --out");
        }
        Path existing = abs;
        Path rest = abs.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            throw new ConfigError(dir + ": cannot resolve the output path: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code dir} can receive a new sweep, before any work starts. An existing non-empty
     * directory is refused unless {@code overwrite}; even then only an earlier phasesweep output is
     * replaced (see {@link #requireOwned}), never an arbitrary directory or one a run is writing.
     */
    public static void checkNew(Path dir, boolean overwrite) {
        checkNew(dir, overwrite, null);
    }

    /** As {@link #checkNew(Path, boolean)}, by a run that already holds the lock {@code held}. */
    public static void checkNew(Path dir, boolean overwrite, OutputLock held) {
        checkPlace(dir);
        if (!isEmptyOrAbsent(dir)) {
            Optional<String> status = sweepStatus(dir);
            if (!overwrite) {
                throw new ConfigError(dir + ": output directory already holds "
                        + status.map(s -> "a sweep (" + s + ")").orElse("files")
                        + (status.filter(s -> s.equals("interrupted") || s.equals("failed")).isPresent()
                        ? "; finish it with --resume, choose another --out, or pass --overwrite to replace it"
                        : "; choose another --out, or pass --overwrite to replace an earlier sweep"));
            }
            requireOwned(dir, "--overwrite");
            if (held == null) {
                requireUnlocked(dir);
            }
        }
    }

    /** Checks that a sweep may be resumed in {@code dir}; returns its manifest. */
    public static JsonNode checkResumable(Path dir, String configHash, OutputLock held) {
        checkPlace(dir);
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new ConfigError(dir + ": nothing to resume (no " + MANIFEST + "); run without --resume");
        }
        JsonNode m = requireOwned(dir, "--resume");
        if (held == null) {
            requireUnlocked(dir);
        }
        if (!configHash.equals(m.path("config_hash").asText())) {
            throw new ConfigError(dir + ": --resume refused: the sweep there was started from a different config (hash "
                    + m.path("config_hash").asText() + ", this config " + configHash
                    + "); use the same config, or another --out");
        }
        if ("complete".equals(m.path("status").asText())) {
            throw new ConfigError(dir + ": the sweep there is already complete; nothing to resume");
        }
        return m;
    }

    /**
     * Refuses an output path that is not a directory, lies inside another sweep's output (its
     * tables would gain a foreign subdirectory, and replacing that sweep would delete this one), or
     * whose parent cannot take a directory.
     */
    private static void checkPlace(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigError(dir + ": output path exists and is not a directory");
        }
        for (Path a = dir.getParent(); a != null; a = a.getParent()) {
            if (Files.isRegularFile(a.resolve(MANIFEST)) && Manifest.provesOwnership(Manifest.readQuietly(a))) {
                throw new ConfigError(dir + ": output directory is inside the sweep output " + a
                        + "; choose a directory outside it");
            }
        }
        Path parent = dir.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ConfigError(dir + ": output directory cannot be created: " + parent + " is a file");
        }
        if (parent == null || !Files.isWritable(parent) || (Files.exists(dir) && !Files.isWritable(dir))) {
            throw new ConfigError(dir + ": output directory is not writable");
        }
    }

    /**
     * Returns the manifest of {@code dir} if it proves that phasesweep wrote the directory (see
     * {@link Manifest#provesOwnership}) and the directory holds nothing else phasesweep would not
     * have written there; otherwise refuses {@code action}.
     */
    public static JsonNode requireOwned(Path dir, String action) {
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new ConfigError(dir + ": " + action + " only acts on an earlier phasesweep output (with its "
                    + MANIFEST + "); this directory has other files, refusing to touch it");
        }
        JsonNode m = Manifest.readQuietly(dir);
        if (!Manifest.provesOwnership(m)) {
            throw new ConfigError(dir + ": " + MANIFEST + " there was not written by phasesweep; " + action
                    + " refused, nothing touched");
        }
        List<String> foreign = foreignEntries(dir);
        if (!foreign.isEmpty()) {
            throw new ConfigError(dir + ": holds files phasesweep did not write (" + String.join(", ", foreign)
                    + "); " + action + " refused, nothing touched: move them elsewhere first");
        }
        return m;
    }

    /** Refuses a directory a live run holds; a stale lock is left for the new run to break. */
    private static void requireUnlocked(Path dir) {
        OutputLock.holder(dir).filter(h -> !h.isStale()).ifPresent(h -> {
            throw new ConfigError(dir + ": another phasesweep run is writing this output: " + h + "; wait for it to end");
        });
    }

    /**
     * The sweep's status as a reader should see it: a {@code running} sweep whose writer is gone
     * is {@code interrupted}. Empty if {@code dir} holds no phasesweep output.
     */
    public static Optional<String> sweepStatus(Path dir) {
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            return Optional.empty();
        }
        JsonNode m = Manifest.readQuietly(dir);
        if (!Manifest.provesOwnership(m)) {
            return Optional.empty();
        }
        String status = m.path("status").asText();
        if (status.equals(Manifest.RUNNING) && OutputLock.holder(dir).map(OutputLock.Holder::isStale).orElse(true)) {
            return Optional.of(Manifest.INTERRUPTED);
        }
        return Optional.of(status);
    }

    /** Top-level entries of {@code dir} that no phasesweep run writes. */
    static List<String> foreignEntries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !Tables.ALL.contains(n) && !OWN_ENTRIES.contains(n) && !n.startsWith(OutputLock.FILE))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves an earlier sweep's files (already vetted by {@link #requireOwned}) into
     * {@code dir/_replaced}, keeping the lock and the file {@code keep} (this run's log) in place:
     * the new sweep starts in an empty directory, and until it has committed work the earlier one
     * can be put back ({@link #restoreReplaced}) should the new one fail to start. Returns whether
     * anything was moved.
     */
    public static boolean moveAside(Path dir, Path keep) throws IOException {
        Path aside = dir.resolve(REPLACED);
        deleteTree(aside); // a sweep replaced before, by a replacement that never finished
        boolean moved = false;
        for (Path p : entries(dir)) {
            String n = p.getFileName().toString();
            if (n.startsWith(OutputLock.FILE) || n.equals(REPLACED)) {
                continue;
            }
            if (keep != null && keep.startsWith(p)) {
                for (Path q : entries(p)) {
                    if (!keep.startsWith(q)) {
                        Files.createDirectories(aside.resolve(n));
                        Files.move(q, aside.resolve(n).resolve(q.getFileName()));
                        moved = true;
                    }
                }
                continue;
            }
            Files.createDirectories(aside);
            Files.move(p, aside.resolve(n));
            moved = true;
        }
        return moved;
    }

    /** Puts a sweep moved aside by {@link #moveAside} back, removing what the new one wrote (but its logs). */
    public static void restoreReplaced(Path dir) throws IOException {
        Path aside = dir.resolve(REPLACED);
        if (!Files.isDirectory(aside)) {
            return;
        }
        for (Path p : entries(dir)) {
            String n = p.getFileName().toString();
            if (!n.startsWith(OutputLock.FILE) && !n.equals(REPLACED) && !n.equals(LOGS)) {
                deleteTree(p);
            }
        }
        for (Path p : entries(aside)) {
            Path back = dir.resolve(p.getFileName());
            if (Files.isDirectory(back)) {
                for (Path q : entries(p)) {
                    Files.move(q, back.resolve(q.getFileName()));
                }
            } else {
                Files.move(p, back);
            }
        }
        deleteTree(aside);
    }

    /** The replaced sweep is gone for good: the new one has committed work. */
    public static void dropReplaced(Path dir) throws IOException {
        deleteTree(dir.resolve(REPLACED));
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /**
     * Deletes a directory tree (symbolic links inside it are removed, never followed). Files that
     * vanish meanwhile are fine, and a directory that gains entries while it is emptied (a
     * cancelled Spark task still cleaning up its attempt) is walked again, a bounded number of times.
     */
    public static void deleteTree(Path dir) throws IOException {
        for (int round = 1; ; round++) {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(dir)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof NoSuchFileException && round < DELETE_ROUNDS) {
                    continue;
                }
                throw e.getCause();
            }
            try {
                for (Path p : paths) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (DirectoryNotEmptyException e) {
                if (round == DELETE_ROUNDS) {
                    throw e;
                }
            }
        }
    }

    /** Deletes {@code dir} if it exists and is empty (a work area nothing else is using). */
    public static void deleteIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // Still in use (a run's chunks or checkpoints): leave it.
        }
    }

    /** Whether {@code dir} holds no sweep: absent, empty, or only a lock and logs (a run that never started). */
    public static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .allMatch(n -> n.startsWith(OutputLock.FILE) || n.equals(LOGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
