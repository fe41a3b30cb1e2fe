package io.phasesweep.run;

import io.phasesweep.aggregate.PhasesStage;
import io.phasesweep.config.RefineSettings;
import io.phasesweep.grid.BoundaryRefinement;
import io.phasesweep.grid.Grid;
import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.InvalidParameterException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The next pass of a {@code sweep.refine} block: every point simulated so far labelled from the
 * points table (its phase, or the observable's mean), the midpoints across boundaries from
 * {@link BoundaryRefinement}, and a plan of those points. The labels come from the passes' raw
 * rows, whose bits do not depend on partitioning, so a pass, and a resumed run's pass, adds the
 * same points every time.
 */
final class BoundaryPass {

    private BoundaryPass() {
    }

    /**
     * @param plans the passes run so far, the configured grid first
     * @param raw   every raw row of those passes
     * @return the plan of pass {@code pass}, or empty when no boundary is left to bisect
     */
    static Optional<SweepPlan> plan(SweepPlan base, RefineSettings refine, int pass, List<SweepPlan> plans,
                                    Dataset<Row> raw, PrintStream err) {
        Grid grid = base.grid();
        List<String> names = grid.names();
        int axes = grid.axes().size();
        Dataset<Row> points = ResultTables.points(base, raw);
        Set<List<Object>> simulated = new HashSet<>();
        for (SweepPlan p : plans) {
            for (long i = 0; i < p.grid().size(); i++) {
                simulated.add(Arrays.asList(p.grid().axisValues(i)));
            }
        }
        List<Object[]> midpoints;
        if (refine.alongPhases()) {
            Map<List<Object>, String> labels = new HashMap<>();
            for (Row r : PhasesStage.phases(points, base).collectAsList()) {
                labels.put(key(r, names, axes), r.getString(r.fieldIndex("phase")));
            }
            midpoints = BoundaryRefinement.midpoints(grid, refine.axes(), labels, simulated, BoundaryRefinement.phases());
        } else {
            Map<List<Object>, Double> labels = new HashMap<>();
            for (Row r : points.where(col(Tables.OBSERVABLE).equalTo(refine.along())).collectAsList()) {
                labels.put(key(r, names, axes), Tables.mean(r));
            }
            midpoints = BoundaryRefinement.midpoints(grid, refine.axes(), labels, simulated,
                    BoundaryRefinement.jump(refine.threshold()));
        }
        List<Object[]> admitted = admitted(base, grid, midpoints, pass, err);
        if (admitted.isEmpty()) {
            err.printf("phasesweep: refinement pass %d: no boundary left between neighbouring points%n", pass);
            return Optional.empty();
        }
        err.printf("phasesweep: refinement pass %d: %d midpoints across boundaries (along %s)%n", pass, admitted.size(),
                refine.along());
        return Optional.of(new SweepPlan(base.model(), base.sweepSeed(), base.replicas(), Grid.ofPoints(grid, admitted),
                base.fixed()));
    }

    /**
     * The midpoints whose parameters resolve and validate: the configured grid was checked point
     * by point, a midpoint was not (an expression may leave its range between two good points).
     */
    private static List<Object[]> admitted(SweepPlan base, Grid grid, List<Object[]> midpoints, int pass,
                                           PrintStream err) {
        List<Object[]> admitted = new ArrayList<>();
        for (Object[] m : midpoints) {
            Object[] point = Arrays.copyOf(m, grid.names().size());
            try {
                grid.resolveDerived(point);
                base.params(point);
                admitted.add(m);
            } catch (InvalidParameterException e) {
                err.printf("phasesweep: refinement pass %d leaves out %s: %s%n", pass, Arrays.toString(m), e.getMessage());
            }
        }
        return admitted;
    }

    /** A point's axis values (its derived columns follow from them). */
    private static List<Object> key(Row r, List<String> names, int axes) {
        return Arrays.asList(Tables.axisValues(r, names.subList(0, axes)));
    }
}
