package io.phasesweep.run;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.Checkpointer;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.stats.Bins;
import io.phasesweep.stats.Estimate;
import io.phasesweep.stats.Histogram;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import io.phasesweep.io.Tables;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs the tasks of one Spark partition. Partition p of P takes tasks p, p + P, p + 2P, ...:
 * interleaving spreads large and small systems evenly over partitions. Rows are produced one task
 * at a time, so a partition never holds more than one task's results. Rows follow
 * {@link io.phasesweep.io.Tables#raw}: scalars have time and bin null, series values have their
 * time, histograms one row per bin (underflow -1 and overflow n included) with the replica's count
 * as the value.
 */
public final class ReplicaTasks implements FlatMapFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final SweepPlan plan;
    private final int pass;
    private final long partitions;
    private final TaskMeters meters;
    /** Where this chunk's tasks keep their checkpoints; null when checkpoints are off. */
    private final CheckpointFiles checkpoints;
    /** Tasks whose rows come from the task store, not run here; null when none. */
    private final java.util.BitSet reused;

    ReplicaTasks(SweepPlan plan, int pass, long partitions, TaskMeters meters, CheckpointFiles checkpoints,
                 java.util.BitSet reused) {
        this.plan = plan;
        this.pass = pass;
        this.partitions = partitions;
        this.meters = meters;
        this.checkpoints = checkpoints;
        this.reused = reused == null || reused.isEmpty() ? null : reused;
    }

    @Override
    public Iterator<Row> call(Long partition) {
        return new Iterator<>() {
            private long next = partition;
            private final ArrayDeque<Row> buffer = new ArrayDeque<>();
            /** The checkpoints there as this attempt at the partition began (read on its first task). */
            private Set<String> present;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && next < plan.taskCount()) {
                    if (reused == null || !reused.get((int) next)) {
                        if (present == null && checkpoints != null) {
                            present = checkpoints.present();
                        }
                        run(next, buffer, present);
                    }
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

    /** @param present the checkpoint files there as the partition began; null when checkpoints are off */
    private void run(long task, ArrayDeque<Row> out, Set<String> present) {
        long group = task / plan.replicas();
        int replica = (int) (task % plan.replicas());
        long[] points = plan.members(group);
        List<Object[]> axes = new ArrayList<>();
        List<Params> params = new ArrayList<>();
        for (long p : points) {
            Object[] values = plan.grid().point(p);
            axes.add(values);
            params.add(plan.params(values));
        }
        long seed = plan.seed(axes.get(0), replica);
        // Ladder members differ only in the ladder axis, which no disorder depends on: one sample.
        OptionalLong disorder = plan.disorderSeed(params.get(0), replica);
        Long disorderSeed = disorder.isPresent() ? disorder.getAsLong() : null;
        TaskResult result;
        long started = System.nanoTime();
        try {
            Checkpointer checkpointer = checkpoints == null ? Checkpointer.NONE : checkpoints.forTask(task, present);
            result = disorder.isPresent()
                    ? ReplicaRunner.run(plan.modelType(), params, seed, disorder.getAsLong(), checkpointer)
                    : ReplicaRunner.run(plan.modelType(), params, seed, checkpointer);
        } catch (RuntimeException | StackOverflowError e) {
            meters.kernelNanos().add(System.nanoTime() - started);
            // One bad replica (an unstable time step, a model bug at an extreme parameter) must not
            // take the sweep down: it is recorded, excluded from aggregates and counted.
            for (Object[] values : axes) {
                for (String o : scalarNames()) {
                    out.add(row(values, replica, seed, disorderSeed, o, null, null, Double.NaN, Double.NaN, Double.NaN,
                            Tables.FAILED, truncate(e.toString())));
                }
            }
            meters.failed().add(1);
            meters.done().add(1);
            return;
        }
        meters.kernelNanos().add(System.nanoTime() - started);
        List<String> nonFinite = new ArrayList<>();
        for (TaskResult.Member m : result.members()) {
            m.scalars().forEach((name, est) -> {
                if (!Double.isFinite(est.mean()) && !nonFinite.contains(name)) {
                    nonFinite.add(name);
                }
            });
            m.series().stream().filter(s -> !Double.isFinite(s.value())).map(TaskResult.SeriesPoint::observable)
                    .distinct().filter(n -> !nonFinite.contains(n)).forEach(nonFinite::add);
        }
        String status = Tables.OK;
        String message = null;
        if (!nonFinite.isEmpty()) {
            status = Tables.NON_FINITE;
            message = "non-finite values of " + String.join(", ", nonFinite);
            meters.failed().add(1);
        }
        for (int k = 0; k < points.length; k++) {
            TaskResult.Member m = result.members().get(k);
            for (Map.Entry<String, Estimate> e : m.scalars().entrySet()) {
                Estimate est = e.getValue();
                out.add(row(axes.get(k), replica, seed, disorderSeed, e.getKey(), null, null, est.mean(), est.stderr(), est.tauInt(),
                        status, message));
            }
            for (Map.Entry<String, Estimate> e : m.derived().entrySet()) {
                Estimate est = e.getValue();
                out.add(row(axes.get(k), replica, seed, disorderSeed, e.getKey(), null, null, est.mean(), est.stderr(), est.tauInt(),
                        status, message));
            }
            for (TaskResult.SeriesPoint s : m.series()) {
                out.add(row(axes.get(k), replica, seed, disorderSeed, s.observable(), s.t(), null, s.value(), Double.NaN, Double.NaN,
                        status, message));
            }
            for (Map.Entry<String, Histogram> e : m.histograms().entrySet()) {
                Histogram h = e.getValue();
                for (int bin = Bins.UNDERFLOW; bin <= h.bins(); bin++) {
                    out.add(row(axes.get(k), replica, seed, disorderSeed, e.getKey(), null, bin, (double) h.count(bin), Double.NaN,
                            Double.NaN, status, message));
                }
            }
        }
        meters.done().add(1);
    }

    /** Names with one replicas row per replica: scalar and once observables, then derived quantities. */
    private List<String> scalarNames() {
        return Tables.replicaRowNames(plan.modelType());
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private Row row(Object[] axes, int replica, long seed, Long disorderSeed, String observable, Double t, Integer bin,
                    double value, double stderr, double tauInt, String status, String message) {
        Object[] row = new Object[axes.length + 12];
        System.arraycopy(axes, 0, row, 0, axes.length);
        row[axes.length] = pass;
        int c = axes.length + 1;
        row[c] = replica;
        row[c + 1] = seed;
        row[c + 2] = disorderSeed;
        row[c + 3] = observable;
        row[c + 4] = t;
        row[c + 5] = bin;
        row[c + 6] = value;
        row[c + 7] = stderr;
        row[c + 8] = tauInt;
        row[c + 9] = status;
        row[c + 10] = message;
        return RowFactory.create(row);
    }
}
