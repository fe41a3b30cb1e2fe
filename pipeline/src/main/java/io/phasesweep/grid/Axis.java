package io.phasesweep.grid;

import io.phasesweep.model.ParamType;

import java.io.Serializable;
import java.util.List;

/**
 * One swept parameter: its name (also its column name), type and values in sweep order. Values are
 * {@code Integer}, {@code Long}, {@code Double}, {@code String} or {@code Boolean} per the type.
 */
public record Axis(String name, ParamType type, List<Object> values) implements Serializable {

    public Axis {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis " + name + " has no values");
        }
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }
}
