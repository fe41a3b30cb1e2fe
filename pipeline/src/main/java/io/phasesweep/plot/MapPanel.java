package io.phasesweep.plot;

import java.util.List;

/**
 * Grid cells coloured by a value: a heat map of a quantity over two axes, or (with
 * {@code categories}) a phase map whose cells hold the index of their phase. Cells are evenly
 * spaced whatever the axis values (a log-spaced noise axis gets equal columns); NaN is a cell
 * without a value, drawn as a gap.
 *
 * @param values     [y index][x index]
 * @param categories phase names for a categorical map, empty for a heat map
 * @param valueLabel what the colour means (the colour bar's label)
 * @param low        the value at the bottom of the colour scale, shared by the panels of a figure
 *                   so that one colour means one value everywhere (NaN: the panel's own range)
 * @param high       the value at its top
 */
public record MapPanel(String title, String xLabel, List<String> xTicks, String yLabel, List<String> yTicks,
                       double[][] values, List<String> categories, String valueLabel, double low, double high)
        implements Panel {
    public MapPanel {
        xTicks = List.copyOf(xTicks);
        yTicks = List.copyOf(yTicks);
        categories = List.copyOf(categories);
        if (values.length != yTicks.size()) {
            throw new IllegalArgumentException("values have " + values.length + " rows for " + yTicks.size() + " y values");
        }
        for (double[] row : values) {
            if (row.length != xTicks.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " cells for " + xTicks.size() + " x values");
            }
        }
    }

    public boolean isCategorical() {
        return !categories.isEmpty();
    }
}
