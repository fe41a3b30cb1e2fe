package io.phasesweep.plot;

/** One chart of a figure: curves on x-y axes, or a map of grid cells. */
public sealed interface Panel permits XYPanel, MapPanel {
    /** The panel's own title (what distinguishes it from its neighbours); empty for a lone panel. */
    String title();
}
