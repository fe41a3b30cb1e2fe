package io.phasesweep.grid;

import io.phasesweep.model.ParamType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product of the factors, never materialised: point {@code i} is decoded from its index with
 * the last factor varying fastest, so a million-point grid costs only its factors' values. A plain
 * sweep has one factor per axis; linked axes and a sampled design are factors of several columns.
 *
 * <p>A point's columns are the factors' columns in order, then the derived parameters, each
 * resolved from the columns before it ({@code derived} is in an order where every expression
 * comes after those it reads).
 */
public record Grid(List<Factor> factors, List<DerivedParameter> derived) implements Serializable {

    public Grid {
        factors = List.copyOf(factors);
        derived = List.copyOf(derived);
        long size = 1;
        for (Factor f : factors) {
            size = Math.multiplyExact(size, f.size());
        }
    }

    /** The cartesian product of plain axes. */
    public Grid(List<Axis> axes) {
        this(axes.stream().map(Factor::axis).toList(), List.of());
    }

    /**
     * A grid of explicit points over the columns of {@code like} (a refinement pass): one factor
     * whose entries are the points, and the same derived parameters.
     *
     * @param points the values of {@code like}'s factor columns, one array per point
     */
    public static Grid ofPoints(Grid like, List<Object[]> points) {
        List<Axis> axes = like.axes();
        List<Axis> columns = new ArrayList<>();
        for (int c = 0; c < axes.size(); c++) {
            List<Object> values = new ArrayList<>(points.size());
            for (Object[] p : points) {
                values.add(p[c]);
            }
            columns.add(new Axis(axes.get(c).name(), axes.get(c).type(), values));
        }
        return new Grid(List.of(new Factor(Factor.Form.POINTS, columns)), like.derived());
    }

    public long size() {
        long size = 1;
        for (Factor f : factors) {
            size *= f.size();
        }
        return size;
    }

    /** The entry of each factor at point {@code index}. */
    public int[] entries(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("grid point " + index + " of " + size());
        }
        int[] entries = new int[factors.size()];
        long rest = index;
        for (int f = factors.size() - 1; f >= 0; f--) {
            entries[f] = (int) (rest % factors.get(f).size());
            rest /= factors.get(f).size();
        }
        return entries;
    }

    /**
     * The column values of point {@code index}, in {@link #names()} order.
     *
     * @throws io.phasesweep.model.InvalidParameterException when a derived parameter cannot be resolved there
     */
    public Object[] point(long index) {
        return point(entries(index));
    }

    /** The values of the factors' columns at point {@code index} (what {@link #axes()} name), nothing derived. */
    public Object[] axisValues(long index) {
        int[] entries = entries(index);
        List<Object> values = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            values.addAll(java.util.Arrays.asList(factors.get(f).entry(entries[f])));
        }
        return values.toArray();
    }

    /** The column values at the given entry of each factor. */
    public Object[] point(int[] entries) {
        Object[] values = new Object[factors.stream().mapToInt(f -> f.columns().size()).sum() + derived.size()];
        int c = 0;
        for (int f = 0; f < factors.size(); f++) {
            for (Object v : factors.get(f).entry(entries[f])) {
                values[c++] = v;
            }
        }
        resolveDerived(values);
        return values;
    }

    /**
     * Fills the derived columns of {@code values} from its factor columns (the leading ones).
     */
    public void resolveDerived(Object[] values) {
        if (derived.isEmpty()) {
            return;
        }
        List<String> names = names();
        Map<String, Object> known = new HashMap<>();
        int first = names.size() - derived.size();
        for (int c = 0; c < first; c++) {
            known.put(names.get(c), values[c]);
        }
        for (int d = 0; d < derived.size(); d++) {
            Object v = derived.get(d).value(known);
            values[first + d] = v;
            known.put(derived.get(d).name(), v);
        }
    }

    /** The point columns of every table: the factors' columns in order, then the derived parameters. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Factor f : factors) {
            names.addAll(f.names());
        }
        derived.forEach(d -> names.add(d.name()));
        return names;
    }

    /** The type of each column of {@link #names()}. */
    public List<ParamType> types() {
        List<ParamType> types = new ArrayList<>();
        axes().forEach(a -> types.add(a.type()));
        derived.forEach(d -> types.add(d.type()));
        return types;
    }

    /** The factors' columns, in order (the leading columns of {@link #names()}); derived ones are not axes. */
    public List<Axis> axes() {
        List<Axis> axes = new ArrayList<>();
        factors.forEach(f -> axes.addAll(f.columns()));
        return axes;
    }

    /** The axis of that name, if a factor sets it. */
    public java.util.Optional<Axis> axis(String name) {
        return axes().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Index of the factor that sets {@code name}, or -1 (a fixed or derived parameter). */
    public int factorOf(String name) {
        for (int f = 0; f < factors.size(); f++) {
            if (factors.get(f).sets(name)) {
                return f;
            }
        }
        return -1;
    }

    /**
     * The axes of the factors that set none of {@code names}: what identifies a group of points
     * that differ only in those parameters and in what is tied to them (an axis linked with a size
     * varies with the size; a derived parameter follows its axes, so it is never part of a group).
     */
    public List<Axis> axesApartFrom(Collection<String> names) {
        List<Axis> axes = new ArrayList<>();
        for (Factor f : factors) {
            if (f.names().stream().noneMatch(names::contains)) {
                axes.addAll(f.columns());
            }
        }
        return axes;
    }

    /** The same grid with factor {@code index} replaced. */
    public Grid withFactor(int index, Factor factor) {
        List<Factor> fs = new ArrayList<>(factors);
        fs.set(index, factor);
        return new Grid(fs, derived);
    }

    /** Whether every factor is a plain axis and nothing is derived: the grid of earlier versions. */
    public boolean isPlainProduct() {
        return derived.isEmpty() && factors.stream().allMatch(Factor::isAxis);
    }
}
