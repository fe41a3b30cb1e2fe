package io.phasesweep.config;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.phasesweep.grid.DerivedParameter;
import io.phasesweep.grid.Factor;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code sweep} block: model, name, seed, replicas, parameters (fixed or expressions), the grid and its refinement. */
final class SweepReader {
    private static final Set<String> KEYS = Reference.keys("sweep");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_NAME = 200;
    private static final long MAX_REPLICAS = 1_000_000L;

    /**
     * The block read: the sweep's name, what to simulate, where each swept or derived parameter
     * is written, and the boundary refinement, if any.
     */
    record Sweep(String name, SweepPlan plan, Map<String, String> paths, Optional<RefineSettings> refine) {
        ModelType type() {
            return plan.modelType();
        }
    }

    private final TypedValues values;
    private final AxisReader axes;

    SweepReader(TypedValues values) {
        this.values = values;
        this.axes = new AxisReader(values);
    }

    Sweep read() {
        if (!values.has("sweep")) {
            throw new ConfigError(values.source() + ": sweep: missing (the sweep block names the model and grid)");
        }
        values.requireObject("sweep");
        values.checkKeys(values.config().getObject("sweep"), "sweep.", KEYS);
        ModelType type = model();
        String name = values.has("sweep.name") ? values.string("sweep.name") : baseName(values.source());
        if (!NAME.matcher(name).matches()) {
            throw values.error("sweep.name", "must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (name.length() > MAX_NAME) {
            throw values.error("sweep.name", "is " + name.length() + " characters long; at most " + MAX_NAME);
        }
        long seed = values.has("sweep.seed") ? values.integer("sweep.seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : Reference.integer("sweep.seed");
        int replicas = values.has("sweep.replicas") ? (int) values.integer("sweep.replicas", 1, MAX_REPLICAS)
                : (int) Reference.integer("sweep.replicas");
        Map<String, ConfigValue> expressions = new LinkedHashMap<>();
        Map<String, Object> fixed = params(type, expressions);
        Set<String> given = new HashSet<>(fixed.keySet());
        given.addAll(expressions.keySet());
        GridReader.Read read = new GridReader(values, axes, (key, path) -> parameter(type, key, path))
                .read(type, seed, given);
        long tasks = replicas;
        for (Factor f : read.factors()) {
            tasks = tasks > ConfigLoader.MAX_TASKS ? tasks : tasks * f.size();
        }
        if (tasks > ConfigLoader.MAX_TASKS) {
            throw values.error("sweep.grid", "grid x replicas is more than the limit of " + ConfigLoader.MAX_TASKS + " tasks");
        }
        checkLadder(type, read);
        List<DerivedParameter> derived = new ExpressionReader(values).read(type, fixed, expressions, read.factors());
        Map<String, String> paths = new LinkedHashMap<>(read.paths());
        derived.forEach(d -> paths.put(d.name(), ExpressionReader.path(d.name())));
        checkLadder(type, derived);
        Grid grid = new Grid(read.factors(), derived);
        Optional<RefineSettings> refine = new RefineReader(values).read(type, grid);
        return new Sweep(name, new SweepPlan(type.name(), seed, replicas, grid, fixed), paths, refine);
    }

    /** A ladder task runs every value of its axis together: the axis must be a plain list of them. */
    private void checkLadder(ModelType type, GridReader.Read read) {
        Optional<String> ladder = type.ladderAxis();
        for (Factor f : read.factors()) {
            if (ladder.isPresent() && f.sets(ladder.get()) && !f.isAxis()) {
                throw values.error(read.paths().get(ladder.get()), "model " + type.name() + " runs " + ladder.get()
                        + " as a ladder (one task covers every value): it must be a plain list or range axis, not "
                        + (f.form() == Factor.Form.LINK ? "linked" : "sampled"));
            }
        }
    }

    /** Ladder members share one task and one seed: nothing they run may differ but the ladder value. */
    private void checkLadder(ModelType type, List<DerivedParameter> derived) {
        Optional<String> ladder = type.ladderAxis();
        if (ladder.isEmpty()) {
            return;
        }
        // In evaluation order, the first to depend on the ladder depends on it directly.
        for (DerivedParameter d : derived) {
            if (d.inputs().contains(ladder.get())) {
                throw values.error(ExpressionReader.path(d.name()), "depends on " + ladder.get() + ", which model "
                        + type.name() + " runs as a ladder (one task, one run length for every value)");
            }
        }
    }

    private Map<String, Object> params(ModelType type, Map<String, ConfigValue> expressions) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (values.has("sweep.params")) {
            values.requireObject("sweep.params");
            for (Map.Entry<String, ConfigValue> e : values.config().getObject("sweep.params").entrySet()) {
                String path = "sweep.params." + TypedValues.quote(e.getKey());
                ParamSpec spec = parameter(type, e.getKey(), path);
                if (e.getValue().valueType() == ConfigValueType.LIST || e.getValue().valueType() == ConfigValueType.OBJECT) {
                    throw values.error(path, "is a " + e.getValue().valueType().name().toLowerCase()
                            + "; swept values belong under sweep.grid");
                }
                if (ExpressionReader.isExpression(spec, e.getValue())) {
                    expressions.put(e.getKey(), e.getValue());
                } else {
                    fixed.put(e.getKey(), axes.value(spec, e.getValue(), path));
                }
            }
        }
        return fixed;
    }

    private ModelType model() {
        if (!values.has("sweep.model")) {
            throw values.error("sweep", "sweep.model is missing (known models: " + knownModels() + ")");
        }
        String name = values.string("sweep.model");
        return ModelRegistry.find(name).orElseThrow(() -> values.error("sweep.model", "unknown model '" + name + "'"
                + Suggestions.suggestion(name, modelNames()) + " (known: " + knownModels() + ")"));
    }

    private static List<String> modelNames() {
        return ModelRegistry.all().stream().map(ModelType::name).toList();
    }

    private static String knownModels() {
        return String.join(", ", modelNames());
    }

    private ParamSpec parameter(ModelType type, String key, String path) {
        return type.parameters().stream().filter(p -> p.name().equals(key)).findFirst().orElseThrow(() -> {
            List<String> known = type.parameters().stream().map(ParamSpec::name).toList();
            return values.error(path, "model " + type.name() + " has no parameter '" + key + "'"
                    + Suggestions.suggestion(key, known) + " (parameters: " + String.join(", ", known) + ")");
        });
    }

    private static String baseName(String source) {
        String file = Path.of(source).getFileName().toString();
        return file.endsWith(".conf") ? file.substring(0, file.length() - 5) : file;
    }
}
