package io.phasesweep.plot;

import io.phasesweep.io.SweepTables;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the planners draw from: a finished sweep's tables and what its config and model say
 * about them. Plain values, so figures can be planned (and tested) without files.
 *
 * @param name     the sweep's name
 * @param model    its model type (meanings of parameters and quantities, scaling forms, reference values)
 * @param axes     the grid's axes in config order, each with every value the tables hold
 * @param control  the axis drawn along x: the FSS control parameter, else the numeric axis with most values
 * @param fss      the finite-size-scaling settings behind fss/, when the sweep has that table
 * @param params   a grid point's parameters, from its axis values in config order
 */
public record SweepView(String name, ModelType model, List<GridAxis> axes, String control, Optional<FssView> fss,
                        List<SweepTables.Point> points, List<SweepTables.SeriesPoint> series,
                        List<SweepTables.Phase> phases, List<SweepTables.Estimate> estimates,
                        List<SweepTables.HistogramBin> histograms, Function<List<Object>, Params> params) {

    public SweepView {
        axes = List.copyOf(axes);
        points = List.copyOf(points);
        series = List.copyOf(series);
        phases = List.copyOf(phases);
        estimates = List.copyOf(estimates);
        histograms = List.copyOf(histograms);
    }

    /**
     * A grid axis.
     *
     * @param values  sorted when numeric, in config order otherwise
     * @param meaning the parameter's meaning as the model states it
     */
    public record GridAxis(String name, List<Object> values, boolean numeric, String meaning) {
        public GridAxis {
            values = List.copyOf(values);
        }

        public int index(Object value) {
            return values.indexOf(value);
        }
    }

    /**
     * The analysis behind fss/.
     *
     * @param size       the size's name: an axis, or the linear size the model derives
     * @param groupAxes  the axes analysed one value at a time (fss/'s first columns)
     */
    public record FssView(String control, String size, double windowLo, double windowHi, List<String> groupAxes,
                          Function<List<Object>, Double> sizeOf) {
        public FssView {
            groupAxes = List.copyOf(groupAxes);
        }
    }

    public int axisIndex(String axis) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).name().equals(axis)) {
                return i;
            }
        }
        return -1;
    }

    public GridAxis axis(String name) {
        return axes.get(axisIndex(name));
    }

    /** What every figure's title starts with: the sweep's name and its model. */
    public String titlePrefix() {
        return name + " (" + model.name() + ")";
    }

    /** The size axis, when the FSS size is one of the axes. */
    public Optional<String> sizeAxis() {
        return fss.map(FssView::size).filter(s -> axisIndex(s) >= 0);
    }
}
