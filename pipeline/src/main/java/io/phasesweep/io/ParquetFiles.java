package io.phasesweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Parquet files of a table or segment directory, and how DuckDB is told to read them. */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** The {@code .parquet} files directly in {@code dir}, by name; none when it is absent. */
    public static List<Path> in(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * DuckDB's {@code read_parquet([...])} over these files, each named literally (listed, never
     * globbed, so no character of a path is read as a pattern).
     */
    public static String duckDbScan(List<Path> files) {
        return "read_parquet([" + files.stream().map(f -> sqlLiteral(f.toString())).collect(Collectors.joining(", ")) + "])";
    }

    /** A SQL string literal (single quotes doubled), or null. */
    public static String sqlLiteral(String s) {
        return s == null ? "null" : "'" + s.replace("'", "''") + "'";
    }
}
