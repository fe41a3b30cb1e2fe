package io.phasesweep.run;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stats.Estimate;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Runs the replica tasks of one Spark partition. Partition p of P takes tasks p, p + P, p + 2P, ...:
 * interleaving spreads large and small systems evenly over partitions. Rows are produced one task
 * at a time, so a partition never holds more than one task's results.
 */
public final class ReplicaTasks implements FlatMapFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final SweepPlan plan;
    private final long partitions;
    private final LongAccumulator done;

    public ReplicaTasks(SweepPlan plan, long partitions, LongAccumulator done) {
        this.plan = plan;
        this.partitions = partitions;
        this.done = done;
    }

    @Override
    public Iterator<Row> call(Long partition) {
        return new Iterator<>() {
            private long next = partition;
            private final ArrayDeque<Row> buffer = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && next < plan.taskCount()) {
                    run(next, buffer);
                    next += partitions;
                }
                return !buffer.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
    }

    private void run(long task, ArrayDeque<Row> out) {
        long point = task / plan.replicas();
        int replica = (int) (task % plan.replicas());
        Object[] axes = plan.grid().point(point);
        ModelType type = plan.modelType();
        Params params = plan.params(axes);
        long seed = plan.seed(axes, replica);
        Map<String, Estimate> result = ReplicaRunner.run(type, params, seed);
        for (Map.Entry<String, Estimate> e : result.entrySet()) {
            Object[] row = new Object[axes.length + 6];
            System.arraycopy(axes, 0, row, 0, axes.length);
            int c = axes.length;
            row[c] = replica;
            row[c + 1] = seed;
            row[c + 2] = e.getKey();
            row[c + 3] = e.getValue().mean();
            row[c + 4] = e.getValue().stderr();
            row[c + 5] = e.getValue().tauInt();
            out.add(RowFactory.create(row));
        }
        done.add(1);
    }
}
