package io.phasesweep.config;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code sweep} block: model, name, seed, replicas, fixed parameters and the grid. */
final class SweepReader {
    private static final Set<String> KEYS = Reference.keys("sweep");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_NAME = 200;
    private static final long MAX_REPLICAS = 1_000_000L;

    /** The block read: the sweep's name and what to simulate. */
    record Sweep(String name, SweepPlan plan) {
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
        Map<String, Object> fixed = params(type);
        List<Axis> grid = grid(type, fixed);
        long tasks = replicas;
        for (Axis a : grid) {
            tasks = tasks > ConfigLoader.MAX_TASKS ? tasks : tasks * a.size();
        }
        if (tasks > ConfigLoader.MAX_TASKS) {
            throw values.error("sweep.grid", "grid x replicas is more than the limit of " + ConfigLoader.MAX_TASKS + " tasks");
        }
        return new Sweep(name, new SweepPlan(type.name(), seed, replicas, new Grid(grid), fixed));
    }

    private Map<String, Object> params(ModelType type) {
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
                fixed.put(e.getKey(), axes.value(spec, e.getValue(), path));
            }
        }
        return fixed;
    }

    private List<Axis> grid(ModelType type, Map<String, Object> fixed) {
        List<Axis> result = new ArrayList<>();
        if (values.has("sweep.grid")) {
            values.requireObject("sweep.grid");
            List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(values.config().getObject("sweep.grid").entrySet());
            // Axes keep the order they were written in: it is the column order of every table.
            entries.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> {
                int line = e.getValue().origin().lineNumber();
                return line > 0 ? line : Integer.MAX_VALUE;
            }).thenComparing(Map.Entry::getKey));
            for (Map.Entry<String, ConfigValue> e : entries) {
                String path = "sweep.grid." + TypedValues.quote(e.getKey());
                ParamSpec spec = parameter(type, e.getKey(), path);
                if (fixed.containsKey(e.getKey())) {
                    throw values.error(path, "also set in sweep.params (at " + TypedValues.where(values.config()
                            .getValue("sweep.params." + TypedValues.quote(e.getKey())).origin()) + "); keep one");
                }
                result.add(new Axis(e.getKey(), spec.type(), axes.axisValues(spec, e.getValue(), path)));
            }
        }
        return result;
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
