package io.phasesweep.io;

import io.phasesweep.config.OutputPath;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A file or directory that a sweep's output or a task store is made of, on any Hadoop file system:
 * the operations the output layer needs (the lock's exclusive create, a manifest's atomic rewrite,
 * a commit's rename), each with the strongest guarantee the file system gives.
 *
 * <p>Two kinds. A plain path or a {@code file:} URI is a {@link #local local} location, written
 * with {@code java.nio} exactly as phasesweep always has: Hadoop's local file system has no
 * exclusive create (it checks, then creates) and no hard links, which the lock needs to be safe
 * on a shared NFS disk. Any other URI ({@code hdfs://}, {@code s3a://}, ...) goes through the
 * Hadoop {@code FileSystem} API, configured by the Hadoop configuration given (Spark's
 * {@code spark.hadoop.*} settings, see {@link HadoopSettings}).
 *
 * <p>Whether a rename is atomic ({@link #atomicRename}) decides how work is committed: by a rename
 * (local disks, HDFS), or by a small record written in one put (object stores), see {@link Commits}.
 */
public interface Location {

    /**
     * The location a user wrote: a plain path (always the local file system, whatever Hadoop's
     * {@code fs.defaultFS} says) or a URI with a scheme.
     */
    static Location of(String text, Configuration conf) {
        Optional<Path> local = OutputPath.localPath(text);
        return local.isPresent() ? local(local.get()) : new HadoopLocation(new org.apache.hadoop.fs.Path(text), conf);
    }

    /** A location on the local file system. */
    static Location local(Path path) {
        return new LocalLocation(path);
    }

    /** The entry {@code name} of this directory. */
    Location resolve(String name);

    /** The directory holding this one; null at the root. */
    Location parent();

    /** The last name of the path. */
    String name();

    /** Whether {@code other} is this location or lies below it. */
    boolean contains(Location other);

    boolean exists();

    boolean isDirectory();

    boolean isFile();

    /**
     * Whether this process may create entries here, as far as the file system tells before trying
     * (a store that cannot tell says yes, and the first write decides).
     */
    boolean isWritable();

    /** The entries of this directory, by name. */
    List<Location> list() throws IOException;

    void mkdirs() throws IOException;

    /** The file's bytes; {@link java.nio.file.NoSuchFileException} when it does not exist. */
    byte[] read() throws IOException;

    /** Creates or replaces the file (not atomically: for files nobody reads while they are written). */
    void write(byte[] bytes) throws IOException;

    /**
     * Creates or replaces the file so that a reader sees the old content or the new one, never a
     * part: written beside under a name starting with {@code tmpName} and renamed over it, or,
     * where renames are not atomic, written in one put (an object store shows an object whole).
     */
    void writeAtomically(byte[] bytes, String tmpName) throws IOException;

    /**
     * Creates the file with {@code bytes} unless it exists, deciding atomically between racing
     * creators where the file system can (local disks, NFS and HDFS; not object stores).
     *
     * @return false if the file existed
     */
    boolean createExclusive(byte[] bytes) throws IOException;

    /**
     * Renames this file or directory to {@code target}, which must not exist; atomic where
     * {@link #atomicRename} says so, a copy and delete elsewhere.
     * {@link java.nio.file.NoSuchFileException} when this does not exist.
     */
    void moveTo(Location target) throws IOException;

    /**
     * Deletes the tree below and including this location; nothing if it does not exist. Symbolic
     * links inside are removed, never followed.
     */
    void deleteTree() throws IOException;

    /** Deletes this directory if it exists and is empty. */
    void deleteIfEmpty() throws IOException;

    /** The bytes of every file below this location. */
    long bytes() throws IOException;

    /** Whether a rename of a directory is atomic here. */
    boolean atomicRename();

    /**
     * The location with every symbolic link in its existing part followed (local) or fully
     * qualified (Hadoop): the place a sweep given this location writes.
     */
    Location target();

    /** How Spark and Hadoop are given this location: a path Spark parses back to exactly this one. */
    String uri();

    /** The local path, for what reads the output with local tools (DuckDB); empty for other file systems. */
    Optional<Path> localPath();
}
