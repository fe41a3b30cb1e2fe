package io.phasesweep.store;

import io.phasesweep.config.ConfigError;
import io.phasesweep.io.Commits;
import io.phasesweep.io.Location;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A directory of computed tasks shared by sweeps: immutable Parquet segments of
 * {@link Tables#stored() stored rows}, each written under {@code _incoming/} and moved into
 * {@code segments/} in one step, so a reader sees a segment whole or not at all. Two sweeps that
 * append at once write two segments; a task stored twice has the same bits in both, and readers
 * drop the duplicate rows. A marker file says the directory is a store, so that {@code --store}
 * pointed at anything else is refused instead of filled.
 *
 * <p>On any file system ({@link Location}). Where renames are not atomic (object stores) a segment
 * is written under {@code segments/_incoming/} and committed by a record beside it
 * ({@link Commits}), not moved.
 */
public final class TaskStore {
    public static final String MARKER = "phasesweep-store.json";
    static final String SEGMENTS = "segments";
    private static final String INCOMING = "_incoming";
    private static final String SEGMENT = "segment-";

    private final Location dir;

    private TaskStore(Location dir) {
        this.dir = dir;
    }

    /** The store in {@code dir}, created if absent; a non-empty directory without the marker is refused. */
    public static TaskStore open(Path dir) {
        return open(Location.local(dir.toAbsolutePath().normalize()), dir.toString());
    }

    /** As {@link #open(Path)}, on any file system. */
    public static TaskStore open(Location dir) {
        return open(dir.target(), dir.toString());
    }

    private static TaskStore open(Location abs, String given) {
        try {
            if (!abs.resolve(MARKER).exists()) {
                if (!OutputDir.isEmptyOrAbsent(abs)) {
                    throw new ConfigError("--store " + given + ": not a phasesweep task store (no " + MARKER
                            + ") and not empty; give an empty or new directory");
                }
                abs.resolve(SEGMENTS).mkdirs();
                abs.resolve(MARKER).write("{\"format\": \"phasesweep-store\", \"format_version\": 1}\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            abs.resolve(SEGMENTS).mkdirs();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the task store " + abs, e);
        }
        return new TaskStore(abs);
    }

    /** An existing store, for the store commands: refused where there is none. */
    public static TaskStore existing(Path dir) {
        return existing(Location.local(dir.toAbsolutePath().normalize()), dir.toString());
    }

    /** As {@link #existing(Path)}, on any file system. */
    public static TaskStore existing(Location dir) {
        return existing(dir.target(), dir.toString());
    }

    private static TaskStore existing(Location abs, String given) {
        if (!abs.resolve(MARKER).isFile()) {
            throw new ConfigError(given + ": not a phasesweep task store (no " + MARKER + ")");
        }
        return new TaskStore(abs);
    }

    /** Where a sweep's store is unless --store says otherwise: beside its output directory. */
    public static Path besides(Path outputDir) {
        Path parent = outputDir.toAbsolutePath().normalize().getParent();
        return (parent == null ? outputDir.toAbsolutePath() : parent).resolve("phasesweep-store");
    }

    /** As {@link #besides(Path)}, on any file system. */
    public static Location besides(Location outputDir) {
        if (outputDir.localPath().isPresent()) {
            return Location.local(besides(outputDir.localPath().get()));
        }
        Location target = outputDir.target();
        return (target.parent() == null ? target : target.parent()).resolve("phasesweep-store");
    }

    public Location dir() {
        return dir;
    }

    /** The committed segments' directories, oldest name first. */
    public List<Location> segments() {
        try {
            return Commits.committedIn(dir.resolve(SEGMENTS), SEGMENT).stream()
                    .map(place -> Commits.committed(place).orElseThrow()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve(SEGMENTS), e);
        }
    }

    /** A new place for a segment's files; {@link #commit} moves it into the store. */
    public Location newIncoming() {
        Location incoming = dir.atomicRename() ? dir.resolve(INCOMING) : dir.resolve(SEGMENTS).resolve(INCOMING);
        return incoming.resolve(SEGMENT + System.currentTimeMillis() + "-" + UUID.randomUUID());
    }

    /** Makes a written incoming segment visible, in one rename (or one commit record). */
    public void commit(Location incoming) {
        try {
            Commits.commit(incoming, dir.resolve(SEGMENTS).resolve(incoming.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + incoming + " to the task store", e);
        }
    }

    /** Removes a segment, given as {@link #segments} lists it (after a compaction has committed its replacement). */
    void delete(Location segment) throws IOException {
        Location place = dir.resolve(SEGMENTS).resolve(segment.name());
        Commits.delete(place);
        segment.deleteTree();
    }
}
