package io.phasesweep.plot;

import java.util.List;

final class HistogramFigures {
    private HistogramFigures() {
    }

    static List<Figure> plan(SweepView view) {
        return List.of();
    }
}
