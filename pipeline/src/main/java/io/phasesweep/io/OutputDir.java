package io.phasesweep.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The output directory of one sweep: created fresh, never silently reused, and only ever deleted
 * when phasesweep can prove it wrote it. On any file system ({@link Location}); the methods taking
 * a {@link Path} are the same for a local directory.
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

    private OutputDir() {
    }

    /**
     * The directory a sweep given {@code dir} writes: symbolic links followed to their target (a
     * link is never replaced by a directory), relative paths made absolute.
     */
    public static Path target(Path dir) {
        return ((LocalLocation) Location.local(dir).target()).path();
    }

    /**
     * As {@link #target(Path)}, for a command that reads the output with local tools (DuckDB): a
     * file system URI ({@code hdfs://...}, which a {@link Path} shows as {@code hdfs:/...}) is refused
     * with what to do.
     */
    public static Path localTarget(Path dir, String command) {
        return target(requireLocal(dir, command));
    }

    /** {@code dir}, unless it is a file system URI that {@code command}, reading with local tools, cannot take. */
    public static Path requireLocal(Path dir, String command) {
        if (io.phasesweep.config.OutputPath.isUri(dir.toString()) && !dir.toString().startsWith("file:")) {
            throw new ConfigError(dir + ": " + command + " reads with DuckDB on this machine and needs a local"
                    + " path; copy it here first (e.g. hadoop fs -get URI DIR)");
        }
        return dir;
    }

    /**
     * Checks that {@code dir} can receive a new sweep, before any work starts. An existing non-empty
     * directory is refused unless {@code overwrite}; even then only an earlier phasesweep output is
     * replaced (see {@link #requireOwned}), never an arbitrary directory or one a run is writing.
     */
    public static void checkNew(Path dir, boolean overwrite) {
        checkNew(Location.local(dir), overwrite, null);
    }

    /** As {@link #checkNew(Path, boolean)}, by a run that already holds the lock {@code held}. */
    public static void checkNew(Path dir, boolean overwrite, OutputLock held) {
        checkNew(Location.local(dir), overwrite, held);
    }

    /** As {@link #checkNew(Path, boolean)}, on any file system; {@code held}: the lock this run holds, or null. */
    public static void checkNew(Location dir, boolean overwrite, OutputLock held) {
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
        return checkResumable(Location.local(dir), configHash, held);
    }

    /** As {@link #checkResumable(Path, String, OutputLock)}, on any file system. */
    public static JsonNode checkResumable(Location dir, String configHash, OutputLock held) {
        checkPlace(dir);
        if (!dir.resolve(MANIFEST).isFile()) {
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
    private static void checkPlace(Location dir) {
        if (dir.exists() && !dir.isDirectory()) {
            throw new ConfigError(dir + ": output path exists and is not a directory");
        }
        for (Location a = dir.parent(); a != null; a = a.parent()) {
            if (a.resolve(MANIFEST).isFile() && Manifest.provesOwnership(Manifest.readQuietly(a))) {
                throw new ConfigError(dir + ": output directory is inside the sweep output " + a
                        + "; choose a directory outside it");
            }
        }
        Location parent = dir.parent();
        while (parent != null && !parent.exists()) {
            parent = parent.parent();
        }
        if (parent != null && !parent.isDirectory()) {
            throw new ConfigError(dir + ": output directory cannot be created: " + parent + " is a file");
        }
        if (parent == null || !parent.isWritable() || (dir.exists() && !dir.isWritable())) {
            throw new ConfigError(dir + ": output directory is not writable");
        }
    }

    /**
     * Returns the manifest of {@code dir} if it proves that phasesweep wrote the directory (see
     * {@link Manifest#provesOwnership}) and the directory holds nothing else phasesweep would not
     * have written there; otherwise refuses {@code action}.
     */
    public static JsonNode requireOwned(Path dir, String action) {
        return requireOwned(Location.local(dir), action);
    }

    /** As {@link #requireOwned(Path, String)}, on any file system. */
    public static JsonNode requireOwned(Location dir, String action) {
        if (!dir.resolve(MANIFEST).isFile()) {
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
    private static void requireUnlocked(Location dir) {
        OutputLock.holder(dir).filter(h -> !h.isStale()).ifPresent(h -> {
            throw new ConfigError(dir + ": another phasesweep run is writing this output: " + h + "; wait for it to end");
        });
    }

    /**
     * The sweep's status as a reader should see it: a {@code running} sweep whose writer is gone
     * is {@code interrupted}. Empty if {@code dir} holds no phasesweep output.
     */
    public static Optional<String> sweepStatus(Path dir) {
        return sweepStatus(Location.local(dir));
    }

    /** As {@link #sweepStatus(Path)}, on any file system. */
    public static Optional<String> sweepStatus(Location dir) {
        if (!dir.resolve(MANIFEST).isFile()) {
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

    /**
     * Top-level entries of {@code dir} that no phasesweep run writes. (A manifest's temporary file
     * on HDFS has a suffix of its own, {@code manifest.json.tmp.UUID}.)
     */
    static List<String> foreignEntries(Location dir) {
        try {
            return dir.list().stream().map(Location::name)
                    .filter(n -> !Tables.ALL.contains(n) && !OWN_ENTRIES.contains(n) && !n.startsWith(OutputLock.FILE)
                            && !n.startsWith(MANIFEST + ".tmp."))
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
        return moveAside(Location.local(dir), keep == null ? null : Location.local(keep));
    }

    /**
     * As {@link #moveAside(Path, Path)}, on any file system ({@code keep} may be null). On an
     * object store each file is copied aside, not renamed.
     */
    public static boolean moveAside(Location dir, Location keep) throws IOException {
        Location aside = dir.resolve(REPLACED);
        aside.deleteTree(); // a sweep replaced before, by a replacement that never finished
        boolean moved = false;
        for (Location p : dir.list()) {
            String n = p.name();
            if (n.startsWith(OutputLock.FILE) || n.equals(REPLACED)) {
                continue;
            }
            if (keep != null && p.contains(keep)) {
                for (Location q : p.list()) {
                    if (!q.contains(keep)) {
                        aside.resolve(n).mkdirs();
                        q.moveTo(aside.resolve(n).resolve(q.name()));
                        moved = true;
                    }
                }
                continue;
            }
            aside.mkdirs();
            p.moveTo(aside.resolve(n));
            moved = true;
        }
        return moved;
    }

    /** Puts a sweep moved aside by {@link #moveAside} back, removing what the new one wrote (but its logs). */
    public static void restoreReplaced(Path dir) throws IOException {
        restoreReplaced(Location.local(dir));
    }

    /** As {@link #restoreReplaced(Path)}, on any file system. */
    public static void restoreReplaced(Location dir) throws IOException {
        Location aside = dir.resolve(REPLACED);
        if (!aside.isDirectory()) {
            return;
        }
        for (Location p : dir.list()) {
            String n = p.name();
            if (!n.startsWith(OutputLock.FILE) && !n.equals(REPLACED) && !n.equals(LOGS)) {
                p.deleteTree();
            }
        }
        for (Location p : aside.list()) {
            Location back = dir.resolve(p.name());
            if (back.isDirectory()) {
                for (Location q : p.list()) {
                    q.moveTo(back.resolve(q.name()));
                }
            } else {
                p.moveTo(back);
            }
        }
        aside.deleteTree();
    }

    /** The replaced sweep is gone for good: the new one has committed work. */
    public static void dropReplaced(Path dir) throws IOException {
        dropReplaced(Location.local(dir));
    }

    /** As {@link #dropReplaced(Path)}, on any file system. */
    public static void dropReplaced(Location dir) throws IOException {
        dir.resolve(REPLACED).deleteTree();
    }

    /**
     * Deletes a directory tree (symbolic links inside it are removed, never followed). Files that
     * vanish meanwhile are fine, and a directory that gains entries while it is emptied (a
     * cancelled Spark task still cleaning up its attempt) is walked again, a bounded number of times.
     */
    public static void deleteTree(Path dir) throws IOException {
        Location.local(dir).deleteTree();
    }

    /** Deletes {@code dir} if it exists and is empty (a work area nothing else is using). */
    public static void deleteIfEmpty(Path dir) throws IOException {
        Location.local(dir).deleteIfEmpty();
    }

    /** Whether {@code dir} holds no sweep: absent, empty, or only a lock and logs (a run that never started). */
    public static boolean isEmptyOrAbsent(Path dir) {
        return isEmptyOrAbsent(Location.local(dir));
    }

    /** As {@link #isEmptyOrAbsent(Path)}, on any file system. */
    public static boolean isEmptyOrAbsent(Location dir) {
        if (!dir.exists()) {
            return true;
        }
        try {
            return dir.list().stream().map(Location::name)
                    .allMatch(n -> n.startsWith(OutputLock.FILE) || n.equals(LOGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
