package io.phasesweep.run;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Tables;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

/**
 * The last check before a sweep may call itself complete, whatever happened to its work area on
 * the way (a second writer, a lost or repeated chunk): the replicas table has exactly one row per
 * (grid point, pass, replica, scalar observable) of the passes run, and every replica's seed and
 * disorder seed (null for a model without declared disorder) are the ones the config derives.
 */
final class IntegrityCheck {
    /** A replica's rows, and its observables as {@link #observables} sums them up. */
    private static final String ROWS = "rows";
    private static final String OBSERVABLES = "observables";
    /** The most scalars {@link #observables} tells apart by bits of one long (bit 0 marks a stranger). */
    private static final int MAX_BITS = 62;

    private IntegrityCheck() {
    }

    /** What is wrong with the replicas table, or an empty list. */
    static List<String> problems(Dataset<Row> replicas, long rows, SweepPlan plan, List<SweepPlan> passes) {
        int scalars = Tables.replicaRowNames(plan.modelType()).size();
        long points = passes.stream().mapToLong(p -> p.grid().size()).sum();
        long expectedReplicas = points * plan.replicas();
        List<String> problems = new ArrayList<>();
        if (rows != expectedReplicas * scalars) {
            problems.add("replicas has " + rows + " rows, expected " + expectedReplicas * scalars + " (" + points
                    + " points x " + plan.replicas() + " replicas x " + scalars + " observables and derived quantities)");
        }
        List<Column> key = new ArrayList<>();
        plan.grid().names().forEach(n -> key.add(col("`" + n + "`")));
        key.add(col(Tables.PASS));
        key.add(col(Tables.REPLICA));
        key.add(col(Tables.SEED));
        key.add(col(Tables.DISORDER_SEED));
        long[] tally = replicas.groupBy(key.toArray(Column[]::new))
                .agg(count(lit(1)).as(ROWS), observables(Tables.replicaRowNames(plan.modelType())).as(OBSERVABLES))
                .javaRDD().mapPartitions(new Tally(plan, scalars))
                .reduce(IntegrityCheck::add);
        if (tally[0] != expectedReplicas) {
            problems.add("replicas holds " + tally[0] + " (point, replica, seed) combinations, expected "
                    + expectedReplicas);
        }
        if (tally[1] > 0) {
            problems.add(tally[1] + " replicas have a repeated, missing or unexpected observable");
        }
        if (tally[2] > 0) {
            problems.add(tally[2] + " replicas carry a seed this config does not derive (rows of another sweep)");
        }
        if (tally[3] > 0) {
            problems.add(tally[3] + " replicas carry a disorder seed this config does not derive (rows of another sweep)");
        }
        return problems;
    }

    /**
     * What the check needs of a replica's observables, as one number per group: with count(1) equal
     * to the number s of scalars, a replica has each expected observable exactly once. Up to 62
     * scalars, the OR of one bit per row, bit i for the i-th expected name (1-based) and bit 0 for
     * any other: s rows OR to 2^(s+1) - 2 only if they are s different expected names. A single
     * hash aggregation, where a distinct count costs Spark a second one over every row (10^8 rows
     * at scale). More scalars: the distinct count, {@link #expectedObservables} of them.
     */
    private static Column observables(List<String> names) {
        if (names.size() > MAX_BITS) {
            return countDistinct(col(Tables.OBSERVABLE));
        }
        Column position = array_position(array(names.stream().map(functions::lit).toArray(Column[]::new)),
                col(Tables.OBSERVABLE));
        return bit_or(call_function("shiftleft", lit(1L), position.cast("int")));
    }

    /** The value {@link #observables} takes for a replica that has every expected observable once. */
    static long expectedObservables(int scalars) {
        return scalars > MAX_BITS ? scalars : (1L << (scalars + 1)) - 2;
    }

    private static long[] add(long[] a, long[] b) {
        return new long[]{a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]};
    }

    /**
     * Per partition of the grouped table: groups, groups with a wrong observable count, wrong
     * seeds, wrong disorder seeds.
     */
    private static final class Tally implements FlatMapFunction<Iterator<Row>, long[]> {
        private static final long serialVersionUID = 1L;
        private final SweepPlan plan;
        private final int scalars;

        Tally(SweepPlan plan, int scalars) {
            this.plan = plan;
            this.scalars = scalars;
        }

        @Override
        public Iterator<long[]> call(Iterator<Row> groups) {
            long[] t = new long[4];
            boolean declaresDisorder = !plan.modelType().disorderParameters().isEmpty();
            long expected = expectedObservables(scalars);
            while (groups.hasNext()) {
                Row r = groups.next();
                t[0]++;
                long n = Tables.count(r, ROWS);
                long k = Tables.count(r, OBSERVABLES);
                if (n != scalars || k != expected) {
                    t[1]++;
                }
                Object[] point = Tables.axisValues(r, plan.grid().names());
                int replica = Tables.replica(r);
                if (plan.seed(point, replica) != Tables.seed(r)) {
                    t[2]++;
                }
                Long found = Tables.disorderSeed(r);
                boolean rightDisorder = declaresDisorder
                        ? found != null && found == plan.disorderSeed(plan.params(point), replica).getAsLong()
                        : found == null;
                if (!rightDisorder) {
                    t[3]++;
                }
            }
            return List.of(t).iterator();
        }
    }
}
