package io.phasesweep.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Factor;
import io.phasesweep.grid.SweepPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a sweep file (HOCON) plus {@code --set key=value} overrides into a validated
 * {@link SweepConfig}. Every problem is reported before any work starts, as one line naming the
 * key and the file:line it came from. The file is data: substitutions resolve only against the
 * file itself, never environment variables or system properties.
 *
 * <p>This class parses, merges and resolves; one reader per block does the rest
 * ({@link SweepReader}, {@link SparkReader}, {@link FssReader}, with {@link AxisReader} for axis
 * values, {@link TypedValues} for typed reads and {@link GridCheck} for the per-point checks).
 */
public final class ConfigLoader {

    private static final Set<String> TOP = Reference.keys("");
    private static final Set<String> LIMITS = Reference.keys("limits");
    /** Task time between checkpoints unless checkpoint.interval says otherwise. */
    public static final java.time.Duration DEFAULT_CHECKPOINT_INTERVAL =
            Reference.config().getDuration("checkpoint.interval");
    /** Sweeps with more tasks than this need --yes (overridable as limits.confirm_tasks). */
    public static final long DEFAULT_CONFIRM_TASKS = Reference.integer("limits.confirm_tasks");
    /** Far above any sensible sweep; stops a typo (steps = 1e9) before it reaches Spark. */
    public static final long MAX_TASKS = 100_000_000L;
    /** Grids up to this size are checked point by point; larger ones at their corners and a sample. */
    public static final long CHECK_EVERY_POINT = GridCheck.CHECK_EVERY_POINT;

    private ConfigLoader() {
    }

    /** Re-reads the resolved config stored in an output's manifest (for {@code phasesweep fss}). */
    public static SweepConfig fromManifest(String resolvedJson, String source, List<String> overrides, Path outputDir) {
        return fromManifest(resolvedJson, source, overrides, outputDir.toString());
    }

    /** As {@link #fromManifest(String, String, List, Path)}, for an output given as a path or a file system URI. */
    public static SweepConfig fromManifest(String resolvedJson, String source, List<String> overrides, String outputDir) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(resolvedJson, ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.JSON).setOriginDescription(source));
        } catch (ConfigException e) {
            throw new ConfigError(oneLine(e.getMessage()));
        }
        Config merged = applyOverrides(parsed, overrides)
                .withValue("output.dir", ConfigValueFactory.fromAnyRef(outputDir, "output directory"));
        return read(merged.resolve(ConfigResolveOptions.noSystem()), source);
    }

    public static SweepConfig load(Path file, List<String> overrides, Path outputOverride) {
        return load(file, overrides, null, outputOverride);
    }

    /** @param master the command line's --master, or null */
    public static SweepConfig load(Path file, List<String> overrides, String master, Path outputOverride) {
        return loadTo(file, overrides, master, outputOverride == null ? null : outputOverride.toString());
    }

    /**
     * As {@link #load(Path, List, String, Path)}, with the output (--out) as the user wrote it: a
     * path or a file system URI (a {@link Path} would fold {@code hdfs://host} into {@code hdfs:/host}).
     */
    public static SweepConfig loadTo(Path file, List<String> overrides, String master, String outputOverride) {
        return read(merged(file, overrides, master, outputOverride), file.toString());
    }

    /**
     * Every documented key's effective value and where it came from (file:line, --set, or the
     * reference's default), for {@code phasesweep validate --settings}. Call after {@link #load}
     * succeeded: this reads the same file again but checks nothing.
     */
    public static List<Reference.Setting> settings(Path file, List<String> overrides, String master, Path outputOverride) {
        return settingsTo(file, overrides, master, outputOverride == null ? null : outputOverride.toString());
    }

    /** As {@link #settings(Path, List, String, Path)}, with the output as the user wrote it. */
    public static List<Reference.Setting> settingsTo(Path file, List<String> overrides, String master, String outputOverride) {
        return Reference.effective(merged(file, overrides, master, outputOverride));
    }

    /** The file with its includes, the overrides and the command line's master and output, resolved. */
    private static Config merged(Path file, List<String> overrides, String master, String outputOverride) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError(file + ": no such config file");
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setAllowMissing(false).setIncluder(new ConfinedIncluder(file)));
        } catch (ConfigException e) {
            throw new ConfigError(oneLine(e.getMessage()));
        }
        Config merged = applyOverrides(parsed, overrides);
        if (master != null) {
            merged = merged.withValue("spark.master", ConfigValueFactory.fromAnyRef(master, "--master"));
        }
        if (outputOverride != null) {
            merged = merged.withValue("output.dir", ConfigValueFactory.fromAnyRef(outputOverride, "--out"));
        }
        try {
            return merged.resolve(ConfigResolveOptions.noSystem());
        } catch (ConfigException e) {
            throw new ConfigError(oneLine(e.getMessage()));
        }
    }

    /** Applies {@code key=value} pairs; a value is read as HOCON (numbers, lists) or else as a string. */
    static Config applyOverrides(Config base, List<String> overrides) {
        Config result = base;
        for (String kv : overrides) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigError("--set " + kv + ": expected key=value");
            }
            String key = kv.substring(0, eq).trim();
            String raw = kv.substring(eq + 1).trim();
            if (!TypedValues.KEY.matcher(key).matches()) {
                throw new ConfigError("--set " + kv + ": '" + key + "' is not a config key");
            }
            String origin = "--set " + key;
            ConfigValue value;
            try {
                value = ConfigFactory.parseString("v = " + raw,
                        ConfigParseOptions.defaults().setOriginDescription(origin)).resolve(ConfigResolveOptions.noSystem()).getValue("v");
            } catch (ConfigException e) {
                value = ConfigValueFactory.fromAnyRef(raw, origin);
            }
            result = result.withValue(key, value);
        }
        return result;
    }

    /** Typesafe's "file: 12: message" as our "file:12: message", on one line. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").trim().replaceFirst("^(.+?): (\\d+): ", "$1:$2: ");
    }

    /** Reads one merged, resolved config, block by block, in the order the errors are reported. */
    private static SweepConfig read(Config config, String source) {
        TypedValues values = new TypedValues(config, source);
        values.checkKeys(config.root(), "", TOP);
        SweepReader.Sweep sweep = new SweepReader(values).read();
        long confirmTasks = DEFAULT_CONFIRM_TASKS;
        if (values.has("limits")) {
            values.requireObject("limits");
            values.checkKeys(config.getObject("limits"), "limits.", LIMITS);
            if (values.has("limits.confirm_tasks")) {
                confirmTasks = values.integer("limits.confirm_tasks", 1, Long.MAX_VALUE);
            }
        }
        String out = OutputPath.read(values, sweep.name());
        SparkReader sparkReader = new SparkReader(values);
        SparkSettings spark = sparkReader.read();
        Map<String, Long> warnings = new GridCheck(values).check(sweep.plan(), sweep.type(),
                TaskMemory.of(spark, sparkReader.masterOrigin()), sweep.paths());
        return new SweepConfig(sweep.name(), sweep.plan(), out, spark, new FssReader(values).read(sweep.type(), sweep.plan()),
                confirmTasks, source, config.root().render(ConfigRenderOptions.concise()),
                hash(sweep.plan(), sweep.refine()), warnings, new CheckpointReader(values).read(), sweep.refine());
    }

    /**
     * SHA-256 over a canonical JSON of what determines the tables (not output dir or Spark settings).
     * A plain grid hashes as it always did; linked axes, sampled designs (their drawn values),
     * expressions and a refinement add entries of their own.
     */
    static String hash(SweepPlan plan, java.util.Optional<RefineSettings> refine) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("model", plan.model());
        canonical.put("seed", plan.sweepSeed());
        canonical.put("replicas", plan.replicas());
        canonical.put("params", new TreeMap<>(plan.fixed()));
        List<Map<String, Object>> axes = new ArrayList<>();
        for (Factor f : plan.grid().factors()) {
            List<Map<String, Object>> columns = new ArrayList<>();
            for (Axis a : f.columns()) {
                columns.add(Map.of("name", a.name(), "values", a.values()));
            }
            axes.add(f.isAxis() ? columns.get(0) : Map.of("form", f.form().label(), "columns", columns));
        }
        canonical.put("grid", axes);
        if (!plan.grid().derived().isEmpty()) {
            Map<String, Object> expressions = new TreeMap<>();
            plan.grid().derived().forEach(d -> expressions.put(d.name(), d.expression().source()));
            canonical.put("expressions", expressions);
        }
        refine.ifPresent(r -> canonical.put("refine", r.describe()));
        try {
            byte[] json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
