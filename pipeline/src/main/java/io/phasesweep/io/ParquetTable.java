package io.phasesweep.io;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of an output's tables read into memory without Spark: every Parquet file of its directory,
 * flat columns of primitive types, values as Integer, Long, Double, Float, Boolean or String (null
 * where the column is null). For the small tables that plots and reports read (points, phases, fss,
 * time series, histograms): a Spark session would take longer to start than these take to read.
 *
 * @param columns the column names, in file order
 * @param rows    the rows, each value at its column's index
 */
public record ParquetTable(List<String> columns, List<Object[]> rows) {

    public ParquetTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads every {@code *.parquet} file of {@code dir}; an absent directory is an empty table. */
    public static ParquetTable read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new ParquetTable(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<String> columns = null;
        List<Object[]> rows = new ArrayList<>();
        for (Path f : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<String> names = schema.getFields().stream().map(Type::getName).toList();
                if (columns == null) {
                    columns = names;
                } else if (!columns.equals(names)) {
                    throw new IllegalStateException(f + ": columns " + names + " differ from " + columns);
                }
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long r = 0; r < pages.getRowCount(); r++) {
                        rows.add(values(records.read(), schema));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return new ParquetTable(columns == null ? List.of() : columns, rows);
    }

    /** The index of a column; refuses a table without it (an output of another layout). */
    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("no column '" + name + "' in a table with " + columns);
        }
        return i;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private static Object[] values(Group g, MessageType schema) {
        Object[] v = new Object[schema.getFieldCount()];
        for (int i = 0; i < v.length; i++) {
            if (g.getFieldRepetitionCount(i) == 0) {
                continue;
            }
            v[i] = switch (schema.getType(i).asPrimitiveType().getPrimitiveTypeName()) {
                case INT32 -> g.getInteger(i, 0);
                case INT64 -> g.getLong(i, 0);
                case DOUBLE -> g.getDouble(i, 0);
                case FLOAT -> g.getFloat(i, 0);
                case BOOLEAN -> g.getBoolean(i, 0);
                case BINARY -> g.getString(i, 0);
                default -> g.getValueToString(i, 0);
            };
        }
        return v;
    }
}
