package io.phasesweep.plot;

import java.util.List;

final class MapFigures {
    private MapFigures() {
    }

    static List<Figure> phases(SweepView view) {
        return List.of();
    }

    static List<Figure> heatMaps(SweepView view) {
        return List.of();
    }
}
