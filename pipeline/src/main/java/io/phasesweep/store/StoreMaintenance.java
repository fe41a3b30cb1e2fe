package io.phasesweep.store;

import io.phasesweep.config.ConfigError;
import io.phasesweep.io.Location;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.ParquetFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a task store holds and how to shrink it, done locally with DuckDB (no Spark): the stats per
 * model version, and a garbage collection that keeps only the tasks some given outputs used. Run
 * {@code gc} when no sweep uses the store: a sweep reading a segment gc deletes would fail. DuckDB
 * reads local files only: a store on HDFS or an object store is refused with what to do.
 */
public final class StoreMaintenance {
    /** The keys of the tasks an output used, written beside its tables by a sweep with a store. */
    public static final String OUTPUT_KEYS = OutputDir.TASK_KEYS;

    /** One model version's share of the store. */
    public record ModelShare(String model, String version, long tasks, long rows) {
    }

    /** The whole store: segments, bytes on disk and each model version's tasks and rows. */
    public record Stats(int segments, long bytes, List<ModelShare> models) {
    }

    private StoreMaintenance() {
    }

    public static Stats stats(TaskStore store) throws SQLException {
        List<Path> segments = local(store);
        List<ModelShare> shares = new ArrayList<>();
        if (!parquetIn(segments).isEmpty()) {
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("select model, model_version, count(distinct task_key), count(*) from "
                         + files(segments) + " group by all order by all")) {
                while (rs.next()) {
                    shares.add(new ModelShare(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return new Stats(segments.size(), bytes(store.dir().localPath().orElseThrow()), shares);
    }

    /**
     * Keeps only the tasks the outputs in {@code keep} used: writes them as one new segment, then
     * deletes the old segments. Returns the tasks kept.
     */
    public static long gc(TaskStore store, List<Path> keep) throws SQLException, IOException {
        List<Path> keyFiles = new ArrayList<>();
        for (Path out : keep) {
            Path keys = OutputDir.localTarget(out, "store gc").resolve(OUTPUT_KEYS);
            List<Path> found = ParquetFiles.in(keys);
            if (found.isEmpty()) {
                throw new ConfigError(out + ": no " + OUTPUT_KEYS + "/ (not a sweep that ran with a task store);"
                        + " gc would drop every task it used");
            }
            keyFiles.addAll(found);
        }
        List<Path> old = local(store);
        if (parquetIn(old).isEmpty()) {
            return 0;
        }
        Location into = store.newIncoming();
        Path incoming = into.localPath().orElseThrow();
        Files.createDirectories(incoming);
        long kept;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String selection = "select distinct * from " + files(old) + " where task_key in (select task_key from "
                    + files(keyFiles) + ")";
            st.execute("copy (" + selection + " order by all) to " + ParquetFiles.sqlLiteral(incoming.resolve("part-00000.parquet").toString())
                    + " (format parquet)");
            try (ResultSet rs = st.executeQuery("select count(distinct task_key) from "
                    + files(List.of(incoming.resolve("part-00000.parquet"))))) {
                rs.next();
                kept = rs.getLong(1);
            }
        }
        Files.createFile(incoming.resolve("_SUCCESS"));
        store.commit(into);
        for (Path segment : old) {
            store.delete(Location.local(segment));
        }
        return kept;
    }

    /** The store's segments as local paths; a store elsewhere is refused: DuckDB reads local files. */
    private static List<Path> local(TaskStore store) {
        if (store.dir().localPath().isEmpty()) {
            throw new ConfigError(store.dir() + ": the store commands read the store with DuckDB on this machine and"
                    + " need a local path; copy the store here first (e.g. hadoop fs -get URI DIR), or run them"
                    + " where it is mounted");
        }
        return store.segments().stream().map(s -> s.localPath().orElseThrow()).toList();
    }

    /** The Parquet files of segment directories (a segment of a sweep that stored nothing has none). */
    private static List<Path> parquetIn(List<Path> paths) {
        return paths.stream().flatMap(p -> Files.isDirectory(p) ? ParquetFiles.in(p).stream() : Stream.of(p)).toList();
    }

    private static String files(List<Path> paths) {
        return ParquetFiles.duckDbScan(parquetIn(paths));
    }

    private static long bytes(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }
}
