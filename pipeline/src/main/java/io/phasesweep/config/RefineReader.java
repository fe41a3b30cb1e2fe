package io.phasesweep.config;

import com.typesafe.config.ConfigException;
import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Factor;
import io.phasesweep.grid.Grid;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The optional {@code sweep.refine} block: boundary refinement, checked against the model and the grid. */
final class RefineReader {
    private static final Set<String> KEYS = Reference.keys("sweep.refine");
    private static final long MAX_PASSES = 20;
    /** Between passes every point's label is collected on the driver: the grid must stay modest. */
    static final long MAX_POINTS = 100_000;

    private final TypedValues values;

    RefineReader(TypedValues values) {
        this.values = values;
    }

    Optional<RefineSettings> read(ModelType type, Grid grid) {
        if (!values.has("sweep.refine")) {
            return Optional.empty();
        }
        values.requireObject("sweep.refine");
        values.checkKeys(values.config().getObject("sweep.refine"), "sweep.refine.", KEYS);
        if (type.ladderAxis().isPresent()) {
            throw values.error("sweep.refine", "model " + type.name() + " runs " + type.ladderAxis().get()
                    + " as a ladder (one task covers every value), so it cannot be refined pass by pass;"
                    + " put denser values in sweep.grid instead");
        }
        if (!values.has("sweep.refine.along")) {
            throw values.error("sweep.refine", "sweep.refine.along is missing: phases, or an observable with a threshold");
        }
        String along = values.string("sweep.refine.along");
        double threshold = Double.NaN;
        if (along.equals(RefineSettings.PHASES)) {
            if (type.phaseClassifier().isEmpty()) {
                throw values.error("sweep.refine.along", "model " + type.name() + " names no phases; refine along"
                        + " an observable instead, with a threshold (along = " + quantities(type).iterator().next()
                        + ", threshold = ...)");
            }
            if (values.has("sweep.refine.threshold")) {
                throw values.error("sweep.refine.threshold", "applies to an observable; along phases any change of phase is a boundary");
            }
        } else {
            Set<String> quantities = quantities(type);
            if (!quantities.contains(along)) {
                throw values.error("sweep.refine.along", "model " + type.name() + " has no observable '" + along + "'"
                        + Suggestions.suggestion(along, quantities) + " (phases"
                        + (type.phaseClassifier().isPresent() ? "" : " (none for this model)")
                        + ", or one of: " + String.join(", ", quantities) + ")");
            }
            if (!values.has("sweep.refine.threshold")) {
                throw values.error("sweep.refine", "sweep.refine.threshold is missing: the jump in " + along
                        + " between neighbours that marks a boundary");
            }
            threshold = values.number("sweep.refine.threshold");
            if (!(threshold > 0)) {
                throw values.error("sweep.refine.threshold", "must be > 0, got " + threshold);
            }
        }
        int passes = values.has("sweep.refine.passes") ? (int) values.integer("sweep.refine.passes", 1, MAX_PASSES)
                : (int) Reference.integer("sweep.refine.passes");
        List<String> refinable = new ArrayList<>();
        for (Factor f : grid.factors()) {
            Axis a = f.columns().get(0);
            if (f.isAxis() && a.type() == ParamType.DOUBLE && a.size() >= 2) {
                refinable.add(a.name());
            }
        }
        List<String> axes;
        if (values.has("sweep.refine.axes")) {
            try {
                axes = values.config().getStringList("sweep.refine.axes");
            } catch (ConfigException.WrongType e) {
                throw values.error("sweep.refine.axes", "must be a list of axis names");
            }
            if (axes.isEmpty()) {
                throw values.error("sweep.refine.axes", "is empty: name an axis, or leave it out to refine along all");
            }
            for (String a : axes) {
                if (!refinable.contains(a)) {
                    throw values.error("sweep.refine.axes", "'" + a + "' is not a plain real-valued axis with 2 or more"
                            + " values" + Suggestions.suggestion(a, refinable) + " (these are: "
                            + (refinable.isEmpty() ? "none" : String.join(", ", refinable)) + ")");
                }
            }
        } else {
            axes = refinable;
            if (axes.isEmpty()) {
                throw values.error("sweep.refine", "refinement bisects plain real-valued axes with 2 or more values,"
                        + " and the grid has none (linked, sampled and integer axes are not refined)");
            }
        }
        if (grid.size() > MAX_POINTS) {
            throw values.error("sweep.refine", "the grid has " + grid.size() + " points; refinement reads every"
                    + " point's result between passes and takes grids of up to " + MAX_POINTS);
        }
        if (values.has("fss.refine")) {
            throw values.error("sweep.refine", "and fss.refine both add passes; keep one");
        }
        return Optional.of(new RefineSettings(along, threshold, passes, axes));
    }

    /** The model's single-value observables and derived quantities: what every points table holds. */
    private static Set<String> quantities(ModelType type) {
        Set<String> names = new TreeSet<>();
        type.observables().stream().filter(ObservableSpec::isSingleValue).forEach(o -> names.add(o.name()));
        type.derived().forEach(d -> names.add(d.name()));
        return names;
    }
}
