package io.phasesweep.model;

/** The value types a model parameter (and so a grid axis and a table column) can have. */
public enum ParamType {
    INT, LONG, DOUBLE, STRING, BOOLEAN;

    /** Lower-case name used in messages and in {@code phasesweep models}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
