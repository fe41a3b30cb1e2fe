package io.phasesweep.grid;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One factor of a grid's product: one or more columns whose values are taken together, entry by
 * entry. A plain axis is a factor of one column; linked axes and a sampled design are factors of
 * several, whose i-th entry gives every column its i-th value.
 *
 * @param form    how the config wrote it
 * @param columns the parameters it sets, each with one value per entry (repeats allowed in a
 *                column of several; the entries themselves are distinct)
 */
public record Factor(Form form, List<Axis> columns) implements Serializable {

    /** How a factor came about; only {@link #AXIS} factors form a lattice that can be refined or laddered. */
    public enum Form {
        /** A list or range of one parameter. */
        AXIS,
        /** Lists of several parameters taken together ({@code grid.link}). */
        LINK,
        /** Scrambled Sobol points over {@code grid.ranges}. */
        SOBOL,
        /** Independent uniform points over {@code grid.ranges}. */
        RANDOM,
        /** A latin hypercube over {@code grid.ranges}. */
        LATIN_HYPERCUBE,
        /** The explicit points of a refinement pass. */
        POINTS;

        /** The name a config uses ({@code design = latin_hypercube}). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean sampled() {
            return this == SOBOL || this == RANDOM || this == LATIN_HYPERCUBE;
        }
    }

    public Factor {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a factor sets at least one parameter");
        }
        int size = columns.get(0).size();
        for (Axis a : columns) {
            if (a.size() != size) {
                throw new IllegalArgumentException("the columns of a factor have one value per entry: " + a.name()
                        + " has " + a.size() + ", " + columns.get(0).name() + " has " + size);
            }
        }
        if (form == Form.AXIS && columns.size() != 1) {
            throw new IllegalArgumentException("a plain axis has one column");
        }
    }

    /** A plain axis. */
    public static Factor axis(Axis axis) {
        return new Factor(Form.AXIS, List.of(axis));
    }

    /** Entries (the same for every column). */
    public int size() {
        return columns.get(0).size();
    }

    public boolean isAxis() {
        return form == Form.AXIS;
    }

    public boolean sets(String name) {
        return columns.stream().anyMatch(a -> a.name().equals(name));
    }

    public List<String> names() {
        return columns.stream().map(Axis::name).toList();
    }

    /** The values of entry {@code i}, one per column. */
    public Object[] entry(int i) {
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = columns.get(c).values().get(i);
        }
        return values;
    }
}
