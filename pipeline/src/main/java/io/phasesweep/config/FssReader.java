package io.phasesweep.config;

import com.typesafe.config.ConfigException;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The optional {@code fss} block, checked against the grid it will analyse. */
final class FssReader {
    private static final Set<String> KEYS = Reference.keys("fss");
    private static final Set<String> REFINE = Reference.keys("fss.refine");
    /** A collapse fits x_c, 1/nu and an exponent: fewer control values than that plus one fit nothing. */
    static final int MIN_CONTROL_VALUES = 4;

    private final TypedValues values;

    FssReader(TypedValues values) {
        this.values = values;
    }

    Optional<FssSettings> read(ModelType type, SweepPlan plan) {
        if (!values.has("fss")) {
            return Optional.empty();
        }
        values.requireObject("fss");
        values.checkKeys(values.config().getObject("fss"), "fss.", KEYS);
        Grid grid = plan.grid();
        String control = axisName("fss.control", grid, Set.of(ParamType.DOUBLE, ParamType.INT, ParamType.LONG));
        String size = sizeName(type, grid);
        if (control.equals(size)) {
            throw values.error("fss.size", "must differ from fss.control");
        }
        if (grid.names().contains(size) && axis(grid, size).values().stream().distinct().count() < 2) {
            throw values.error("fss.size", "axis " + size + " needs at least 2 sizes for finite-size scaling");
        }
        if (grid.names().contains(size) && grid.factorOf(size) == grid.factorOf(control)) {
            throw values.error("fss.size", size + " and " + control + " are linked, so each size has its own "
                    + control + " values; finite-size scaling compares sizes at the same values: sweep them apart");
        }
        List<String> observables = observables(type);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean windowed = values.has("fss.window");
        if (windowed) {
            List<Double> w;
            try {
                w = values.config().getDoubleList("fss.window");
            } catch (ConfigException.WrongType e) {
                throw values.error("fss.window", "must be [low, high] in the control parameter");
            }
            if (w.size() != 2 || !(w.get(0) < w.get(1))) {
                throw values.error("fss.window", "must be [low, high] with low < high, got " + w);
            }
            lo = w.get(0);
            hi = w.get(1);
        }
        double windowLo = lo;
        double windowHi = hi;
        long inWindow = axis(grid, control).values().stream().distinct().mapToDouble(v -> ((Number) v).doubleValue())
                .filter(x -> x >= windowLo && x <= windowHi).count();
        if (inWindow < MIN_CONTROL_VALUES) {
            throw values.error(windowed ? "fss.window" : "fss.control", "finite-size scaling needs at least "
                    + MIN_CONTROL_VALUES + " values of " + control + (windowed ? " inside the window" : "")
                    + " (a collapse fits up to 3 parameters); the grid has " + inWindow);
        }
        int bootstrap = values.has("fss.bootstrap") ? (int) values.integer("fss.bootstrap", 10, 100_000)
                : (int) Reference.integer("fss.bootstrap");
        long seed = values.has("fss.seed") ? values.integer("fss.seed", Long.MIN_VALUE, Long.MAX_VALUE) : plan.sweepSeed();
        Optional<FssSettings.Refine> refine = values.has("fss.refine") ? Optional.of(refine(type, grid, control))
                : Optional.empty();
        return Optional.of(new FssSettings(control, size, observables, lo, hi, bootstrap, seed, refine));
    }

    private List<String> observables(ModelType type) {
        List<String> observables = new ArrayList<>();
        if (values.has("fss.observables")) {
            try {
                observables.addAll(values.config().getStringList("fss.observables"));
            } catch (ConfigException.WrongType e) {
                throw values.error("fss.observables", "must be a list of names");
            }
            for (String o : observables) {
                if (!type.scaling().containsKey(o)) {
                    throw values.error("fss.observables", "model " + type.name() + " has no scaling form for '" + o
                            + "'" + Suggestions.renamed(o).orElse("") + " (available: " + String.join(", ", new TreeSet<>(type.scaling().keySet())) + ")");
                }
            }
        } else {
            observables.addAll(new TreeSet<>(type.scaling().keySet()));
        }
        if (observables.isEmpty()) {
            throw values.error("fss", "model " + type.name() + " declares no quantities with a scaling form");
        }
        return observables;
    }

    private FssSettings.Refine refine(ModelType type, Grid grid, String controlName) {
        values.requireObject("fss.refine");
        Axis control = axis(grid, controlName);
        if (!grid.factors().get(grid.factorOf(controlName)).isAxis()) {
            throw values.error("fss.refine", controlName + " is linked with " + String.join(", ", grid.factors()
                    .get(grid.factorOf(controlName)).names().stream().filter(n -> !n.equals(controlName)).toList())
                    + ", whose values at refined " + controlName + " values are unknown; make " + controlName
                    + " a plain axis to refine it");
        }
        if (type.ladderAxis().filter(control.name()::equals).isPresent()) {
            // A second pass would be a second ladder of the refined values, run with the first
            // ladder's seeds (the ladder value is not part of a ladder task's seed): correlated passes.
            throw values.error("fss.refine", "model " + type.name() + " runs " + control.name() + " as a ladder"
                    + " (one task covers every " + control.name() + " value), so it cannot be refined pass by pass;"
                    + " put the denser " + control.name() + " values in sweep.grid instead");
        }
        values.checkKeys(values.config().getObject("fss.refine"), "fss.refine.", REFINE);
        int points = values.has("fss.refine.points") ? (int) values.integer("fss.refine.points", 2, 10_000)
                : (int) Reference.integer("fss.refine.points");
        if (control.type() != ParamType.DOUBLE) {
            throw values.error("fss.refine", "refinement needs a real-valued control axis; " + control.name() + " is not");
        }
        double width;
        if (values.has("fss.refine.width")) {
            width = values.number("fss.refine.width");
            if (!(width > 0)) {
                throw values.error("fss.refine.width", "must be > 0, got " + width);
            }
        } else {
            width = 4 * smallestSpacing(control);
            if (!(width > 0)) {
                throw values.error("fss.refine", "fss.refine.width is needed: the control axis has a single value");
            }
        }
        return new FssSettings.Refine(points, width);
    }

    private static List<String> axisNames(Grid grid) {
        return grid.axes().stream().map(Axis::name).toList();
    }

    private static Axis axis(Grid grid, String name) {
        return grid.axis(name).orElseThrow();
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
        String name = values.has("fss.size") ? values.string("fss.size") : null;
        if (name != null && derived.isPresent() && derived.get().equals(name)) {
            if (grid.names().contains(name)) {
                throw values.error("fss.size", "'" + name + "' is both a grid axis and the linear size model " + type.name()
                        + " derives from " + String.join(", ", type.linearSizeParameters()) + "; rename the axis");
            }
            return name;
        }
        if (name != null && !grid.names().contains(name)) {
            throw values.error("fss.size", "'" + name + "' is neither a grid axis nor a size model " + type.name()
                    + " derives (choices: " + String.join(", ", axisNames(grid))
                    + derived.map(d -> ", or " + d + " = the linear size from "
                            + String.join(", ", type.linearSizeParameters())).orElse("") + ")"
                    + Suggestions.renamed(name).orElse(""));
        }
        return axisName("fss.size", grid, Set.of(ParamType.DOUBLE, ParamType.INT, ParamType.LONG));
    }

    private String axisName(String path, Grid grid, Set<ParamType> types) {
        if (!values.has(path)) {
            throw values.error("fss", path + " is missing (name one of the grid axes: " + String.join(", ", axisNames(grid)) + ")");
        }
        String name = values.string(path);
        List<String> axes = axisNames(grid);
        if (grid.derived().stream().anyMatch(d -> d.name().equals(name))) {
            throw values.error(path, "'" + name + "' is computed from an expression, not swept (axes: "
                    + String.join(", ", axes) + ")");
        }
        int i = axes.indexOf(name);
        if (i < 0) {
            throw values.error(path, "'" + name + "' is not a grid axis" + Suggestions.renamed(name).orElse("") + " (axes: " + String.join(", ", axes) + ")");
        }
        if (!types.contains(grid.axes().get(i).type())) {
            throw values.error(path, "axis " + name + " is a " + grid.axes().get(i).type().label() + "; expected a number"
                    + (types.contains(ParamType.DOUBLE) ? "" : " of integer type"));
        }
        if (grid.factors().get(grid.factorOf(name)).form().sampled()) {
            throw values.error(path, name + " is sampled by the " + grid.factors().get(grid.factorOf(name)).form().label()
                    + " design; finite-size scaling needs it on a list or range axis (or linked)");
        }
        return name;
    }
}
