package io.phasesweep.io;

import io.phasesweep.config.ConfigError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** A location on the local file system, written with {@code java.nio} (see {@link Location}). */
final class LocalLocation implements Location {
    private static final int DELETE_ROUNDS = 20;

    private final Path path;

    LocalLocation(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    @Override
    public Location resolve(String name) {
        return new LocalLocation(path.resolve(name));
    }

    @Override
    public Location parent() {
        Path p = path.getParent();
        return p == null ? null : new LocalLocation(p);
    }

    @Override
    public String name() {
        Path n = path.getFileName();
        return n == null ? "" : n.toString();
    }

    @Override
    public boolean contains(Location other) {
        return other instanceof LocalLocation l
                && l.path.toAbsolutePath().normalize().startsWith(path.toAbsolutePath().normalize());
    }

    @Override
    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory() {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isFile() {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isWritable() {
        return Files.isWritable(path);
    }

    @Override
    public List<Location> list() throws IOException {
        try (Stream<Path> s = Files.list(path)) {
            return s.sorted().<Location>map(LocalLocation::new).toList();
        }
    }

    @Override
    public void mkdirs() throws IOException {
        Files.createDirectories(path);
    }

    @Override
    public byte[] read() throws IOException {
        return Files.readAllBytes(path);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        Files.write(path, bytes);
    }

    @Override
    public void writeAtomically(byte[] bytes, String tmpName) throws IOException {
        Path tmp = path.resolveSibling(tmpName);
        Files.write(tmp, bytes);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Written whole beside, then hard-linked into place: the link fails if the file exists, also on NFS. */
    @Override
    public boolean createExclusive(byte[] bytes) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.createLink(path, tmp);
            } catch (UnsupportedOperationException e) {
                // No hard links here: an exclusive create is atomic too, the file is written just after.
                Files.copy(tmp, path);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Only a leftover temporary file; the file itself is decided.
            }
        }
    }

    @Override
    public void moveTo(Location target) throws IOException {
        Files.move(path, ((LocalLocation) target).path, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Files that vanish meanwhile are fine, and a directory that gains entries while it is emptied
     * (a cancelled Spark task still cleaning up its attempt) is walked again, a bounded number of times.
     */
    @Override
    public void deleteTree() throws IOException {
        for (int round = 1; ; round++) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(path)) {
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

    @Override
    public void deleteIfEmpty() throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException e) {
            // Still in use (a run's chunks or checkpoints): leave it.
        }
    }

    @Override
    public long bytes() throws IOException {
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean atomicRename() {
        return true;
    }

    /** Symbolic links followed to their target (a link is never replaced by a directory), relative paths made absolute. */
    @Override
    public Location target() {
        Path abs = path.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
            throw new ConfigError(path + ": output path is a symbolic link to a missing target; create the target"
                    + " directory or choose another --out");
        }
        Path existing = abs;
        Path rest = abs.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return new LocalLocation(abs);
        }
        try {
            return new LocalLocation(existing.toRealPath().resolve(rest).normalize());
        } catch (IOException e) {
            throw new ConfigError(path + ": cannot resolve the output path: " + e.getMessage());
        }
    }

    /**
     * Hadoop's own unescaped form ({@code file:/a b:c}), which Spark parses back to exactly this
     * path (a percent-encoded URI string would be taken literally, %20 and all). The characters
     * Hadoop reads as a glob are refused when the config is read.
     */
    @Override
    public String uri() {
        return new org.apache.hadoop.fs.Path(path.toAbsolutePath().toUri()).toString();
    }

    @Override
    public Optional<Path> localPath() {
        return Optional.of(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalLocation l && l.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
