package io.phasesweep.io;

import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
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

    public static final String REPLICA = "replica";
    public static final String SEED = "seed";
    public static final String OBSERVABLE = "observable";
    public static final String VALUE = "value";
    public static final String STDERR = "stderr";
    public static final String TAU_INT = "tau_int";
    public static final String MEAN = "mean";
    public static final String N = "n";

    private Tables() {
    }

    /** replicas/: one row per (grid point, replica, observable). */
    public static StructType replicas(Grid grid) {
        List<StructField> f = axisFields(grid);
        f.add(DataTypes.createStructField(REPLICA, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(SEED, DataTypes.LongType, false));
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
        f.add(DataTypes.createStructField(N, DataTypes.IntegerType, false));
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

    private static List<StructField> axisFields(Grid grid) {
        List<StructField> f = new ArrayList<>();
        for (Axis a : grid.axes()) {
            f.add(DataTypes.createStructField(a.name(), sparkType(a), false));
        }
        return f;
    }

    static DataType sparkType(Axis a) {
        return switch (a.type()) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
