package io.phasesweep.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasesweep.Version;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Axis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code manifest.json}: what was run (resolved config and its hash, version), when, and how it
 * ended. Rewritten atomically (write beside, then rename) so a reader never sees half a file.
 */
public final class Manifest {
    /**
     * Marks a manifest as phasesweep's: with the fields only phasesweep writes, it is what entitles
     * {@code --overwrite} to delete a directory (a file merely named manifest.json does not).
     */
    public static final String FORMAT = "phasesweep-output";
    public static final int FORMAT_VERSION = 1;
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    /** Stopped by a signal (or its process vanished): {@code run --resume} finishes it. */
    public static final String INTERRUPTED = "interrupted";
    /** The model's {@code ModelType.version()}: which kernel's bits the tables hold. */
    public static final String MODEL_VERSION = "model_version";
    private static final java.util.Set<String> STATUSES = java.util.Set.of(RUNNING, COMPLETE, FAILED, INTERRUPTED);
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final Location file;

    public Manifest(SweepConfig config, Location dir, String master, int partitions) {
        this.file = dir.resolve(OutputDir.MANIFEST);
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("phasesweep_version", Version.get());
        root.put("name", config.name());
        root.put("model", config.plan().model());
        root.put(MODEL_VERSION, config.plan().modelType().version());
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
        if (!config.plan().grid().derived().isEmpty()) {
            ObjectNode expressions = root.putObject("expressions");
            config.plan().grid().derived().forEach(d -> expressions.put(d.name(), d.expression().source()));
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
        if (!config.warnings().isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode warnings = root.putArray("warnings");
            config.warnings().forEach((w, n) -> warnings.addObject().put("warning", w).put("grid_points", n));
        }
        root.put("started", Instant.now().toString());
        root.put("status", RUNNING);
    }

    /**
     * Whether a manifest proves that phasesweep wrote its directory: the format marker with a
     * known version, or (outputs of versions before the marker) this project's exact RNG
     * description; and in both cases a SHA-256 config hash, a version and a known status.
     */
    public static boolean provesOwnership(com.fasterxml.jackson.databind.JsonNode m) {
        boolean marked = FORMAT.equals(m.path("format").asText(null)) && m.path("format_version").isIntegralNumber();
        boolean legacy = m.path("format").isMissingNode()
                && io.phasesweep.model.ReplicaRunner.RNG_ALGORITHM.equals(m.path("rng").asText(null));
        return (marked || legacy)
                && SHA256.matcher(m.path("config_hash").asText("")).matches()
                && m.path("phasesweep_version").isTextual()
                && STATUSES.contains(m.path("status").asText(""));
    }

    /** The manifest of {@code dir}, or a missing node if it cannot be read as JSON. */
    public static com.fasterxml.jackson.databind.JsonNode readQuietly(Location dir) {
        try {
            return JSON.readTree(dir.resolve(OutputDir.MANIFEST).read());
        } catch (IOException | RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Resumes the record of an interrupted or failed run: its history stays, its end is cleared. */
    public static Manifest resumed(Location dir, com.fasterxml.jackson.databind.JsonNode previous) {
        Manifest m = new Manifest(dir, (ObjectNode) previous.deepCopy());
        m.root.put("status", RUNNING);
        m.root.remove(java.util.List.of("finished", "error"));
        m.root.withArray("/resumed").add(Instant.now().toString());
        return m;
    }

    private Manifest(Location dir, ObjectNode root) {
        this.file = dir.resolve(OutputDir.MANIFEST);
        this.root.setAll(root);
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
        root.put("status", COMPLETE);
        return this;
    }

    /** The settings of the finite-size-scaling analysis behind the fss/ table. */
    public Manifest fssSettings(io.phasesweep.config.FssSettings fss) {
        root.set("fss_settings", JSON.valueToTree(fss.describe()));
        return this;
    }

    /** Marks the sweep in {@code dir} interrupted if its manifest still says running (the signal hook's last resort). */
    public static void markInterrupted(Location dir, String how) {
        com.fasterxml.jackson.databind.JsonNode m = readQuietly(dir);
        if (m instanceof ObjectNode root && RUNNING.equals(root.path("status").asText())) {
            root.put("finished", Instant.now().toString());
            root.put("status", INTERRUPTED);
            root.put("error", how);
            writeAtomically(dir.resolve(OutputDir.MANIFEST), root);
        }
    }

    /**
     * How the tasks were had: {@code reused} from the task store in {@code store} (null: no store),
     * the rest computed by this sweep.
     */
    public Manifest taskSources(long reused, long total, String store) {
        ObjectNode tasks = (ObjectNode) root.get("tasks");
        tasks.put("computed", total - reused);
        tasks.put("reused", reused);
        if (store == null) {
            root.putNull("store");
        } else {
            root.put("store", store);
        }
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
        return read(Location.local(dir));
    }

    /** As {@link #read(Path)}, on any file system. */
    public static com.fasterxml.jackson.databind.JsonNode read(Location dir) {
        Location file = dir.resolve(OutputDir.MANIFEST);
        try {
            return JSON.readTree(file.read());
        } catch (IOException e) {
            throw new io.phasesweep.config.ConfigError(file + ": unreadable manifest: " + e.getMessage());
        }
    }

    public Manifest failed(String message) {
        root.put("finished", Instant.now().toString());
        root.put("status", FAILED);
        root.put("error", message);
        return this;
    }

    /** A run stopped by a signal; {@code how} says which and how to resume. */
    public Manifest interrupted(String how) {
        root.put("finished", Instant.now().toString());
        root.put("status", INTERRUPTED);
        root.put("error", how);
        return this;
    }

    public String status() {
        return root.path("status").asText();
    }

    /** The manifest as it would be written: a value that cannot be serialised fails here, early. */
    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + file, e);
        }
    }

    /** Records an fss/ table rewritten by {@code phasesweep fss}, with the settings behind it. */
    public static void recordFss(Location dir, long rows, io.phasesweep.config.FssSettings settings) {
        ObjectNode root = (ObjectNode) read(dir);
        root.withObject("/tables").put(Tables.FSS, Tables.FSS + "/");
        root.withObject("/rows").put(Tables.FSS, rows);
        root.put(Tables.FSS + "_written", Instant.now().toString());
        root.set("fss_settings", JSON.valueToTree(settings.describe()));
        writeAtomically(dir.resolve(OutputDir.MANIFEST), root);
    }

    /** Reads an output's manifest, checking that it is a finished phasesweep output. */
    public static com.fasterxml.jackson.databind.JsonNode readComplete(Path dir) {
        return readComplete(Location.local(dir));
    }

    /** As {@link #readComplete(Path)}, on any file system. */
    public static com.fasterxml.jackson.databind.JsonNode readComplete(Location dir) {
        if (!dir.resolve(OutputDir.MANIFEST).isFile()) {
            throw new io.phasesweep.config.ConfigError(dir + ": not a phasesweep output (no " + OutputDir.MANIFEST + ")");
        }
        com.fasterxml.jackson.databind.JsonNode root = read(dir);
        if (!provesOwnership(root)) {
            throw new io.phasesweep.config.ConfigError(dir + ": " + OutputDir.MANIFEST + " there was not written by phasesweep");
        }
        if (!COMPLETE.equals(root.path("status").asText())) {
            throw new io.phasesweep.config.ConfigError(dir + ": the sweep there is not complete (status "
                    + root.path("status").asText("unknown") + ")");
        }
        return root;
    }

    public void write() {
        writeAtomically(file, root);
    }

    /**
     * Writes beside the target, then renames over it (or, on an object store, puts it in one
     * piece): readers see the old file or the new one.
     */
    private static void writeAtomically(Location file, com.fasterxml.jackson.databind.JsonNode root) {
        try {
            file.writeAtomically(JSON.writeValueAsBytes(root), OutputDir.MANIFEST + ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
