package io.phasesweep.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Factor;
import io.phasesweep.grid.SampledDesign;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.ParamType;
import io.phasesweep.seed.DesignSeed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@code sweep.grid} block as factors of the product, in the order written (the column order
 * of every table): plain axes ({@code L = [8, 16]}), one {@code link} of parameters taken together,
 * and one sampled design ({@code design}, {@code points}, {@code ranges}), placed where its first
 * key is. A parameter is set in one place only.
 */
final class GridReader {
    /** The keys of sweep.grid that are forms, not parameters. */
    private static final Set<String> FORMS = Reference.keys("sweep.grid");
    private static final String LINK = "link";
    private static final String DESIGN = "design";
    private static final String POINTS = "points";
    private static final String RANGES = "ranges";
    /** Design points travel with the plan to every task; beyond this, sample fewer or in passes. */
    static final long MAX_DESIGN_POINTS = 100_000;

    /** The factors, and where each column is written (for errors found later, at grid points). */
    record Read(List<Factor> factors, Map<String, String> paths) {
    }

    private final TypedValues values;
    private final AxisReader axes;
    private final BiFunction<String, String, ParamSpec> parameter;

    /** @param parameter the model's parameter of a key, or a did-you-mean error at the path */
    GridReader(TypedValues values, AxisReader axes, BiFunction<String, String, ParamSpec> parameter) {
        this.values = values;
        this.axes = axes;
        this.parameter = parameter;
    }

    /** @param fixed the parameters set under sweep.params (fixed or expressions), which no form may set again */
    Read read(ModelType type, long sweepSeed, Set<String> fixed) {
        List<Factor> factors = new ArrayList<>();
        Map<String, String> paths = new LinkedHashMap<>();
        if (!values.has("sweep.grid")) {
            return new Read(factors, paths);
        }
        values.requireObject("sweep.grid");
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(values.config().getObject("sweep.grid").entrySet());
        // Axes keep the order they were written in: it is the column order of every table.
        entries.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> line(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        boolean design = false;
        for (Map.Entry<String, ConfigValue> e : entries) {
            String key = e.getKey();
            Factor factor;
            if (key.equals(LINK)) {
                factor = link(e.getValue());
            } else if (FORMS.contains(key)) {
                if (design) {
                    continue;
                }
                design = true;
                factor = design(sweepSeed);
            } else {
                String path = "sweep.grid." + TypedValues.quote(key);
                ParamSpec spec = parameter.apply(key, path);
                factor = Factor.axis(new Axis(key, spec.type(), axes.axisValues(spec, e.getValue(), path)));
            }
            for (Axis column : factor.columns()) {
                String path = path(factor, column.name());
                if (fixed.contains(column.name())) {
                    throw values.error(path, "also set in sweep.params (at " + TypedValues.where(values.config()
                            .getValue("sweep.params." + TypedValues.quote(column.name())).origin()) + "); keep one");
                }
                if (paths.containsKey(column.name())) {
                    throw values.error(path, "also swept at " + paths.get(column.name()) + " (" + TypedValues.where(
                            values.config().getValue(paths.get(column.name())).origin()) + "); keep one");
                }
                paths.put(column.name(), path);
            }
            factors.add(factor);
        }
        return new Read(factors, paths);
    }

    private static String path(Factor factor, String name) {
        return switch (factor.form()) {
            case AXIS -> "sweep.grid." + TypedValues.quote(name);
            case LINK -> "sweep.grid." + LINK + "." + TypedValues.quote(name);
            default -> "sweep.grid." + RANGES + "." + TypedValues.quote(name);
        };
    }

    /** {@code link { L = [8, 16, 32], sweeps = [2000, 4000, 8000] }}: the i-th values together. */
    private Factor link(ConfigValue v) {
        String path = "sweep.grid." + LINK;
        if (v.valueType() != ConfigValueType.OBJECT || ((ConfigObject) v).isEmpty()) {
            throw values.error(path, "must be a block { name = [values], ... } of the parameters taken together");
        }
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(((ConfigObject) v).entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> line(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<Axis> columns = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : entries) {
            String p = path + "." + TypedValues.quote(e.getKey());
            ParamSpec spec = parameter.apply(e.getKey(), p);
            List<Object> vs = axes.values(spec, e.getValue(), p);
            if (!columns.isEmpty() && vs.size() != columns.get(0).size()) {
                Axis first = columns.get(0);
                throw values.error(p, "has " + vs.size() + " value" + (vs.size() == 1 ? "" : "s") + " but "
                        + first.name() + " has " + first.size() + ": linked parameters are taken together, value by"
                        + " value, so each needs " + first.size());
            }
            columns.add(new Axis(e.getKey(), spec.type(), vs));
        }
        Factor factor = new Factor(Factor.Form.LINK, columns);
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < factor.size(); i++) {
            if (!seen.add(Arrays.asList(factor.entry(i)))) {
                throw values.error(path, "repeats the entry " + describe(factor, i) + ": each is a grid point of its own");
            }
        }
        return factor;
    }

    /** {@code design = sobol, points = 256, ranges { T = [1.5, 3.5], h = [0, 0.5] }}. */
    private Factor design(long sweepSeed) {
        String base = "sweep.grid.";
        if (!values.has(base + DESIGN)) {
            String given = values.has(base + POINTS) ? POINTS : RANGES;
            throw values.error(base + given, "belongs to a sampled design: add design = " + designs());
        }
        String name = values.string(base + DESIGN);
        Factor.Form form = Arrays.stream(Factor.Form.values()).filter(f -> f.sampled() && f.label().equals(name))
                .findFirst().orElseThrow(() -> values.error(base + DESIGN, "unknown design '" + name + "'"
                        + Suggestions.suggestion(name, Arrays.stream(Factor.Form.values()).filter(Factor.Form::sampled)
                        .map(Factor.Form::label).toList()) + " (designs: " + designs() + ")"));
        if (!values.has(base + POINTS)) {
            throw values.error(base + DESIGN, "needs points = N, the number of points to draw (1 to " + MAX_DESIGN_POINTS + ")");
        }
        int points = (int) values.integer(base + POINTS, 1, MAX_DESIGN_POINTS);
        if (!values.has(base + RANGES)) {
            throw values.error(base + DESIGN, "needs ranges { name = [low, high], ... }, the parameters to sample");
        }
        values.requireObject(base + RANGES);
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(values.config().getObject(base + RANGES).entrySet());
        if (entries.isEmpty()) {
            throw values.error(base + RANGES, "is empty: name the parameters to sample, name = [low, high]");
        }
        entries.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> line(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<String> names = new ArrayList<>();
        double[] low = new double[entries.size()];
        double[] high = new double[entries.size()];
        for (int d = 0; d < entries.size(); d++) {
            String key = entries.get(d).getKey();
            String p = base + RANGES + "." + TypedValues.quote(key);
            ParamSpec spec = parameter.apply(key, p);
            if (spec.type() != ParamType.DOUBLE) {
                throw values.error(p, key + " is a " + spec.type().label() + "; a design samples real-valued parameters"
                        + " (make " + key + " a list axis beside the design)");
            }
            double[] bounds = bounds(entries.get(d).getValue(), p);
            for (double b : bounds) {
                spec.reject(b).ifPresent(why -> {
                    throw values.error(p, "bound " + why);
                });
            }
            names.add(key);
            low[d] = bounds[0];
            high[d] = bounds[1];
        }
        return SampledDesign.factor(form, names, low, high, points, DesignSeed.of(sweepSeed));
    }

    /** [low, high] with low < high, both finite. */
    private double[] bounds(ConfigValue v, String path) {
        if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).size() != 2
                || ((ConfigList) v).stream().anyMatch(x -> x.valueType() != ConfigValueType.NUMBER)) {
            throw values.error(path, "must be [low, high], two numbers, got " + v.render(ConfigRenderOptions.concise()));
        }
        double lo = ((Number) ((ConfigList) v).get(0).unwrapped()).doubleValue();
        double hi = ((Number) ((ConfigList) v).get(1).unwrapped()).doubleValue();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw values.error(path, "must be finite, got " + v.render(ConfigRenderOptions.concise()));
        }
        if (lo > hi) {
            throw values.error(path, "reversed range [" + lo + ", " + hi + "]: write it [low, high]");
        }
        if (lo == hi) {
            throw values.error(path, "low = high = " + lo + ": a single value is fixed, under sweep.params");
        }
        return new double[]{lo, hi};
    }

    private static String designs() {
        return String.join(", ", Arrays.stream(Factor.Form.values()).filter(Factor.Form::sampled)
                .map(Factor.Form::label).toList());
    }

    private static String describe(Factor factor, int i) {
        StringBuilder sb = new StringBuilder("(");
        Object[] entry = factor.entry(i);
        for (int c = 0; c < entry.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(factor.names().get(c)).append('=').append(entry[c]);
        }
        return sb.append(')').toString();
    }

    private static int line(ConfigValue v) {
        int line = v.origin().lineNumber();
        return line > 0 ? line : Integer.MAX_VALUE;
    }
}
