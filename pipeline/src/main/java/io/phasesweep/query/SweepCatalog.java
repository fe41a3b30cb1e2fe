package io.phasesweep.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.ParquetFiles;
import io.phasesweep.io.Tables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tables of one or several sweep outputs as DuckDB views: one view per table name
 * ({@code points}, {@code replicas}, {@code fss}, ...), the sweeps' files unioned by column name
 * with a leading {@code sweep} column, plus a {@code sweeps} view with one row per output.
 * A table no given sweep has gets no view.
 */
public final class SweepCatalog {
    /** One output directory and the name its rows carry in the {@code sweep} column. */
    public record Sweep(String label, Path dir, JsonNode manifest) {
    }

    private final List<Sweep> sweeps;

    private SweepCatalog(List<Sweep> sweeps) {
        this.sweeps = sweeps;
    }

    /**
     * The sweeps in {@code dirs}, labelled by their sweep names, or by the directory as given where
     * two share a name. A directory that is not a phasesweep output is bad input.
     */
    public static SweepCatalog of(List<Path> dirs) {
        List<Sweep> found = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path given : dirs) {
            Path dir = OutputDir.localTarget(given, "query");
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new ConfigError(given + ": given twice; each sweep's rows would appear twice");
            }
            if (!Files.isRegularFile(dir.resolve(OutputDir.MANIFEST))) {
                throw new ConfigError(given + ": not a phasesweep output (no " + OutputDir.MANIFEST + ")");
            }
            found.add(new Sweep(given.toString(), dir, Manifest.read(dir)));
        }
        Map<String, Long> names = found.stream().collect(Collectors.groupingBy(SweepCatalog::name, Collectors.counting()));
        List<Sweep> labelled = new ArrayList<>();
        for (Sweep s : found) {
            labelled.add(new Sweep(names.get(name(s)) == 1 ? name(s) : s.label(), s.dir(), s.manifest()));
        }
        return new SweepCatalog(labelled);
    }

    private static String name(Sweep s) {
        return s.manifest().path("name").asText(s.dir().getFileName().toString());
    }

    public List<Sweep> sweeps() {
        return sweeps;
    }

    /** Creates the views on {@code db}; returns the table views made, in a stable order. */
    public List<String> createViews(Connection db) throws SQLException {
        List<String> made = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            for (String table : Tables.ALL.stream().sorted().toList()) {
                List<String> parts = new ArrayList<>();
                for (Sweep s : sweeps) {
                    List<Path> files = ParquetFiles.in(s.dir().resolve(table));
                    if (!files.isEmpty()) {
                        parts.add("select " + ParquetFiles.sqlLiteral(s.label()) + " as " + Tables.SWEEP + ", * from "
                                + ParquetFiles.duckDbScan(files));
                    }
                }
                if (!parts.isEmpty()) {
                    st.execute("create view " + table + " as " + String.join(" union all by name ", parts));
                    made.add(table);
                }
            }
            st.execute("create view sweeps as " + sweeps.stream().map(SweepCatalog::sweepRow)
                    .collect(Collectors.joining(" union all ")));
        }
        return made;
    }

    private static String sweepRow(Sweep s) {
        JsonNode m = s.manifest();
        Map<String, String> cols = new LinkedHashMap<>();
        cols.put("sweep", s.label());
        cols.put("dir", s.dir().toString());
        cols.put("model", m.path("model").asText(null));
        cols.put("model_version", m.path(Manifest.MODEL_VERSION).asText(null));
        cols.put("status", m.path("status").asText(null));
        cols.put("config_hash", m.path("config_hash").asText(null));
        cols.put("phasesweep_version", m.path("phasesweep_version").asText(null));
        return "select " + cols.entrySet().stream().map(e -> ParquetFiles.sqlLiteral(e.getValue()) + " as " + e.getKey())
                .collect(Collectors.joining(", ")) + ", " + m.path("grid_points").asLong() + "::bigint as grid_points, "
                + m.path("replicas_per_point").asLong() + "::bigint as replicas";
    }

}
