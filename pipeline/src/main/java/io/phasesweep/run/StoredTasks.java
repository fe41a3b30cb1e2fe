package io.phasesweep.run;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.io.Commits;
import io.phasesweep.io.Location;
import io.phasesweep.io.Tables;
import io.phasesweep.store.TaskKeys;
import io.phasesweep.store.TaskStore;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * One pass of a sweep against the task store: which of its tasks the store already holds (decided
 * once and kept in the work area, so that a resumed sweep reuses exactly the same tasks), their
 * rows as one more committed chunk of the pass, and, once the sweep's tables check out, the rows of
 * the tasks it computed added to the store (only tasks whose every row is ok).
 */
final class StoredTasks {
    /** The reused rows' chunk in a pass's raw directory, beside the computed chunks. */
    static final String REUSED_CHUNK = "chunk-reused";
    private static final String DECISION = "reused-tasks.bits";

    private final SparkSession spark;
    private final TaskStore store;
    private final SweepPlan plan;
    private final int pass;
    private final String[] keys;

    StoredTasks(SparkSession spark, TaskStore store, SweepPlan plan, int pass) {
        this.spark = spark;
        this.store = store;
        this.plan = plan;
        this.pass = pass;
        if (plan.taskCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the task store handles sweeps of up to 2^31 tasks; run this one with --no-store");
        }
        this.keys = new String[(int) plan.taskCount()];
        for (int t = 0; t < keys.length; t++) {
            keys[t] = TaskKeys.of(plan, t);
        }
    }

    TaskStore store() {
        return store;
    }

    /** The content keys of the pass's tasks, in task order. */
    List<String> keys() {
        return List.of(keys);
    }

    /**
     * The tasks to reuse: those whose key the store holds, decided on the first call for this pass
     * and read back from {@code passDir} afterwards (a resume must not reuse a task a committed
     * chunk computed, nor compute one it reused).
     */
    BitSet reusable(Location passDir) throws IOException {
        BitSet decided = decided(passDir);
        if (decided != null) {
            return decided;
        }
        BitSet reuse = new BitSet(keys.length);
        // A pass that committed chunks without the store (a resume of a --no-store run) computed
        // tasks the store may hold by now: reusing any of them would put its rows in twice.
        if (!hasCommittedChunks(passDir)) {
            Set<String> stored = new HashSet<>(storedRows().select(Tables.TASK_KEY).distinct().as(Encoders.STRING())
                    .collectAsList());
            for (int t = 0; t < keys.length; t++) {
                if (stored.contains(keys[t])) {
                    reuse.set(t);
                }
            }
        }
        passDir.mkdirs();
        passDir.resolve(DECISION).writeAtomically(reuse.toByteArray(), DECISION + "." + UUID.randomUUID());
        return reuse;
    }

    /** The reuse decision an earlier run of this pass kept, or null. */
    static BitSet decided(Location passDir) throws IOException {
        try {
            return BitSet.valueOf(passDir.resolve(DECISION).read());
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The reused chunk an earlier run of this pass committed, for a resume without the store: the
     * tasks it holds are not computed again, so it must be there.
     */
    static Location committedReused(Location passDir) {
        return Commits.committed(passDir.resolve(REUSED_CHUNK)).orElseThrow(() ->
                new io.phasesweep.config.ConfigError(passDir + ": this sweep started by reusing tasks from a task store"
                        + " and had not copied them yet; resume it with the same --store"));
    }

    private static boolean hasCommittedChunks(Location passDir) throws IOException {
        return !Commits.committedIn(passDir, "chunk-").isEmpty();
    }

    /**
     * Writes the reused tasks' rows, placed at this sweep's grid points with its pass, as the pass's
     * reused chunk (unless a resumed run finds it committed); returns the chunk, or null when none is reused.
     */
    Location writeReused(BitSet reuse, Location passDir) throws IOException {
        Location chunk = passDir.resolve(REUSED_CHUNK);
        if (reuse.isEmpty()) {
            return null;
        }
        java.util.Optional<Location> done = Commits.committed(chunk);
        if (done.isPresent()) {
            return done.get();
        }
        chunk.deleteTree();
        Dataset<Row> where = positions(reuse);
        Dataset<Row> rows = storedRows().join(broadcast(where), new String[]{Tables.TASK_KEY, Tables.MEMBER});
        long found = rows.select(Tables.TASK_KEY).distinct().count();
        if (found != reuse.cardinality()) {
            throw new IllegalStateException("the task store " + store.dir() + " lost " + (reuse.cardinality() - found)
                    + " of the " + reuse.cardinality() + " tasks this sweep reuses (a store gc since it started?);"
                    + " run it again with --overwrite");
        }
        List<Column> cols = new ArrayList<>();
        for (String axis : plan.grid().names()) {
            cols.add(col("`" + axis + "`"));
        }
        cols.add(lit(pass).as(Tables.PASS));
        for (String c : new String[]{Tables.REPLICA, Tables.SEED, Tables.DISORDER_SEED, Tables.OBSERVABLE, Tables.TIME,
                Tables.BIN, Tables.VALUE, Tables.STDERR, Tables.TAU_INT}) {
            cols.add(col(c));
        }
        cols.add(lit(Tables.OK).as(Tables.STATUS));
        cols.add(lit(null).cast(DataTypes.StringType).as(Tables.MESSAGE));
        Location attempt = passDir.resolve(ChunkedSimulation.ATTEMPTS).resolve(REUSED_CHUNK + "." + UUID.randomUUID());
        spark.sparkContext().setJobDescription("reuse pass " + pass + " tasks from the store");
        spark.createDataFrame(rows.select(cols.toArray(Column[]::new)).rdd(), Tables.raw(plan.grid()))
                .write().parquet(attempt.uri());
        Commits.commit(attempt, chunk);
        return Commits.committed(chunk).orElseThrow();
    }

    /** Adds the computed tasks of {@code chunks} to the store: only tasks whose every row is ok. */
    void append(List<Location> chunks, BitSet reuse) {
        if (chunks.isEmpty() || reuse.cardinality() == keys.length) {
            return;
        }
        BitSet computed = new BitSet(keys.length);
        computed.set(0, keys.length);
        computed.andNot(reuse);
        String[] position = new String[plan.grid().names().size() + 1];
        plan.grid().names().toArray(position);
        position[position.length - 1] = Tables.REPLICA;
        Dataset<Row> raw = spark.read().schema(Tables.raw(plan.grid())).parquet(chunks.stream()
                .map(Location::uri).toArray(String[]::new));
        Dataset<Row> keyed = raw.join(broadcast(positions(computed)), position);
        Dataset<Row> failed = keyed.where(col(Tables.STATUS).notEqual(lit(Tables.OK))).select(Tables.TASK_KEY).distinct();
        Dataset<Row> ok = keyed.join(failed, new String[]{Tables.TASK_KEY}, "left_anti").select(
                col(Tables.TASK_KEY), col(Tables.MEMBER), col(Tables.SEED), col(Tables.DISORDER_SEED),
                col(Tables.OBSERVABLE), col(Tables.TIME), col(Tables.BIN), col(Tables.VALUE), col(Tables.STDERR),
                col(Tables.TAU_INT), lit(plan.model()).as(Tables.MODEL),
                lit(plan.modelType().version()).as(Tables.MODEL_VERSION));
        Location incoming = store.newIncoming();
        spark.sparkContext().setJobDescription("add pass " + pass + " tasks to the store");
        spark.createDataFrame(ok.rdd(), Tables.stored()).write().parquet(incoming.uri());
        store.commit(incoming);
    }

    /** The store's rows of this model version, each stored row once. */
    private Dataset<Row> storedRows() {
        List<Location> segments = store.segments();
        if (segments.isEmpty()) {
            return spark.createDataFrame(List.of(), Tables.stored());
        }
        return spark.read().schema(Tables.stored())
                .parquet(segments.stream().map(Location::uri).toArray(String[]::new))
                .where(col(Tables.MODEL).equalTo(lit(plan.model()))
                        .and(col(Tables.MODEL_VERSION).equalTo(lit(plan.modelType().version()))))
                .dropDuplicates();
    }

    /** Where the chosen tasks sit in this pass: axes, replica, key and member, one row per member point. */
    private Dataset<Row> positions(BitSet tasks) {
        List<Row> rows = new ArrayList<>();
        int axes = plan.grid().names().size();
        for (int t = tasks.nextSetBit(0); t >= 0; t = tasks.nextSetBit(t + 1)) {
            long[] members = plan.members(t / plan.replicas());
            int replica = t % plan.replicas();
            for (int m = 0; m < members.length; m++) {
                Object[] row = java.util.Arrays.copyOf(plan.grid().point(members[m]), axes + 3);
                row[axes] = replica;
                row[axes + 1] = keys[t];
                row[axes + 2] = m;
                rows.add(RowFactory.create(row));
            }
        }
        return spark.createDataFrame(rows, Tables.taskKeys(plan.grid()));
    }
}
