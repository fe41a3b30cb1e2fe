package io.phasesweep.aggregate;

import io.phasesweep.grid.Grid;
import io.phasesweep.io.Tables;
import org.apache.spark.sql.Column;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * What identifies a grid point in every table: the axis columns, then {@code pass}. The stages
 * group by these columns and read the axis values back by name ({@link Tables#axisValues}).
 */
final class PointKey {

    private PointKey() {
    }

    /** Axis columns then pass, followed by {@code more} columns. */
    static Column[] columns(Grid grid, String... more) {
        List<Column> keys = new ArrayList<>();
        for (String a : grid.names()) {
            keys.add(col("`" + a + "`"));
        }
        keys.add(col(Tables.PASS));
        for (String m : more) {
            keys.add(col(m));
        }
        return keys.toArray(Column[]::new);
    }
}
