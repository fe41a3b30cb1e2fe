package io.phasesweep.io;

import io.phasesweep.config.ConfigError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The output directory of one sweep: created fresh, never silently reused. */
public final class OutputDir {
    public static final String MANIFEST = "manifest.json";
    public static final String WORK = "_work";
    private static final int DELETE_ROUNDS = 20;

    private OutputDir() {
    }

    /**
     * Checks that {@code dir} can receive a new sweep, before any work starts. An existing non-empty
     * directory is refused unless {@code overwrite}; even then only an earlier phasesweep output
     * (one with a manifest) is deleted, never an arbitrary directory.
     */
    public static void check(Path dir, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigError(dir + ": output path exists and is not a directory");
        }
        if (!isEmptyOrAbsent(dir)) {
            if (!overwrite) {
                throw new ConfigError(dir + ": output directory already holds "
                        + (Files.exists(dir.resolve(MANIFEST)) ? "a sweep" : "files")
                        + "; choose another --out, or pass --overwrite to replace an earlier sweep");
            }
            if (!Files.exists(dir.resolve(MANIFEST))) {
                throw new ConfigError(dir + ": --overwrite only replaces an earlier phasesweep output (with "
                        + MANIFEST + "); this directory has other files, refusing to delete it");
            }
        }
        Path parent = dir.toAbsolutePath().getParent();
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

    /** Removes an earlier sweep (already vetted by {@link #check}) and creates the directory. */
    public static void prepare(Path dir, boolean overwrite) {
        check(dir, overwrite);
        try {
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + dir, e);
        }
    }

    /**
     * Deletes a directory tree (symbolic links inside it are removed, never followed). Files that
     * vanish meanwhile are fine, and a directory that gains entries while it is emptied (a
     * cancelled Spark task still cleaning up its attempt) is walked again, a bounded number of times.
     */
    public static void deleteTree(Path dir) throws IOException {
        for (int round = 1; ; round++) {
            if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

    private static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
