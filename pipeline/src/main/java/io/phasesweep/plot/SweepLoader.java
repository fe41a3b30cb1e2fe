package io.phasesweep.plot;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.FssSettings;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.SweepTables;
import io.phasesweep.io.Tables;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.ParamType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a finished sweep into a {@link SweepView}: its manifest (refused with a one-line message,
 * exit 2, when the directory is not a complete phasesweep output), the config stored there, and its
 * summary tables, read without Spark.
 */
public final class SweepLoader {
    private SweepLoader() {
    }

    /** The sweep in {@code dir} with its manifest, which the report also shows. */
    public record Loaded(SweepView view, JsonNode manifest, SweepConfig config) {
    }

    public static Loaded load(Path dir) {
        JsonNode manifest = Manifest.readComplete(dir);
        SweepConfig config = ConfigLoader.fromManifest(manifest.path("config").toString(),
                dir.resolve(OutputDir.MANIFEST).toString(), List.of(), dir);
        SweepPlan plan = config.plan();
        ModelType model = plan.modelType();
        List<String> names = plan.grid().names();
        SweepTables tables = new SweepTables(dir, names);
        List<SweepTables.Point> points = tables.points();

        List<SweepView.GridAxis> axes = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            Axis axis = plan.grid().axes().get(a);
            boolean numeric = axis.type() == ParamType.INT || axis.type() == ParamType.LONG || axis.type() == ParamType.DOUBLE;
            Set<Object> values = new LinkedHashSet<>(axis.values());
            int index = a;
            // A refinement pass adds control values the config's grid does not list.
            points.forEach(p -> values.add(p.axes().get(index)));
            List<Object> ordered = new ArrayList<>(values);
            if (numeric) {
                ordered.sort((x, y) -> Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue()));
            }
            String meaning = model.parameters().stream().filter(p -> p.name().equals(axis.name()))
                    .map(ParamSpec::meaning).findFirst().orElse("");
            axes.add(new SweepView.GridAxis(axis.name(), ordered, numeric, meaning));
        }

        Optional<SweepView.FssView> fss = tables.has(Tables.FSS) ? fssView(manifest, config, axes) : Optional.empty();
        String control = fss.map(SweepView.FssView::control).orElseGet(() -> longestNumeric(axes));
        List<SweepTables.Estimate> estimates = fss.map(f -> tables.estimates(f.groupAxes())).orElse(List.of());
        SweepView view = new SweepView(config.name(), model, axes, control, fss, points, tables.series(), tables.phases(),
                estimates, tables.histograms(), point -> plan.params(point.toArray()));
        return new Loaded(view, manifest, config);
    }

    /**
     * The settings behind fss/: those {@code phasesweep fss} last recorded in the manifest (they
     * may differ from the config's), else the config's fss block.
     */
    private static Optional<SweepView.FssView> fssView(JsonNode manifest, SweepConfig config, List<SweepView.GridAxis> axes) {
        Optional<FssSettings> settings = config.fss();
        JsonNode recorded = manifest.path("fss_settings");
        String control;
        String size;
        double lo;
        double hi;
        if (recorded.isObject()) {
            control = recorded.path("control").asText();
            size = recorded.path("size").asText();
            JsonNode window = recorded.path("window");
            lo = window.path(0).isNumber() ? window.path(0).asDouble() : Double.NEGATIVE_INFINITY;
            hi = window.path(1).isNumber() ? window.path(1).asDouble() : Double.POSITIVE_INFINITY;
        } else if (settings.isPresent()) {
            control = settings.get().control();
            size = settings.get().size();
            lo = settings.get().windowLo();
            hi = settings.get().windowHi();
        } else {
            return Optional.empty();
        }
        SweepPlan plan = config.plan();
        List<String> names = plan.grid().names();
        boolean sizeIsAxis = names.contains(size);
        List<String> sizeAxes = sizeIsAxis ? List.of(size) : plan.modelType().linearSizeParameters();
        List<String> groupAxes = axes.stream().map(SweepView.GridAxis::name)
                .filter(n -> !n.equals(control) && !sizeAxes.contains(n)).toList();
        int sizeIndex = names.indexOf(size);
        return Optional.of(new SweepView.FssView(control, size, lo, hi, groupAxes, point -> sizeIsAxis
                ? ((Number) point.get(sizeIndex)).doubleValue()
                : plan.modelType().linearSize(plan.params(point.toArray())).orElse(Double.NaN)));
    }

    /** The numeric axis with the most values (the first of equals), else the first axis. */
    private static String longestNumeric(List<SweepView.GridAxis> axes) {
        SweepView.GridAxis best = null;
        for (SweepView.GridAxis a : axes) {
            if (a.numeric() && (best == null || a.values().size() > best.values().size())) {
                best = a;
            }
        }
        return (best == null ? axes.get(0) : best).name();
    }
}
