package io.phasesweep.grid;

import java.io.Serializable;
import java.util.List;

/**
 * The cartesian product of the axes, never materialised: point {@code i} is decoded from its index
 * with the last axis varying fastest, so a million-point grid costs only its axes' values.
 */
public record Grid(List<Axis> axes) implements Serializable {

    public Grid {
        axes = List.copyOf(axes);
        long size = 1;
        for (Axis a : axes) {
            size = Math.multiplyExact(size, a.size());
        }
    }

    public long size() {
        long size = 1;
        for (Axis a : axes) {
            size *= a.size();
        }
        return size;
    }

    /** The axis values of point {@code index}, in axis order. */
    public Object[] point(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("grid point " + index + " of " + size());
        }
        Object[] values = new Object[axes.size()];
        long rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            Axis axis = axes.get(a);
            values[a] = axis.values().get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        return values;
    }

    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }
}
