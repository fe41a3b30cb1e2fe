package io.phasesweep.plot;

import java.util.List;

final class SeriesFigures {
    private SeriesFigures() {
    }

    static List<Figure> plan(SweepView view) {
        return List.of();
    }
}
