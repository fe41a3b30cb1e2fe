package io.phasesweep.io;

import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet tables phasesweep writes, and the only place that knows their column names. Axis
 * columns come first, named and typed exactly as the axes.
 */
public final class Tables {
    public static final String REPLICAS = "replicas";
    public static final String POINTS = "points";
    public static final String REPLICA_SERIES = "replica_series";
    public static final String TIMESERIES = "timeseries";
    public static final String FSS = "fss";
    public static final String PHASES = "phases";
    public static final String EXPONENTS = "exponents";
    public static final String HISTOGRAMS = "histograms";
    public static final String BOUNDARIES = "boundaries";
    /** Every table directory a sweep may have. */
    public static final java.util.Set<String> ALL = java.util.Set.of(REPLICAS, POINTS, REPLICA_SERIES, TIMESERIES, FSS,
            PHASES, EXPONENTS, HISTOGRAMS, BOUNDARIES);

    public static final String REPLICA = "replica";
    public static final String SEED = "seed";
    /** The replica's disorder seed; null for a model that declares no disorder parameters. */
    public static final String DISORDER_SEED = "disorder_seed";
    public static final String OBSERVABLE = "observable";
    public static final String VALUE = "value";
    public static final String STDERR = "stderr";
    public static final String TAU_INT = "tau_int";
    public static final String MEAN = "mean";
    public static final String N_REPLICAS = "n_replicas";
    public static final String TIME = "time";
    /** A histogram's bin: 0..n-1 as declared, -1 underflow, n overflow. */
    public static final String BIN = "bin";
    public static final String BIN_LOW = "bin_low";
    public static final String BIN_HIGH = "bin_high";
    public static final String COUNT = "count";
    public static final String DENSITY = "density";
    /** 1 for the configured grid, 2 for the points a refinement pass added around x_c. */
    public static final String PASS = "pass";
    /** {@code ok}, {@code failed} (the task threw) or {@code non_finite} (it produced NaN or infinity). */
    public static final String STATUS = "status";
    public static final String MESSAGE = "message";
    /** Columns of fss/ and exponents/: what was estimated, the estimate, how, and on which sizes. */
    public static final String QUANTITY = "quantity";
    public static final String ESTIMATE = "estimate";
    public static final String METHOD = "method";
    public static final String CHI2_DOF = "chi2_dof";
    public static final String SIZES = "sizes";
    public static final String BOOTSTRAP_SAMPLES = "bootstrap_samples";
    /** Columns of phases/: the phase's name and the numbers it was decided from. */
    public static final String PHASE = "phase";
    public static final String EVIDENCE = "evidence";
    /** Columns of boundaries/: which boundary, along which axis, from which threshold, between which grid values. */
    public static final String BOUNDARY = "boundary";
    public static final String AXIS = "axis";
    public static final String THRESHOLD = "threshold";
    public static final String BRACKET_LOW = "bracket_low";
    public static final String BRACKET_HIGH = "bracket_high";
    public static final String CROSSINGS = "crossings";
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String NON_FINITE = "non_finite";
    /** A task's content key in the task store ({@link io.phasesweep.store.TaskKeys}). */
    public static final String TASK_KEY = "task_key";
    /** A grid point's position in its task's group (0 but for a ladder's members). */
    public static final String MEMBER = "member";
    public static final String MODEL = "model";
    public static final String MODEL_VERSION = "model_version";
    /** Not in the files: the column {@code phasesweep query} puts first, naming each row's sweep. */
    public static final String SWEEP = "sweep";

    /**
     * Column names the tables use besides axes. Spark and DuckDB compare names ignoring case, so
     * no model parameter may be any of these in any case (an axis N next to a column n would clash).
     */
    public static final java.util.Set<String> RESERVED = java.util.Set.of(
            REPLICA, SEED, DISORDER_SEED, OBSERVABLE, VALUE, STDERR, TAU_INT, MEAN, N_REPLICAS, TIME, PASS, STATUS, MESSAGE,
            BIN, BIN_LOW, BIN_HIGH, COUNT, DENSITY, QUANTITY, ESTIMATE, METHOD, CHI2_DOF, SIZES, BOOTSTRAP_SAMPLES, PHASE, EVIDENCE,
            BOUNDARY, AXIS, THRESHOLD, BRACKET_LOW, BRACKET_HIGH, CROSSINGS, SWEEP);

    /** The reserved column a parameter name would collide with, if any. */
    public static java.util.Optional<String> collision(String parameter) {
        return RESERVED.stream().filter(r -> r.equalsIgnoreCase(parameter)).findFirst();
    }

    /** Refuses a model whose parameter would shadow a reserved column: a defect of the model, not of a config. */
    public static void requireNoCollision(io.phasesweep.model.ModelType type) {
        for (io.phasesweep.model.ParamSpec p : type.parameters()) {
            collision(p.name()).ifPresent(c -> {
                throw new IllegalStateException("model " + type.name() + " parameter '" + p.name()
                        + "' collides with the table column '" + c + "'; rename the parameter");
            });
        }
    }

    private Tables() {
    }

    /**
     * The names with one replicas row per replica, in row order: scalar and once observables, then
     * the derived quantities evaluated on the replica alone.
     */
    public static List<String> replicaRowNames(io.phasesweep.model.ModelType type) {
        List<String> names = new ArrayList<>();
        type.observables().stream().filter(io.phasesweep.model.ObservableSpec::isSingleValue).forEach(o -> names.add(o.name()));
        type.derived().forEach(d -> names.add(d.name()));
        return names;
    }

    /**
     * What tasks emit before it is split into tables: replicas columns plus a nullable {@code time}
     * (series values) and a nullable {@code bin} (histogram counts, the count in {@code value}).
     * Scalars have both null. Chunks written before {@code bin} existed read it as null.
     */
    public static StructType raw(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(REPLICA, DataTypes.IntegerType, false));
        addMeasurementFields(f);
        f.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(MESSAGE, DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    /** What a task measured, in raw rows and stored rows alike: seeds, then the observable's value and errors. */
    private static void addMeasurementFields(List<StructField> f) {
        f.add(DataTypes.createStructField(SEED, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(DISORDER_SEED, DataTypes.LongType, true));
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(TIME, DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField(BIN, DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(VALUE, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(TAU_INT, DataTypes.DoubleType, false));
    }

    /**
     * The task store's rows: a task's raw rows without the grid position, which the sweep that
     * reuses them supplies (axes, pass, replica) from its own plan; only tasks whose every row is ok.
     */
    public static StructType stored() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(TASK_KEY, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(MEMBER, DataTypes.IntegerType, false));
        addMeasurementFields(f);
        f.add(DataTypes.createStructField(MODEL, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(MODEL_VERSION, DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    /** Where each task of a pass sits: point columns, replica, its content key and the point's member index. */
    public static StructType taskKeys(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.remove(f.size() - 1); // pass: a stored task serves any pass
        f.add(DataTypes.createStructField(REPLICA, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(TASK_KEY, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(MEMBER, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    /** Columns of replica_series/: one row per (grid point, replica, series observable, time). */
    public static List<String> replicaSeriesColumns(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.addAll(List.of(PASS, REPLICA, SEED, DISORDER_SEED, OBSERVABLE, TIME, VALUE));
        return cols;
    }

    /** timeseries/: one row per (grid point, series observable, time), combined over replicas. */
    public static StructType timeseries(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(TIME, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(MEAN, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(N_REPLICAS, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    /**
     * histograms/: one row per (grid point, histogram observable, bin), underflow (bin -1,
     * bin_low -inf) and overflow (bin n, bin_high +inf) included.
     */
    public static StructType histograms(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(BIN, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(BIN_LOW, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(BIN_HIGH, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(COUNT, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(DENSITY, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(N_REPLICAS, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    public static String[] histogramsOrder(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.addAll(List.of(PASS, OBSERVABLE, BIN));
        return cols.toArray(String[]::new);
    }

    public static String[] replicaSeriesOrder(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.addAll(List.of(REPLICA, OBSERVABLE, TIME));
        return cols.toArray(String[]::new);
    }

    public static String[] timeseriesOrder(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.addAll(List.of(OBSERVABLE, TIME));
        return cols.toArray(String[]::new);
    }

    /**
     * fss/: one row per estimate, for each combination of the axes other than the control and
     * size axes (those columns first).
     */
    public static StructType fss(List<Axis> otherAxes) {
        List<StructField> f = new ArrayList<>();
        for (Axis a : otherAxes) {
            f.add(DataTypes.createStructField(a.name(), sparkType(a.type()), false));
        }
        addEstimateFields(f);
        f.add(DataTypes.createStructField(BOOTSTRAP_SAMPLES, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    /**
     * exponents/: one row per size exponent of the model, for each combination of the other axes
     * (those apart from the size and what is linked with it: those columns first, then pass).
     */
    public static StructType exponents(List<Axis> others) {
        List<StructField> f = new ArrayList<>();
        for (Axis a : others) {
            f.add(DataTypes.createStructField(a.name(), sparkType(a.type()), false));
        }
        f.add(DataTypes.createStructField(PASS, DataTypes.IntegerType, false));
        addEstimateFields(f);
        return DataTypes.createStructType(f);
    }

    public static String[] exponentsOrder(List<Axis> others) {
        List<String> cols = new ArrayList<>(others.stream().map(Axis::name).toList());
        cols.add(PASS);
        cols.add(QUANTITY);
        return cols.toArray(String[]::new);
    }

    /** The columns fss/ and exponents/ share: what was estimated, how, from what, on which sizes. */
    private static void addEstimateFields(List<StructField> f) {
        f.add(DataTypes.createStructField(QUANTITY, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(ESTIMATE, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(METHOD, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(CHI2_DOF, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(SIZES, DataTypes.StringType, false));
    }

    /**
     * boundaries/: one row per boundary of the model and combination of the other axes (those apart
     * from the boundary's axis and what is linked with it), then pass: where the observable crosses
     * the threshold along the axis.
     */
    public static StructType boundaries(List<Axis> others) {
        List<StructField> f = new ArrayList<>();
        for (Axis a : others) {
            f.add(DataTypes.createStructField(a.name(), sparkType(a.type()), false));
        }
        f.add(DataTypes.createStructField(PASS, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(BOUNDARY, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(AXIS, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(ESTIMATE, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(THRESHOLD, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(BRACKET_LOW, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(BRACKET_HIGH, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(CROSSINGS, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    public static String[] boundariesOrder(List<Axis> others) {
        List<String> cols = new ArrayList<>(others.stream().map(Axis::name).toList());
        cols.add(PASS);
        cols.add(BOUNDARY);
        return cols.toArray(String[]::new);
    }

    /** A boundaries/ row: the other axes' values, then pass. */
    public static Row boundariesRow(Object[] otherAxes, int pass, String boundary, String axis, double estimate,
                                    double stderr, String observable, double threshold, double low, double high,
                                    int crossings) {
        return RowFactory.create(concat(otherAxes, pass, boundary, axis, estimate, stderr, observable, threshold, low, high,
                crossings));
    }

    /** phases/: one row per grid point: the model's classification and the numbers behind it. */
    public static StructType phases(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(PHASE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(EVIDENCE, DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    public static String[] phasesOrder(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.add(PASS);
        return cols.toArray(String[]::new);
    }

    /** replicas/: one row per (grid point, replica, scalar observable). */
    public static StructType replicas(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(REPLICA, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(SEED, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(DISORDER_SEED, DataTypes.LongType, true));
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(VALUE, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(TAU_INT, DataTypes.DoubleType, false));
        return DataTypes.createStructType(f);
    }

    /** points/: one row per (grid point, observable or derived quantity). */
    public static StructType points(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(OBSERVABLE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(MEAN, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(STDERR, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(N_REPLICAS, DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    /** Sort order of the replicas table: axes in config order, then replica, then observable. */
    public static String[] replicasOrder(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.add(REPLICA);
        cols.add(OBSERVABLE);
        return cols.toArray(String[]::new);
    }

    public static String[] pointsOrder(Grid grid) {
        List<String> cols = new ArrayList<>(grid.names());
        cols.add(OBSERVABLE);
        return cols.toArray(String[]::new);
    }

    /**
     * The point columns (axes, then parameters resolved from expressions), then {@code pass}:
     * together they identify a grid point.
     */
    private static List<StructField> axisFields(Grid grid) {
        List<StructField> f = new ArrayList<>();
        List<String> names = grid.names();
        List<io.phasesweep.model.ParamType> types = grid.types();
        for (int c = 0; c < names.size(); c++) {
            f.add(DataTypes.createStructField(names.get(c), sparkType(types.get(c)), false));
        }
        f.add(DataTypes.createStructField(PASS, DataTypes.IntegerType, false));
        return f;
    }

    // ---- writing rows, in the column order of the schemas above ----------------------------

    /** A points/ row. */
    public static Row pointsRow(Object[] axes, int pass, String observable, double mean, double stderr, int n) {
        return RowFactory.create(concat(axes, pass, observable, mean, stderr, n));
    }

    /** A timeseries/ row. */
    public static Row timeseriesRow(Object[] axes, int pass, String observable, double time, double mean,
                                    double stderr, int n) {
        return RowFactory.create(concat(axes, pass, observable, time, mean, stderr, n));
    }

    /** A histograms/ row. */
    public static Row histogramsRow(Object[] axes, int pass, String observable, int bin, double low, double high,
                                    long count, double density, double stderr, int n) {
        return RowFactory.create(concat(axes, pass, observable, bin, low, high, count, density, stderr, n));
    }

    /** A phases/ row. */
    public static Row phasesRow(Object[] axes, int pass, String phase, String evidence) {
        return RowFactory.create(concat(axes, pass, phase, evidence));
    }

    /** An exponents/ row: the other axes' values, then pass. */
    public static Row exponentsRow(Object[] otherAxes, int pass, String quantity, double estimate, double stderr,
                                   String method, String observable, double chi2PerDof, String sizes) {
        return RowFactory.create(concat(otherAxes, pass, quantity, estimate, stderr, method, observable, chi2PerDof,
                sizes));
    }

    /** An fss/ row: the other axes' values first. */
    public static Row fssRow(Object[] otherAxes, String quantity, double estimate, double stderr, String method,
                             String observable, double chi2PerDof, String sizes, int bootstrapSamples) {
        return RowFactory.create(concat(otherAxes, quantity, estimate, stderr, method, observable, chi2PerDof, sizes,
                bootstrapSamples));
    }

    private static Object[] concat(Object[] axes, Object... rest) {
        Object[] row = java.util.Arrays.copyOf(axes, axes.length + rest.length);
        System.arraycopy(rest, 0, row, axes.length, rest.length);
        return row;
    }

    // ---- reading rows: the one place that knows where a column sits ------------------------
    // Rows of a table, of a grouped table or structs collected from one carry their schema, so
    // fields are found by name: a stage that reorders its struct cannot read the wrong field.

    /** The values of the named axis columns of a row, in the order given. */
    public static Object[] axisValues(Row r, List<String> axes) {
        Object[] values = new Object[axes.size()];
        for (int a = 0; a < values.length; a++) {
            values[a] = r.get(r.fieldIndex(axes.get(a)));
        }
        return values;
    }

    public static int pass(Row r) {
        return r.getInt(r.fieldIndex(PASS));
    }

    public static int replica(Row r) {
        return r.getInt(r.fieldIndex(REPLICA));
    }

    public static long seed(Row r) {
        return r.getLong(r.fieldIndex(SEED));
    }

    /** The replica's disorder seed; null for a model without declared disorder. */
    public static Long disorderSeed(Row r) {
        return r.getAs(DISORDER_SEED);
    }

    /** A raw histogram row's bin: -1 underflow, 0..n-1 the bins, n overflow. */
    public static int bin(Row r) {
        return r.getInt(r.fieldIndex(BIN));
    }

    public static String observable(Row r) {
        return r.getString(r.fieldIndex(OBSERVABLE));
    }

    public static double value(Row r) {
        return r.getDouble(r.fieldIndex(VALUE));
    }

    public static double mean(Row r) {
        return r.getDouble(r.fieldIndex(MEAN));
    }

    public static double stderr(Row r) {
        return r.getDouble(r.fieldIndex(STDERR));
    }

    public static double time(Row r) {
        return r.getDouble(r.fieldIndex(TIME));
    }

    public static int nReplicas(Row r) {
        return r.getInt(r.fieldIndex(N_REPLICAS));
    }

    public static String status(Row r) {
        return r.getString(r.fieldIndex(STATUS));
    }

    public static String message(Row r) {
        return r.getString(r.fieldIndex(MESSAGE));
    }

    /** The rows a stage collected under {@code alias} ({@code collect_list(struct(...)).as(alias)}). */
    public static List<Row> collected(Row group, String alias) {
        return group.getList(group.fieldIndex(alias));
    }

    /** A count a stage aggregated under {@code alias}. */
    public static long count(Row group, String alias) {
        return group.getLong(group.fieldIndex(alias));
    }

    /** A double a stage put in a struct under {@code alias}. */
    public static double number(Row struct, String alias) {
        return struct.getDouble(struct.fieldIndex(alias));
    }

    static DataType sparkType(io.phasesweep.model.ParamType type) {
        return switch (type) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
