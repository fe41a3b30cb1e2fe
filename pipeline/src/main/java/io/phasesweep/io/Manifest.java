package io.phasesweep.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasesweep.Version;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Axis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code manifest.json}: what was run (resolved config and its hash, version), when, and how it
 * ended. Rewritten atomically (write beside, then rename) so a reader never sees half a file.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final Path file;

    public Manifest(SweepConfig config, Path dir, String master, int partitions) {
        this.file = dir.resolve(OutputDir.MANIFEST);
        root.put("phasesweep_version", Version.get());
        root.put("name", config.name());
        root.put("model", config.plan().model());
        root.put("config_hash", config.hash());
        root.put("config_file", config.source());
        try {
            root.set("config", JSON.readTree(config.resolvedJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode axes = root.putObject("axes");
        for (Axis a : config.plan().grid().axes()) {
            axes.putPOJO(a.name(), a.values());
        }
        root.put("grid_points", config.plan().grid().size());
        root.put("replicas_per_point", config.plan().replicas());
        root.put("rng", io.phasesweep.model.ReplicaRunner.RNG_ALGORITHM);
        ObjectNode spark = root.putObject("spark");
        spark.put("master", master);
        spark.put("partitions", partitions);
        ObjectNode tasks = root.putObject("tasks");
        tasks.put("total", config.plan().taskCount());
        tasks.put("points_per_task", config.plan().grid().size() / config.plan().groupCount());
        tasks.put("completed", 0);
        tasks.put("failed", 0);
        root.put("started", Instant.now().toString());
        root.put("status", "running");
    }

    public Manifest completed(long tasks, java.util.Map<String, Long> rowsPerTable) {
        ((ObjectNode) root.get("tasks")).put("completed", tasks);
        ObjectNode tables = root.putObject("tables");
        ObjectNode rows = root.putObject("rows");
        rowsPerTable.forEach((table, n) -> {
            tables.put(table, table + "/");
            rows.put(table, n);
        });
        root.put("finished", Instant.now().toString());
        root.put("status", "complete");
        return this;
    }

    public Manifest failures(long failedTasks, java.util.List<String> summary) {
        ObjectNode tasks = (ObjectNode) root.get("tasks");
        tasks.put("failed", failedTasks);
        tasks.putPOJO("failures", summary);
        return this;
    }

    /**
     * Where the time went, in seconds (keys ending in _s) and the cores the sweep had: see
     * SweepRunner for what each covers.
     */
    public Manifest timings(java.util.Map<String, Double> seconds, int cores) {
        ObjectNode t = root.putObject("timings");
        seconds.forEach(t::put);
        t.put("cores", cores);
        return this;
    }

    public Manifest note(String key, String value) {
        root.put(key, value);
        return this;
    }

    public Manifest note(String key, long value) {
        root.put(key, value);
        return this;
    }

    /** Reads an output's manifest as it is. */
    public static com.fasterxml.jackson.databind.JsonNode read(Path dir) {
        Path file = dir.resolve(OutputDir.MANIFEST);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new io.phasesweep.config.ConfigError(file + ": unreadable manifest: " + e.getMessage());
        }
    }

    public Manifest failed(String message) {
        root.put("finished", Instant.now().toString());
        root.put("status", "failed");
        root.put("error", message);
        return this;
    }

    /** Records a table (re)written into an existing output, e.g. by {@code phasesweep fss}. */
    public static void recordTable(Path dir, String table, long rows) {
        ObjectNode root = (ObjectNode) read(dir);
        root.withObject("/tables").put(table, table + "/");
        root.withObject("/rows").put(table, rows);
        root.put(table + "_written", Instant.now().toString());
        writeAtomically(dir.resolve(OutputDir.MANIFEST), root);
    }

    /** Reads an output's manifest, checking that it is a finished phasesweep output. */
    public static com.fasterxml.jackson.databind.JsonNode readComplete(Path dir) {
        if (!Files.isRegularFile(dir.resolve(OutputDir.MANIFEST))) {
            throw new io.phasesweep.config.ConfigError(dir + ": not a phasesweep output (no " + OutputDir.MANIFEST + ")");
        }
        com.fasterxml.jackson.databind.JsonNode root = read(dir);
        if (!"complete".equals(root.path("status").asText())) {
            throw new io.phasesweep.config.ConfigError(dir + ": the sweep there is not complete (status "
                    + root.path("status").asText("unknown") + ")");
        }
        return root;
    }

    public void write() {
        writeAtomically(file, root);
    }

    /** Writes beside the target, then renames over it: readers see the old file or the new one. */
    private static void writeAtomically(Path file, com.fasterxml.jackson.databind.JsonNode root) {
        try {
            Path tmp = file.resolveSibling(OutputDir.MANIFEST + ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
