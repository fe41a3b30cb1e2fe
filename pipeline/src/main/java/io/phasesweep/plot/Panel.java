package io.phasesweep.plot;

/** One chart of a figure: curves on x-y axes, a map of grid cells, or estimates beside a reference. */
public sealed interface Panel permits XYPanel, MapPanel, EstimatePanel {
    /** The panel's own title (what distinguishes it from its neighbours); empty for a lone panel. */
    String title();
}
