package io.phasesweep.config;

import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Model-level checks at the grid's points (e.g. Wolff needs h = 0) and each task's memory against
 * what a task gets, blamed on the right key. Points are resolved one at a time, never all at once:
 * every point of a grid up to {@link #CHECK_EVERY_POINT} points, a larger grid at its corners
 * (where sizes and couplings are extreme) and an even sample.
 */
final class GridCheck {
    /** Grids up to this size are checked point by point; larger ones at their corners and a sample. */
    static final long CHECK_EVERY_POINT = 100_000;
    /** Corners of at most this many axes (2^16 points); beyond that the sample has to do. */
    private static final int MAX_CORNER_AXES = 16;

    private final TypedValues values;

    GridCheck(TypedValues values) {
        this.values = values;
    }

    /**
     * @param paths where in the config each swept or derived parameter is written ({@code sweep.grid.L},
     *              {@code sweep.grid.link.sweeps}, {@code sweep.params.thermalization}); others are blamed
     *              on {@code sweep.params.NAME} when fixed, else on {@code sweep}
     * @return the models' warnings with the number of checked points each concerns
     */
    Map<String, Long> check(SweepPlan plan, ModelType type, TaskMemory memory, Map<String, String> paths) {
        Grid grid = plan.grid();
        int ladder = plan.ladderIndex();
        int members = ladder < 0 ? 1 : grid.factors().get(grid.factorOf(grid.names().get(ladder))).size();
        Map<String, Long> warnings = new LinkedHashMap<>();
        long largest = -1;
        Object[] largestAt = null;
        for (long i : pointsToCheck(grid)) {
            int[] entries = grid.entries(i);
            Object[] point = null;
            Params params;
            try {
                point = grid.point(entries);
                params = plan.params(point);
            } catch (InvalidParameterException e) {
                String key = e.parameter();
                String path = paths.containsKey(key) ? paths.get(key)
                        : plan.fixed().containsKey(key) ? "sweep.params." + key : "sweep";
                String at = describeEntries(grid, entries);
                throw values.error(path, e.getMessage() + (at.isEmpty() ? "" : " (at grid point " + at + ")"));
            }
            long bytes = TaskMemory.taskBytes(type, params, members);
            if (bytes > largest) {
                largest = bytes;
                largestAt = point;
            }
            for (String w : type.warnings(params)) {
                warnings.merge(w, 1L, Long::sum);
            }
        }
        if (largest > memory.perTask()) {
            String at = describePoint(grid, largestAt);
            throw values.error(grid.axes().isEmpty() ? "sweep.params" : "sweep.grid", "a task" + (at.isEmpty() ? "" : " at "
                    + at) + " needs " + TaskMemory.gib(largest) + " (the model's state and the rows it records); "
                    + memory.where() + ", " + TaskMemory.gib(memory.perTask()) + " per task after Spark's share: "
                    + memory.remedy() + ", or make the tasks smaller");
        }
        return warnings;
    }

    /** Indices of the points to check, in ascending order. */
    static Iterable<Long> pointsToCheck(Grid grid) {
        long n = grid.size();
        if (n <= CHECK_EVERY_POINT) {
            return () -> LongStream.range(0, n).iterator();
        }
        TreeSet<Long> points = new TreeSet<>();
        int d = grid.factors().size();
        for (int corner = 0; corner < (1 << Math.min(d, MAX_CORNER_AXES)); corner++) {
            long index = 0;
            for (int a = 0; a < d; a++) {
                int size = grid.factors().get(a).size();
                index = index * size + (((corner >> a) & 1) == 1 ? size - 1 : 0);
            }
            points.add(index);
        }
        long stride = n / CHECK_EVERY_POINT;
        for (long i = 0; i < n; i += stride) {
            points.add(i);
        }
        return points;
    }

    private static String describePoint(Grid grid, Object[] point) {
        StringBuilder sb = new StringBuilder();
        List<String> names = grid.names();
        for (int c = 0; c < point.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(names.get(c)).append('=').append(point[c]);
        }
        return sb.toString();
    }

    /** The point's swept values (its derived ones may be what failed to resolve). */
    private static String describeEntries(Grid grid, int[] entries) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < entries.length; f++) {
            Object[] values = grid.factors().get(f).entry(entries[f]);
            List<String> names = grid.factors().get(f).names();
            for (int c = 0; c < values.length; c++) {
                sb.append(sb.length() == 0 ? "" : ", ").append(names.get(c)).append('=').append(values[c]);
            }
        }
        return sb.toString();
    }
}
