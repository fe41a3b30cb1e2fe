package io.phasesweep.io;

import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import io.phasesweep.model.ParamType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The row writers put every value in the column its schema names, and the readers find it there. */
class TablesTest {
    static final Grid GRID = new Grid(List.of(new Axis("L", ParamType.INT, List.of(8, 16)),
            new Axis("T", ParamType.DOUBLE, List.of(2.0, 2.5))));

    static Row withSchema(Row r, StructType schema) {
        assertEquals(schema.size(), r.size(), "one value per column of " + schema.simpleString());
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.get(i);
        }
        return new GenericRowWithSchema(values, schema);
    }

    @Test
    void pointsRowsReadBackByName() {
        Row r = withSchema(Tables.pointsRow(new Object[]{16, 2.5}, 2, "binder", 0.61, 0.01, 8), Tables.points(GRID));
        assertArrayEquals(new Object[]{16, 2.5}, Tables.axisValues(r, GRID.names()));
        assertEquals(2, Tables.pass(r));
        assertEquals("binder", Tables.observable(r));
        assertEquals(0.61, Tables.mean(r));
        assertEquals(0.01, Tables.stderr(r));
        assertEquals(8, Tables.nReplicas(r));
    }

    @Test
    void timeseriesRowsReadBackByName() {
        Row r = withSchema(Tables.timeseriesRow(new Object[]{8, 2.0}, 1, "width", 12.5, 3.0, 0.2, 4),
                Tables.timeseries(GRID));
        assertEquals(12.5, Tables.time(r));
        assertEquals(3.0, Tables.mean(r));
        assertEquals(0.2, Tables.stderr(r));
        assertEquals(4, Tables.nReplicas(r));
    }

    @Test
    void estimateRowsFollowTheirSchemas() {
        Axis t = GRID.axes().get(1);
        Row fss = withSchema(Tables.fssRow(new Object[]{}, "nu", 1.0, 0.1, "collapse", "binder", 1.2, "8,16", 50),
                Tables.fss(List.of()));
        assertEquals(0.1, Tables.stderr(fss));
        assertEquals("binder", Tables.observable(fss));
        assertEquals("nu", fss.getString(fss.fieldIndex("quantity")));
        assertEquals(50, fss.getInt(fss.fieldIndex("bootstrap_samples")));
        Row exp = withSchema(Tables.exponentsRow(new Object[]{2.0}, 1, "alpha", 0.5, 0.02, "power_law", "W_sat",
                0.9, "8,16"), Tables.exponents(List.of(t)));
        assertArrayEquals(new Object[]{2.0}, Tables.axisValues(exp, List.of(t.name())));
        assertEquals(1, Tables.pass(exp));
        assertEquals("W_sat", Tables.observable(exp));
        assertEquals("8,16", exp.getString(exp.fieldIndex("sizes")));
        Row phase = withSchema(Tables.phasesRow(new Object[]{8, 2.0}, 1, "ordered", "m=0.9"), Tables.phases(GRID));
        assertEquals("ordered", phase.getString(phase.fieldIndex("phase")));
    }
}
