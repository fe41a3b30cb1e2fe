package io.phasesweep.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Every figure of a sweep, most telling first: the finite-size-scaling figures, the phase map,
 * each quantity against the control axis, heat maps over two axes, series collapses, time series, histograms.
 * A figure appears only where its table has rows.
 */
public final class FigurePlan {
    private FigurePlan() {
    }

    public static List<Figure> plan(SweepView view) {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(FssFigures.plan(view));
        figures.addAll(MapFigures.phases(view));
        figures.addAll(ObservableFigures.plan(view));
        figures.addAll(MapFigures.heatMaps(view));
        figures.addAll(CollapseFigures.plan(view));
        figures.addAll(SeriesFigures.plan(view));
        figures.addAll(HistogramFigures.plan(view));
        return figures;
    }
}
