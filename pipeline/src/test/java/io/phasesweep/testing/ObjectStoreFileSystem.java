package io.phasesweep.testing;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An object store's semantics on the local disk, for tests: the scheme {@value #SCHEME} (paths as
 * on the local disk, {@code objstore:///tmp/x}) whose rename is what S3 and its kind do, a copy of
 * every file and then the deletion of the originals, never one atomic step. It can be told to stop
 * half way, as a driver killed mid-rename would: {@link #failRenameInto} makes the next rename of a
 * file into a directory of that name (outside Spark's own {@code _temporary} staging) copy the file
 * and then fail before deleting the source.
 *
 * <p>Register it with {@code spark.hadoop.fs.objstore.impl} and tell phasesweep that it has no atomic
 * rename with {@code spark.hadoop.phasesweep.atomic-rename.objstore = false}.
 */
public final class ObjectStoreFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "objstore";
    private static final AtomicInteger DIRECTORY_RENAMES = new AtomicInteger();
    private static volatile String failInto;

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        setConf(conf);
    }

    /** Renames of a directory outside Spark's own {@code _temporary} staging since the last call (and resets the count). */
    public static int directoryRenames() {
        return DIRECTORY_RENAMES.getAndSet(0);
    }

    /** The next rename of a file into a directory named {@code dirName} copies it, then fails. */
    public static void failRenameInto(String dirName) {
        failInto = dirName;
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        FileStatus status;
        try {
            status = getFileStatus(src);
        } catch (java.io.FileNotFoundException e) {
            return false;
        }
        if (exists(dst)) {
            return false;
        }
        if (status.isDirectory() && !src.toString().contains("/_temporary")) {
            DIRECTORY_RENAMES.incrementAndGet();
        }
        if (!FileUtil.copy(this, src, this, dst, false, getConf())) {
            return false;
        }
        String into = failInto;
        if (status.isFile() && into != null && dst.getParent() != null && dst.getParent().getName().equals(into)
                && !src.toString().contains("/_temporary")) {
            failInto = null;
            throw new IOException("simulated crash between the copy and the delete of " + src + " (object store rename)");
        }
        return delete(src, true);
    }
}
