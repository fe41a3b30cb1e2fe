package io.phasesweep.plot;

import java.util.List;

/**
 * One figure: panels side by side (small multiples share the figure's title and caption).
 *
 * @param name    file name without extension, unique within a sweep ({@code observable-binder})
 * @param title   names the sweep, the model and what is shown
 * @param caption the fitted numbers and conventions a reader needs ("dashed: fitted W ~ t^beta"); may be empty
 */
public record Figure(String name, String title, String caption, List<Panel> panels) {
    public Figure {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(name + ": a figure has at least one panel");
        }
    }
}
