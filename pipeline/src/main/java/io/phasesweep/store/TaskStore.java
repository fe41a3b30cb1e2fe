package io.phasesweep.store;

import io.phasesweep.config.ConfigError;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.Tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A directory of computed tasks shared by sweeps: immutable Parquet segments of
 * {@link Tables#stored() stored rows}, each written under {@code _incoming/} and moved into
 * {@code segments/} in one step, so a reader sees a segment whole or not at all. Two sweeps that
 * append at once write two segments; a task stored twice has the same bits in both, and readers
 * drop the duplicate rows. A marker file says the directory is a store, so that {@code --store}
 * pointed at anything else is refused instead of filled.
 */
public final class TaskStore {
    public static final String MARKER = "phasesweep-store.json";
    static final String SEGMENTS = "segments";
    private static final String INCOMING = "_incoming";

    private final Path dir;

    private TaskStore(Path dir) {
        this.dir = dir;
    }

    /** The store in {@code dir}, created if absent; a non-empty directory without the marker is refused. */
    public static TaskStore open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (!Files.exists(abs.resolve(MARKER))) {
                if (!OutputDir.isEmptyOrAbsent(abs)) {
                    throw new ConfigError("--store " + dir + ": not a phasesweep task store (no " + MARKER
                            + ") and not empty; give an empty or new directory");
                }
                Files.createDirectories(abs.resolve(SEGMENTS));
                Files.writeString(abs.resolve(MARKER), "{\"format\": \"phasesweep-store\", \"format_version\": 1}\n");
            }
            Files.createDirectories(abs.resolve(SEGMENTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the task store " + abs, e);
        }
        return new TaskStore(abs);
    }

    /** An existing store, for the store commands: refused where there is none. */
    public static TaskStore existing(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs.resolve(MARKER))) {
            throw new ConfigError(dir + ": not a phasesweep task store (no " + MARKER + ")");
        }
        return new TaskStore(abs);
    }

    /** Where a sweep's store is unless --store says otherwise: beside its output directory. */
    public static Path besides(Path outputDir) {
        Path parent = outputDir.toAbsolutePath().normalize().getParent();
        return (parent == null ? outputDir.toAbsolutePath() : parent).resolve("phasesweep-store");
    }

    public Path dir() {
        return dir;
    }

    /** The complete segments, oldest name first. */
    public List<Path> segments() {
        try (Stream<Path> s = Files.list(dir.resolve(SEGMENTS))) {
            return s.filter(p -> Files.exists(p.resolve("_SUCCESS"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve(SEGMENTS), e);
        }
    }

    /** A new place for a segment's files; {@link #commit} moves it into the store. */
    public Path newIncoming() {
        return dir.resolve(INCOMING).resolve("segment-" + System.currentTimeMillis() + "-" + UUID.randomUUID());
    }

    /** Makes a written incoming segment visible, in one rename. */
    public void commit(Path incoming) {
        try {
            Files.move(incoming, dir.resolve(SEGMENTS).resolve(incoming.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + incoming + " to the task store", e);
        }
    }

    /** Removes a segment (after a compaction has committed its replacement). */
    void delete(Path segment) throws IOException {
        OutputDir.deleteTree(segment);
    }
}
