package io.phasesweep.plot;

import java.util.List;

/**
 * An axis: its label (a symbol and what it is), log or linear, and for a non-numeric grid axis the
 * names of its values, placed at 0, 1, 2, ...
 */
public record PlotAxis(String label, boolean log, List<String> categories) {
    public PlotAxis {
        categories = List.copyOf(categories);
    }

    public static PlotAxis linear(String label) {
        return new PlotAxis(label, false, List.of());
    }

    public static PlotAxis logarithmic(String label) {
        return new PlotAxis(label, true, List.of());
    }

    public static PlotAxis categorical(String label, List<String> categories) {
        return new PlotAxis(label, false, categories);
    }

    public boolean isCategorical() {
        return !categories.isEmpty();
    }
}
