package io.phasesweep.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The summary tables of a finished output as typed rows, read without Spark (see
 * {@link ParquetTable}): what plots and reports draw. Grid points are identified by their axis
 * values, in the order of {@code axes}; the pass a point came from is not needed to draw it.
 */
public final class SweepTables {

    /** A points/ row: one quantity at one grid point. */
    public record Point(List<Object> axes, String observable, double mean, double stderr) {
    }

    /** A timeseries/ row: a series observable's replica mean at one time. */
    public record SeriesPoint(List<Object> axes, String observable, double time, double mean, double stderr) {
    }

    /** A phases/ row. */
    public record Phase(List<Object> axes, String phase, String evidence) {
    }

    /** An fss/ row; {@code group} holds the values of the axes other than control and size. */
    public record Estimate(List<Object> group, String quantity, double estimate, double stderr, String method,
                           String observable, double chi2Dof, String sizes) {
    }

    /** A histograms/ row; underflow and overflow bins have an infinite edge. */
    public record HistogramBin(List<Object> axes, String observable, int bin, double low, double high,
                               double density, double stderr) {
    }

    private final Path dir;
    private final List<String> axes;

    /** @param axes the sweep's axis names, in config order */
    public SweepTables(Path dir, List<String> axes) {
        this.dir = dir;
        this.axes = List.copyOf(axes);
    }

    public List<Point> points() {
        return rows(Tables.POINTS, t -> r -> new Point(axisValues(t, r, axes), (String) r[t.column(Tables.OBSERVABLE)],
                number(r[t.column(Tables.MEAN)]), number(r[t.column(Tables.STDERR)])));
    }

    public List<SeriesPoint> series() {
        return rows(Tables.TIMESERIES, t -> r -> new SeriesPoint(axisValues(t, r, axes),
                (String) r[t.column(Tables.OBSERVABLE)], number(r[t.column(Tables.TIME)]),
                number(r[t.column(Tables.MEAN)]), number(r[t.column(Tables.STDERR)])));
    }

    public List<Phase> phases() {
        return rows(Tables.PHASES, t -> r -> new Phase(axisValues(t, r, axes), (String) r[t.column(Tables.PHASE)],
                (String) r[t.column(Tables.EVIDENCE)]));
    }

    /** @param groupAxes the axes other than control and size, in config order (the fss table's first columns) */
    public List<Estimate> estimates(List<String> groupAxes) {
        return rows(Tables.FSS, t -> r -> new Estimate(axisValues(t, r, groupAxes), (String) r[t.column(Tables.QUANTITY)],
                number(r[t.column(Tables.ESTIMATE)]), number(r[t.column(Tables.STDERR)]),
                (String) r[t.column(Tables.METHOD)], (String) r[t.column(Tables.OBSERVABLE)],
                number(r[t.column(Tables.CHI2_DOF)]), (String) r[t.column(Tables.SIZES)]));
    }

    public List<HistogramBin> histograms() {
        return rows(Tables.HISTOGRAMS, t -> r -> new HistogramBin(axisValues(t, r, axes),
                (String) r[t.column(Tables.OBSERVABLE)], (Integer) r[t.column(Tables.BIN)],
                number(r[t.column(Tables.BIN_LOW)]), number(r[t.column(Tables.BIN_HIGH)]),
                number(r[t.column(Tables.DENSITY)]), number(r[t.column(Tables.STDERR)])));
    }

    /** Whether the output has this table (a model without series has no timeseries/, a sweep without fss no fss/). */
    public boolean has(String table) {
        return java.nio.file.Files.isDirectory(dir.resolve(table));
    }

    private <T> List<T> rows(String table, Function<ParquetTable, Function<Object[], T>> row) {
        ParquetTable t = ParquetTable.read(dir.resolve(table));
        Function<Object[], T> of = row.apply(t);
        List<T> out = new ArrayList<>(t.rows().size());
        for (Object[] r : t.rows()) {
            out.add(of.apply(r));
        }
        return out;
    }

    private static List<Object> axisValues(ParquetTable t, Object[] row, List<String> names) {
        return Arrays.asList(names.stream().map(n -> row[t.column(n)]).toArray());
    }

    /** A stored double; null (which the tables do not write) reads as NaN, a gap rather than a zero. */
    private static double number(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
