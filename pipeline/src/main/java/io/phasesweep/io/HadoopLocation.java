package io.phasesweep.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A location on a Hadoop file system other than the local one (see {@link Location}): HDFS, an
 * object store, or whatever the Hadoop configuration binds to the URI's scheme.
 *
 * <p>HDFS renames atomically (the name node moves one entry; a rename onto an existing name fails
 * or, asked to, replaces it in the same step) and creates a file with {@code overwrite=false}
 * atomically. Object stores do neither: a directory "rename" copies every object and deletes the
 * originals, and an exclusive create checks, then writes. For the schemes of the common object
 * stores {@link #atomicRename} is false; {@code phasesweep.atomic-rename.SCHEME = true|false} in
 * the Hadoop configuration ({@code spark.hadoop.phasesweep.atomic-rename.SCHEME}) says it for any
 * other scheme (or overrides these).
 */
final class HadoopLocation implements Location {
    /** Object stores whose directory renames are copies (Azure's abfs only with a hierarchical namespace renames atomically). */
    private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "wasb", "wasbs", "abfs", "abfss",
            "oss", "cos", "cosn", "obs", "ks3", "tos");
    static final String ATOMIC_RENAME = "phasesweep.atomic-rename.";

    private final org.apache.hadoop.fs.Path path;
    private final Configuration conf;

    HadoopLocation(org.apache.hadoop.fs.Path path, Configuration conf) {
        this.path = path;
        this.conf = conf;
    }

    /** The file system, from Hadoop's cache (one instance per scheme, authority and user). */
    private FileSystem fs() throws IOException {
        return path.getFileSystem(conf);
    }

    @Override
    public Location resolve(String name) {
        return new HadoopLocation(new org.apache.hadoop.fs.Path(path, name), conf);
    }

    @Override
    public Location parent() {
        org.apache.hadoop.fs.Path p = path.getParent();
        return p == null ? null : new HadoopLocation(p, conf);
    }

    @Override
    public String name() {
        return path.getName();
    }

    @Override
    public boolean contains(Location other) {
        if (!(other instanceof HadoopLocation h)) {
            return false;
        }
        String mine = qualified().toString();
        String theirs = h.qualified().toString();
        return theirs.equals(mine) || theirs.startsWith(mine.endsWith("/") ? mine : mine + "/");
    }

    @Override
    public boolean exists() {
        return status().isPresent();
    }

    @Override
    public boolean isDirectory() {
        return status().map(FileStatus::isDirectory).orElse(false);
    }

    @Override
    public boolean isFile() {
        return status().map(FileStatus::isFile).orElse(false);
    }

    private Optional<FileStatus> status() {
        try {
            return Optional.of(fs().getFileStatus(path));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + path, e);
        }
    }

    @Override
    public boolean isWritable() {
        try {
            fs().access(path, FsAction.WRITE);
            return true;
        } catch (AccessControlException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell before trying (a store without permissions may even fail to say)
        }
    }

    @Override
    public List<Location> list() throws IOException {
        FileStatus[] entries;
        try {
            entries = fs().listStatus(path);
        } catch (FileNotFoundException e) {
            throw noSuchFile(e);
        }
        return Arrays.stream(entries).map(FileStatus::getPath).sorted(Comparator.comparing(org.apache.hadoop.fs.Path::getName))
                .<Location>map(p -> new HadoopLocation(p, conf)).toList();
    }

    @Override
    public void mkdirs() throws IOException {
        if (!fs().mkdirs(path)) {
            throw new IOException("cannot create the directory " + path);
        }
    }

    @Override
    public byte[] read() throws IOException {
        try (InputStream in = fs().open(path)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw noSuchFile(e);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        try (FSDataOutputStream out = fs().create(path, true)) {
            out.write(bytes);
        }
    }

    /**
     * HDFS: written beside (under a name of its own, so that a file left open by a killed writer,
     * whose lease the name node still holds, is never in the way) and renamed over the target in
     * one step. Object stores: one put.
     */
    @Override
    public void writeAtomically(byte[] bytes, String tmpName) throws IOException {
        if (!atomicRename()) {
            write(bytes);
            return;
        }
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(path.getParent(), tmpName + "." + UUID.randomUUID());
        FileSystem fs = fs();
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                out.write(bytes);
            }
            FileUtil.rename(fs, tmp, path, Options.Rename.OVERWRITE);
        } finally {
            fs.delete(tmp, false);
        }
    }

    @Override
    public boolean createExclusive(byte[] bytes) throws IOException {
        FileSystem fs = fs();
        FSDataOutputStream out;
        try {
            out = fs.create(path, false);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // HDFS: a racing creator still writing the file holds its lease (AlreadyBeingCreated).
            if (exists()) {
                return false;
            }
            throw e;
        }
        try (out) {
            out.write(bytes);
        }
        return true;
    }

    @Override
    public void moveTo(Location target) throws IOException {
        try {
            // A rename that fails if the target exists (FileSystem.rename would move into an existing directory).
            FileUtil.rename(fs(), path, ((HadoopLocation) target).path, Options.Rename.NONE);
        } catch (FileNotFoundException e) {
            throw noSuchFile(e);
        }
    }

    @Override
    public void deleteTree() throws IOException {
        fs().delete(path, true);
    }

    @Override
    public void deleteIfEmpty() throws IOException {
        try {
            if (fs().listStatus(path).length == 0) {
                fs().delete(path, false);
            }
        } catch (FileNotFoundException e) {
            // Gone already.
        }
    }

    @Override
    public long bytes() throws IOException {
        return fs().getContentSummary(path).getLength();
    }

    @Override
    public boolean atomicRename() {
        String scheme = qualified().toUri().getScheme();
        scheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return conf.getBoolean(ATOMIC_RENAME + scheme, !OBJECT_STORES.contains(scheme));
    }

    @Override
    public Location target() {
        return new HadoopLocation(qualified(), conf);
    }

    private org.apache.hadoop.fs.Path qualified() {
        try {
            return fs().makeQualified(path);
        } catch (IOException | RuntimeException e) {
            // An unknown scheme, or one whose FileSystem class is not on the class path (s3a needs hadoop-aws).
            throw new io.phasesweep.config.ConfigError(path + ": no Hadoop file system for this location ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); its scheme needs a FileSystem"
                    + " on the class path (s3a: hadoop-aws, e.g. spark-submit --packages org.apache.hadoop:hadoop-aws)"
                    + " and its settings as spark.hadoop.*");
        }
    }

    @Override
    public String uri() {
        return path.toString();
    }

    @Override
    public Optional<java.nio.file.Path> localPath() {
        return Optional.empty();
    }

    private static NoSuchFileException noSuchFile(FileNotFoundException e) {
        NoSuchFileException n = new NoSuchFileException(e.getMessage());
        n.initCause(e);
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopLocation h && h.path.equals(path);
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
