package io.phasesweep.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.ParamType;
import io.phasesweep.model.Params;


import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a sweep file (HOCON) plus {@code --set key=value} overrides into a validated
 * {@link SweepConfig}. Every problem is reported before any work starts, as one line naming the
 * key and the file:line it came from. The file is data: substitutions resolve only against the
 * file itself, never environment variables or system properties.
 */
public final class ConfigLoader {

    private static final Set<String> TOP = Set.of("sweep", "output", "spark", "fss", "limits");
    private static final Set<String> LIMITS = Set.of("confirm_tasks");
    /** Sweeps with more tasks than this need --yes (overridable as limits.confirm_tasks). */
    public static final long DEFAULT_CONFIRM_TASKS = 200_000L;
    private static final Set<String> FSS = Set.of("control", "size", "observables", "window", "bootstrap", "seed", "refine");
    private static final Set<String> REFINE = Set.of("points", "width");
    private static final Set<String> SWEEP = Set.of("name", "model", "seed", "replicas", "grid", "params");
    private static final Set<String> OUTPUT = Set.of("dir");
    private static final Set<String> SPARK = Set.of("master", "partitions", "ui", "conf");
    private static final Set<String> RANGE = Set.of("from", "to", "steps", "scale");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");
    /** Far above any sensible sweep; stops a typo (steps = 1e9) before it reaches Spark. */
    public static final long MAX_TASKS = 100_000_000L;
    private static final long MAX_REPLICAS = 1_000_000L;
    private static final int MAX_NAME = 200;
    /** A collapse fits x_c, 1/nu and an exponent: fewer control values than that plus one fit nothing. */
    static final int MIN_CONTROL_VALUES = 4;
    /** Grids up to this size are checked point by point; larger ones at their corners and a sample. */
    public static final long CHECK_EVERY_POINT = 100_000;

    private ConfigLoader() {
    }

    /** Re-reads the resolved config stored in an output's manifest (for {@code phasesweep fss}). */
    public static SweepConfig fromManifest(String resolvedJson, String source, List<String> overrides, Path outputDir) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(resolvedJson, ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.JSON).setOriginDescription(source));
        } catch (ConfigException e) {
            throw new ConfigError(oneLine(e.getMessage()));
        }
        Config merged = applyOverrides(parsed, overrides)
                .withValue("output.dir", ConfigValueFactory.fromAnyRef(outputDir.toString(), "output directory"));
        return new ConfigLoader.Reader(merged.resolve(ConfigResolveOptions.noSystem()), source).read();
    }

    public static SweepConfig load(Path file, List<String> overrides, Path outputOverride) {
        return load(file, overrides, null, outputOverride);
    }

    /** @param master the command line's --master, or null */
    public static SweepConfig load(Path file, List<String> overrides, String master, Path outputOverride) {
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
            merged = merged.withValue("output.dir", ConfigValueFactory.fromAnyRef(outputOverride.toString(), "--out"));
        }
        try {
            merged = merged.resolve(ConfigResolveOptions.noSystem());
        } catch (ConfigException e) {
            throw new ConfigError(oneLine(e.getMessage()));
        }
        return new ConfigLoader.Reader(merged, file.toString()).read();
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
            if (!KEY.matcher(key).matches()) {
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

    static String where(ConfigOrigin origin) {
        if (origin.filename() != null && origin.lineNumber() > 0) {
            return origin.filename() + ":" + origin.lineNumber();
        }
        // Values from --set carry a description like "--set key: 1"; the line is meaningless there.
        return origin.description().replaceFirst(": \\d+$", "");
    }

    /** Typesafe's "file: 12: message" as our "file:12: message", on one line. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").trim().replaceFirst("^(.+?): (\\d+): ", "$1:$2: ");
    }

    /** Reading state for one config. */
    private static final class Reader {
        private final Config config;
        private final String source;

        Reader(Config config, String source) {
            this.config = config;
            this.source = source;
        }

        /** An error at the position of a particular value (a list element, a map entry). */
        private static ConfigError errorAt(ConfigValue value, String path, String message) {
            return new ConfigError(where(value.origin()) + ": " + path + ": " + message);
        }

        /** An error at the position of the value at {@code path}, or at the file if the key is absent. */
        private ConfigError error(String path, String message) {
            return config.hasPathOrNull(path) ? errorAt(config.getValue(path), path, message)
                    : new ConfigError(source + ": " + path + ": " + message);
        }

        SweepConfig read() {
            checkKeys(config.root(), "", TOP);
            if (!config.hasPath("sweep")) {
                throw new ConfigError(source + ": sweep: missing (the sweep block names the model and grid)");
            }
            requireObject("sweep");
            checkKeys(config.getObject("sweep"), "sweep.", SWEEP);
            ModelType type = model();
            for (ParamSpec p : type.parameters()) {
                io.phasesweep.io.Tables.collision(p.name()).ifPresent(c -> {
                    throw new IllegalStateException("model " + type.name() + " parameter '" + p.name()
                            + "' collides with the table column '" + c + "'; rename the parameter");
                });
            }
            String name = config.hasPath("sweep.name") ? string("sweep.name") : baseName(source);
            if (!NAME.matcher(name).matches()) {
                throw error("sweep.name", "must be letters, digits, '.', '_' or '-', got '" + name + "'");
            }
            if (name.length() > MAX_NAME) {
                throw error("sweep.name", "is " + name.length() + " characters long; at most " + MAX_NAME);
            }
            long seed = config.hasPath("sweep.seed") ? integer("sweep.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0L;
            int replicas = config.hasPath("sweep.replicas") ? (int) integer("sweep.replicas", 1, MAX_REPLICAS) : 1;

            Map<String, Object> fixed = new LinkedHashMap<>();
            if (config.hasPath("sweep.params")) {
                requireObject("sweep.params");
                for (Map.Entry<String, ConfigValue> e : config.getObject("sweep.params").entrySet()) {
                    String path = "sweep.params." + quote(e.getKey());
                    ParamSpec spec = parameter(type, e.getKey(), path);
                    if (e.getValue().valueType() == ConfigValueType.LIST || e.getValue().valueType() == ConfigValueType.OBJECT) {
                        throw error(path, "is a " + e.getValue().valueType().name().toLowerCase()
                                + "; swept values belong under sweep.grid");
                    }
                    fixed.put(e.getKey(), value(spec, e.getValue(), path));
                }
            }
            List<Axis> axes = new ArrayList<>();
            if (config.hasPath("sweep.grid")) {
                requireObject("sweep.grid");
                List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(config.getObject("sweep.grid").entrySet());
                // Axes keep the order they were written in: it is the column order of every table.
                entries.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> {
                    int line = e.getValue().origin().lineNumber();
                    return line > 0 ? line : Integer.MAX_VALUE;
                }).thenComparing(Map.Entry::getKey));
                for (Map.Entry<String, ConfigValue> e : entries) {
                    String path = "sweep.grid." + quote(e.getKey());
                    ParamSpec spec = parameter(type, e.getKey(), path);
                    if (fixed.containsKey(e.getKey())) {
                        throw error(path, "also set in sweep.params (at "
                                + where(config.getValue("sweep.params." + quote(e.getKey())).origin()) + "); keep one");
                    }
                    axes.add(new Axis(e.getKey(), spec.type(), axisValues(spec, e.getValue(), path)));
                }
            }
            long tasks = replicas;
            for (Axis a : axes) {
                tasks = tasks > MAX_TASKS ? tasks : tasks * a.size();
            }
            if (tasks > MAX_TASKS) {
                throw error("sweep.grid", "grid x replicas is more than the limit of " + MAX_TASKS + " tasks");
            }
            Grid grid = new Grid(axes);
            long confirmTasks = DEFAULT_CONFIRM_TASKS;
            if (config.hasPath("limits")) {
                requireObject("limits");
                checkKeys(config.getObject("limits"), "limits.", LIMITS);
                if (config.hasPath("limits.confirm_tasks")) {
                    confirmTasks = integer("limits.confirm_tasks", 1, Long.MAX_VALUE);
                }
            }
            SweepPlan plan = new SweepPlan(type.name(), seed, replicas, grid, fixed);
            Path out = outputDir(name);
            SparkSettings spark = spark();
            Map<String, Long> warnings = checkPoints(plan, type, TaskMemory.of(spark,
                    config.hasPath("spark.master") ? where(config.getValue("spark.master").origin()) : source));
            return new SweepConfig(name, plan, out, spark, fss(type, plan), confirmTasks, source,
                    config.root().render(ConfigRenderOptions.concise()), hash(plan), warnings);
        }

        /** The output directory: output.dir (or --out), else out/NAME; a path that can be written literally. */
        private Path outputDir(String name) {
            String key = config.hasPath("output.dir") ? "output.dir" : "sweep.name";
            String text = config.hasPath("output.dir") ? string("output.dir") : "out/" + name;
            Path out;
            try {
                out = Path.of(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw error(key, "'" + text + "' is not a path: " + e.getReason());
            }
            OutputPath.problem(out).ifPresent(why -> {
                throw error(key, why);
            });
            return out;
        }

        /**
         * Model-level checks (e.g. Wolff needs h = 0) and each task's memory against what a task
         * gets, blamed on the right key; returns the models' warnings with the number of points each
         * concerns. Every point of a grid up to {@link #CHECK_EVERY_POINT} points is checked; a
         * larger grid at its corners (where sizes and couplings are extreme) and an even sample.
         */
        private Map<String, Long> checkPoints(SweepPlan plan, ModelType type, TaskMemory memory) {
            Grid grid = plan.grid();
            int ladder = plan.ladderIndex();
            int members = ladder < 0 ? 1 : grid.axes().get(ladder).size();
            Map<String, Long> warnings = new LinkedHashMap<>();
            long largest = -1;
            Object[] largestAt = null;
            for (long i : pointsToCheck(grid)) {
                Object[] point = grid.point(i);
                Params params;
                try {
                    params = plan.params(point);
                } catch (InvalidParameterException e) {
                    String key = e.parameter();
                    String path = plan.fixed().containsKey(key) ? "sweep.params." + key
                            : grid.names().contains(key) ? "sweep.grid." + key : "sweep";
                    String at = describePoint(grid, point);
                    throw error(path, e.getMessage() + (at.isEmpty() ? "" : " (at grid point " + at + ")"));
                }
                long bytes = TaskMemory.taskBytes(type, params, members);
                if (bytes > largest) {
                    largest = bytes;
                    largestAt = point;
                }
                for (String w : type.warnings(params)) {
                    warnings.merge(w, 1L, Long::sum);
                }
            }
            if (largest > memory.perTask()) {
                String at = describePoint(grid, largestAt);
                throw error(grid.axes().isEmpty() ? "sweep.params" : "sweep.grid", "a task" + (at.isEmpty() ? "" : " at "
                        + at) + " needs " + TaskMemory.gib(largest) + " (the model's state and the rows it records); "
                        + memory.where() + ", " + TaskMemory.gib(memory.perTask()) + " per task after Spark's share: "
                        + memory.remedy() + ", or make the tasks smaller");
            }
            return warnings;
        }

        private static Iterable<Long> pointsToCheck(Grid grid) {
            long n = grid.size();
            if (n <= CHECK_EVERY_POINT) {
                return () -> java.util.stream.LongStream.range(0, n).iterator();
            }
            java.util.TreeSet<Long> points = new java.util.TreeSet<>();
            int d = grid.axes().size();
            for (int corner = 0; corner < (1 << Math.min(d, 16)); corner++) {
                long index = 0;
                for (int a = 0; a < d; a++) {
                    int size = grid.axes().get(a).size();
                    index = index * size + (((corner >> a) & 1) == 1 ? size - 1 : 0);
                }
                points.add(index);
            }
            long stride = n / CHECK_EVERY_POINT;
            for (long i = 0; i < n; i += stride) {
                points.add(i);
            }
            return points;
        }

        private static String describePoint(Grid grid, Object[] point) {
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < point.length; a++) {
                sb.append(a == 0 ? "" : ", ").append(grid.axes().get(a).name()).append('=').append(point[a]);
            }
            return sb.toString();
        }

        private ModelType model() {
            if (!config.hasPath("sweep.model")) {
                throw error("sweep", "sweep.model is missing (known models: " + knownModels() + ")");
            }
            String name = string("sweep.model");
            return ModelRegistry.find(name).orElseThrow(() ->
                    error("sweep.model", "unknown model '" + name + "' (known: " + knownModels() + ")"));
        }

        private static String knownModels() {
            return String.join(", ", ModelRegistry.all().stream().map(ModelType::name).toList());
        }

        private ParamSpec parameter(ModelType type, String key, String path) {
            return type.parameters().stream().filter(p -> p.name().equals(key)).findFirst().orElseThrow(() -> {
                List<String> known = type.parameters().stream().map(ParamSpec::name).toList();
                return error(path, "model " + type.name() + " has no parameter '" + key + "'"
                        + suggestion(key, known) + " (parameters: " + String.join(", ", known) + ")");
            });
        }

        private Object value(ParamSpec spec, ConfigValue v, String path) {
            Object typed;
            try {
                typed = Params.coerce(spec, v.unwrapped());
            } catch (InvalidParameterException e) {
                throw errorAt(v, path, e.getMessage());
            }
            spec.reject(typed).ifPresent(why -> {
                throw errorAt(v, path, why);
            });
            return typed;
        }

        private List<Object> axisValues(ParamSpec spec, ConfigValue v, String path) {
            List<Object> values = new ArrayList<>();
            switch (v.valueType()) {
                case LIST -> {
                    for (ConfigValue element : (Iterable<ConfigValue>) (com.typesafe.config.ConfigList) v) {
                        values.add(value(spec, element, path));
                    }
                    if (values.isEmpty()) {
                        throw error(path, "empty list: an axis needs at least one value");
                    }
                }
                case OBJECT -> values.addAll(range(spec, (ConfigObject) v, path));
                default -> values.add(value(spec, v, path));
            }
            if (values.stream().distinct().count() != values.size()) {
                throw error(path, "repeats a value: " + values);
            }
            return values;
        }

        /** {@code {from, to, steps, scale}}: inclusive, linear or logarithmic. */
        private List<Object> range(ParamSpec spec, ConfigObject range, String path) {
            checkKeys(range, path + ".", RANGE);
            for (String k : List.of("from", "to", "steps")) {
                if (!range.containsKey(k)) {
                    throw error(path, "a range needs from, to and steps; '" + k + "' is missing");
                }
            }
            if (spec.type() == ParamType.STRING || spec.type() == ParamType.BOOLEAN) {
                throw error(path, spec.name() + " is a " + spec.type().label() + ": list its values instead of a range");
            }
            double from = number(path + ".from");
            double to = number(path + ".to");
            long steps = integer(path + ".steps", 1, 10_000_000);
            String scale = config.hasPath(path + ".scale") ? string(path + ".scale") : "linear";
            if (!scale.equals("linear") && !scale.equals("log")) {
                throw error(path + ".scale", "must be linear or log, got '" + scale + "'");
            }
            if (from > to) {
                throw error(path, "inverted range: from = " + from + " > to = " + to + " (write it ascending)");
            }
            if (steps == 1 && from != to) {
                throw error(path + ".steps", "steps = 1 but from != to; use steps >= 2 or a single value");
            }
            if (scale.equals("log") && from <= 0) {
                throw error(path, "log range touching 0: from and to must be > 0, got from = " + from);
            }
            List<Object> values = new ArrayList<>();
            for (long i = 0; i < steps; i++) {
                double x = steps == 1 ? from : scale.equals("log")
                        ? from * StrictMath.pow(to / from, (double) i / (steps - 1))
                        : linear(from, to, i, steps);
                Object typed = x;
                if (spec.type() == ParamType.INT || spec.type() == ParamType.LONG) {
                    double r = Math.rint(x);
                    if (Math.abs(x - r) > 1e-9 * Math.max(1, Math.abs(x))) {
                        throw error(path, "gives the non-integer value " + x + " for integer " + spec.name()
                                + "; list the values instead");
                    }
                    typed = r;
                }
                Object coerced = Params.coerce(spec, typed);
                Optional<String> why = spec.reject(coerced);
                if (why.isPresent()) {
                    throw error(path, why.get());
                }
                values.add(coerced);
            }
            return values;
        }

        /** from + i (to - from)/(steps - 1) in decimal, so 1.5 + 8 * 0.1 is 2.3, not 2.3000000000000003. */
        private static double linear(double from, double to, long i, long steps) {
            java.math.BigDecimal f = java.math.BigDecimal.valueOf(from);
            java.math.BigDecimal span = java.math.BigDecimal.valueOf(to).subtract(f);
            return f.add(span.multiply(java.math.BigDecimal.valueOf(i))
                    .divide(java.math.BigDecimal.valueOf(steps - 1), java.math.MathContext.DECIMAL64)).doubleValue();
        }

        private Optional<FssSettings> fss(ModelType type, SweepPlan plan) {
            if (!config.hasPath("fss")) {
                return Optional.empty();
            }
            requireObject("fss");
            checkKeys(config.getObject("fss"), "fss.", FSS);
            Grid grid = plan.grid();
            String control = axisName("fss.control", grid, Set.of(ParamType.DOUBLE, ParamType.INT, ParamType.LONG));
            String size = sizeName(type, grid);
            if (control.equals(size)) {
                throw error("fss.size", "must differ from fss.control");
            }
            if (grid.names().contains(size) && grid.axes().get(grid.names().indexOf(size)).size() < 2) {
                throw error("fss.size", "axis " + size + " needs at least 2 sizes for finite-size scaling");
            }
            List<String> observables = new ArrayList<>();
            if (config.hasPath("fss.observables")) {
                try {
                    observables.addAll(config.getStringList("fss.observables"));
                } catch (ConfigException.WrongType e) {
                    throw error("fss.observables", "must be a list of names");
                }
                for (String o : observables) {
                    if (!type.scaling().containsKey(o)) {
                        throw error("fss.observables", "model " + type.name() + " has no scaling form for '" + o
                                + "' (available: " + String.join(", ", new java.util.TreeSet<>(type.scaling().keySet())) + ")");
                    }
                }
            } else {
                observables.addAll(new java.util.TreeSet<>(type.scaling().keySet()));
            }
            if (observables.isEmpty()) {
                throw error("fss", "model " + type.name() + " declares no quantities with a scaling form");
            }
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            if (config.hasPath("fss.window")) {
                List<Double> w;
                try {
                    w = config.getDoubleList("fss.window");
                } catch (ConfigException.WrongType e) {
                    throw error("fss.window", "must be [low, high] in the control parameter");
                }
                if (w.size() != 2 || !(w.get(0) < w.get(1))) {
                    throw error("fss.window", "must be [low, high] with low < high, got " + w);
                }
                lo = w.get(0);
                hi = w.get(1);
            }
            Axis controlAxis = grid.axes().get(grid.names().indexOf(control));
            double windowLo = lo;
            double windowHi = hi;
            long inWindow = controlAxis.values().stream().mapToDouble(v -> ((Number) v).doubleValue())
                    .filter(x -> x >= windowLo && x <= windowHi).count();
            if (inWindow < MIN_CONTROL_VALUES) {
                throw error(config.hasPath("fss.window") ? "fss.window" : "fss.control", "finite-size scaling needs at least "
                        + MIN_CONTROL_VALUES + " values of " + control + (config.hasPath("fss.window") ? " inside the window" : "")
                        + " (a collapse fits up to 3 parameters); the grid has " + inWindow);
            }
            int bootstrap = config.hasPath("fss.bootstrap") ? (int) integer("fss.bootstrap", 10, 100_000) : 200;
            long seed = config.hasPath("fss.seed") ? integer("fss.seed", Long.MIN_VALUE, Long.MAX_VALUE) : plan.sweepSeed();
            Optional<FssSettings.Refine> refine = Optional.empty();
            if (config.hasPath("fss.refine")) {
                requireObject("fss.refine");
                checkKeys(config.getObject("fss.refine"), "fss.refine.", REFINE);
                int points = config.hasPath("fss.refine.points") ? (int) integer("fss.refine.points", 2, 10_000) : 9;
                if (grid.axes().get(grid.names().indexOf(control)).type() != ParamType.DOUBLE) {
                    throw error("fss.refine", "refinement needs a real-valued control axis; " + control + " is not");
                }
                double width;
                if (config.hasPath("fss.refine.width")) {
                    width = number("fss.refine.width");
                    if (!(width > 0)) {
                        throw error("fss.refine.width", "must be > 0, got " + width);
                    }
                } else {
                    width = 4 * smallestSpacing(grid.axes().get(grid.names().indexOf(control)));
                    if (!(width > 0)) {
                        throw error("fss.refine", "fss.refine.width is needed: the control axis has a single value");
                    }
                }
                refine = Optional.of(new FssSettings.Refine(points, width));
            }
            return Optional.of(new FssSettings(control, size, observables, lo, hi, bootstrap, seed, refine));
        }

        private static double smallestSpacing(Axis axis) {
            double[] v = axis.values().stream().mapToDouble(o -> ((Number) o).doubleValue()).sorted().toArray();
            double min = Double.NaN;
            for (int i = 1; i < v.length; i++) {
                min = Double.isNaN(min) ? v[i] - v[i - 1] : Math.min(min, v[i] - v[i - 1]);
            }
            return min;
        }

        /**
         * fss.size: a numeric grid axis, or the linear size the model derives from its parameters
         * (a name that is both is refused: which one was meant cannot be told).
         */
        private String sizeName(ModelType type, Grid grid) {
            Optional<String> derived = type.linearSizeName();
            String name = config.hasPath("fss.size") ? string("fss.size") : null;
            if (name != null && derived.isPresent() && derived.get().equals(name)) {
                if (grid.names().contains(name)) {
                    throw error("fss.size", "'" + name + "' is both a grid axis and the linear size model " + type.name()
                            + " derives from " + String.join(", ", type.linearSizeParameters()) + "; rename the axis");
                }
                return name;
            }
            if (name != null && !grid.names().contains(name)) {
                throw error("fss.size", "'" + name + "' is neither a grid axis nor a size model " + type.name()
                        + " derives (choices: " + String.join(", ", grid.names())
                        + derived.map(d -> ", or " + d + " = the linear size from "
                                + String.join(", ", type.linearSizeParameters())).orElse("") + ")");
            }
            return axisName("fss.size", grid, Set.of(ParamType.DOUBLE, ParamType.INT, ParamType.LONG));
        }

        private String axisName(String path, Grid grid, Set<ParamType> types) {
            if (!config.hasPath(path)) {
                throw error("fss", path + " is missing (name one of the grid axes: " + String.join(", ", grid.names()) + ")");
            }
            String name = string(path);
            int i = grid.names().indexOf(name);
            if (i < 0) {
                throw error(path, "'" + name + "' is not a grid axis (axes: " + String.join(", ", grid.names()) + ")");
            }
            if (!types.contains(grid.axes().get(i).type())) {
                throw error(path, "axis " + name + " is a " + grid.axes().get(i).type().label() + "; expected a number"
                        + (types.contains(ParamType.DOUBLE) ? "" : " of integer type"));
            }
            return name;
        }

        private SparkSettings spark() {
            Optional<String> master = Optional.empty();
            int partitions = 0;
            boolean ui = false;
            Map<String, String> conf = new TreeMap<>();
            if (config.hasPath("spark")) {
                requireObject("spark");
                checkKeys(config.getObject("spark"), "spark.", SPARK);
                if (config.hasPath("spark.master")) {
                    master = Optional.of(string("spark.master"));
                    SparkSettings.rejectMaster(master.get()).ifPresent(why -> {
                        throw error("spark.master", why);
                    });
                }
                if (config.hasPath("spark.partitions")) {
                    partitions = (int) integer("spark.partitions", 0, 1_000_000);
                }
                if (config.hasPath("spark.ui")) {
                    try {
                        ui = config.getBoolean("spark.ui");
                    } catch (ConfigException.WrongType e) {
                        throw error("spark.ui", "must be true or false");
                    }
                }
                if (config.hasPath("spark.conf")) {
                    requireObject("spark.conf");
                    for (Map.Entry<String, ConfigValue> e : config.getObject("spark.conf").entrySet()) {
                        ConfigValueType t = e.getValue().valueType();
                        if (t == ConfigValueType.OBJECT || t == ConfigValueType.LIST || t == ConfigValueType.NULL) {
                            throw errorAt(e.getValue(), "spark.conf.\"" + e.getKey() + "\"",
                                    "must be a string, number or boolean (quote dotted Spark keys)");
                        }
                        conf.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
                    }
                }
            }
            return new SparkSettings(master, partitions, ui, conf);
        }

        private void checkKeys(ConfigObject object, String prefix, Set<String> allowed) {
            for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw errorAt(e.getValue(), prefix + e.getKey(), "unknown key" + suggestion(e.getKey(), allowed)
                            + " (expected: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        private void requireObject(String path) {
            if (config.getValue(path).valueType() != ConfigValueType.OBJECT) {
                throw error(path, "must be a block { ... }, got a " + config.getValue(path).valueType().name().toLowerCase());
            }
        }

        private String string(String path) {
            ConfigValue v = config.getValue(path);
            if (v.valueType() != ConfigValueType.STRING) {
                throw error(path, "must be a string, got " + v.valueType().name().toLowerCase() + " " + v.render());
            }
            return (String) v.unwrapped();
        }

        private double number(String path) {
            ConfigValue v = config.getValue(path);
            if (v.valueType() != ConfigValueType.NUMBER) {
                throw error(path, "must be a number, got " + v.render());
            }
            double d = ((Number) v.unwrapped()).doubleValue();
            if (!Double.isFinite(d)) {
                throw error(path, "must be finite, got " + v.render());
            }
            return d;
        }

        /**
         * An integer in [min, max], read exactly: HOCON gives a long for integers that fit one and a
         * double otherwise, so a double here is either not an integer or out of range; nothing is
         * ever narrowed silently (4294967297 replicas must not become 1).
         */
        private long integer(String path, long min, long max) {
            ConfigValue v = config.getValue(path);
            // HOCON reads an unquoted integer beyond 64 bits as a string.
            if (v.valueType() == ConfigValueType.STRING && ((String) v.unwrapped()).matches("[-+]?\\d+")) {
                throw error(path, (((String) v.unwrapped()).startsWith("-") ? bound(min, false) : bound(max, true))
                        + ", got " + v.unwrapped());
            }
            if (v.valueType() != ConfigValueType.NUMBER) {
                throw error(path, "must be an integer, got " + v.render());
            }
            Number n = (Number) v.unwrapped();
            if (!(n instanceof Integer || n instanceof Long)) {
                double d = n.doubleValue();
                if (d != Math.rint(d)) {
                    throw error(path, "must be an integer, got " + v.render());
                }
                if (Math.abs(d) < 0x1p63) {
                    n = (long) d;
                } else {
                    throw error(path, d > 0 ? bound(max, true) + ", got " + v.render() : bound(min, false) + ", got " + v.render());
                }
            }
            long l = n.longValue();
            if (l < min) {
                throw error(path, bound(min, false) + ", got " + l);
            }
            if (l > max) {
                throw error(path, bound(max, true) + ", got " + l);
            }
            return l;
        }

        private static String bound(long limit, boolean upper) {
            if (upper) {
                return limit == Long.MAX_VALUE ? "must fit a 64-bit integer" : "must be <= " + limit;
            }
            return limit == Long.MIN_VALUE ? "must fit a 64-bit integer" : "must be >= " + limit;
        }
    }

    private static String quote(String key) {
        return KEY.matcher(key).matches() && !key.contains(".") ? key : "\"" + key + "\"";
    }

    private static String baseName(String source) {
        String file = Path.of(source).getFileName().toString();
        return file.endsWith(".conf") ? file.substring(0, file.length() - 5) : file;
    }

    /** ", did you mean 'x'?" for a near miss (edit distance <= 2), else "". */
    static String suggestion(String key, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = editDistance(key.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : ", did you mean '" + best + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** SHA-256 over a canonical JSON of what determines the tables (not output dir or Spark settings). */
    static String hash(SweepPlan plan) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("model", plan.model());
        canonical.put("seed", plan.sweepSeed());
        canonical.put("replicas", plan.replicas());
        canonical.put("params", new TreeMap<>(plan.fixed()));
        List<Map<String, Object>> axes = new ArrayList<>();
        for (Axis a : plan.grid().axes()) {
            axes.add(Map.of("name", a.name(), "values", a.values()));
        }
        canonical.put("grid", axes);
        try {
            byte[] json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
