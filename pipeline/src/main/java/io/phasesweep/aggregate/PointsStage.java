package io.phasesweep.aggregate;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import io.phasesweep.model.Params;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;

/**
 * Spark glue around {@link PointStatistics}: bring each grid point's replica rows together, combine.
 *
 * <p>The rows are shuffled by grid point and sorted within each partition, then combined one point
 * at a time as they stream past: memory holds one point's replicas, however many points and
 * replicas there are. (Collecting each point's rows into a list by aggregation held the lists of up
 * to 128 points per task, which ran a 1 GiB driver out of memory at 10^8 replica rows.) The
 * statistics sort a point's values by replica, so the order rows arrive in does not matter.
 */
public final class PointsStage {
    private PointsStage() {
    }

    public static Dataset<Row> points(Dataset<Row> replicas, SweepPlan plan) {
        Column[] key = PointKey.columns(plan.grid());
        List<Column> wanted = new ArrayList<>(Arrays.asList(key));
        wanted.addAll(List.of(col(Tables.REPLICA), col(Tables.OBSERVABLE), col(Tables.VALUE), col(Tables.STDERR)));
        Dataset<Row> byPoint = replicas.select(wanted.toArray(Column[]::new)).repartition(key).sortWithinPartitions(key);
        return byPoint.mapPartitions(new CombineSorted(plan), Encoders.row(Tables.points(plan.grid())));
    }

    /** Combines the runs of rows of one grid point in a partition sorted by point. */
    private static final class CombineSorted implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final SweepPlan plan;

        CombineSorted(SweepPlan plan) {
            this.plan = plan;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<String> axes = plan.grid().names();
            return new Iterator<>() {
                private final ArrayDeque<Row> out = new ArrayDeque<>();
                /** The first row of the next point, read while finishing the one before. */
                private Row pending = rows.hasNext() ? rows.next() : null;

                @Override
                public boolean hasNext() {
                    while (out.isEmpty() && pending != null) {
                        combineNextPoint();
                    }
                    return !out.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return out.poll();
                }

                private void combineNextPoint() {
                    Object[] point = Tables.axisValues(pending, axes);
                    int pass = Tables.pass(pending);
                    List<ReplicaValue> values = new ArrayList<>();
                    Row r = pending;
                    pending = null;
                    while (true) {
                        values.add(new ReplicaValue(Tables.replica(r), Tables.observable(r), Tables.value(r), Tables.stderr(r)));
                        if (!rows.hasNext()) {
                            break;
                        }
                        r = rows.next();
                        if (Tables.pass(r) != pass || !Arrays.equals(Tables.axisValues(r, axes), point)) {
                            pending = r;
                            break;
                        }
                    }
                    Params params = plan.params(point);
                    for (PointValue p : PointStatistics.of(plan.modelType(), params, values)) {
                        out.add(Tables.pointsRow(point, pass, p.observable(), p.mean(), p.stderr(), p.n()));
                    }
                }
            };
        }
    }
}
