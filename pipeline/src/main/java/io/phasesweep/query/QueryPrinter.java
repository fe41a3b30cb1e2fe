package io.phasesweep.query;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a query's result: an aligned text table (numbers right-aligned, NULL spelled out), or
 * CSV or JSON written by DuckDB's own {@code COPY} writers, which quote and escape correctly.
 */
public final class QueryPrinter {
    public enum Format { TABLE, CSV, JSON }

    private QueryPrinter() {
    }

    public static void print(Connection db, String sql, Format format, PrintWriter out) throws SQLException {
        if (format == Format.TABLE) {
            // Prepared, not Statement.execute: DuckDB's JDBC then reports the SQL error itself, not a
            // wrapper about a closed pending result.
            try (java.sql.PreparedStatement st = db.prepareStatement(sql)) {
                if (st.execute()) {
                    try (ResultSet rs = st.getResultSet()) {
                        table(rs, out);
                    }
                } else {
                    out.println("ok");
                }
            }
            return;
        }
        copy(db, sql, format, out);
    }

    private static void copy(Connection db, String sql, Format format, PrintWriter out) throws SQLException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("phasesweep-query", format == Format.CSV ? ".csv" : ".json");
            String options = format == Format.CSV ? "format csv, header true" : "format json, array true";
            try (Statement st = db.createStatement()) {
                st.execute("copy (" + stripTrailingSemicolon(sql) + ") to " + io.phasesweep.io.ParquetFiles.sqlLiteral(tmp.toString())
                        + " (" + options + ")");
            }
            out.print(Files.readString(tmp));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String stripTrailingSemicolon(String sql) {
        return sql.strip().replaceAll(";+$", "");
    }

    static void table(ResultSet rs, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        boolean[] numeric = new boolean[n];
        int[] width = new int[n];
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        for (int c = 0; c < n; c++) {
            header[c] = md.getColumnLabel(c + 1);
            numeric[c] = isNumeric(md.getColumnType(c + 1));
            width[c] = header[c].length();
        }
        while (rs.next()) {
            String[] row = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = rs.getObject(c + 1);
                row[c] = v == null ? "NULL" : v.toString();
                width[c] = Math.max(width[c], row[c].length());
            }
            rows.add(row);
        }
        line(header, width, numeric, out);
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        line(rule, width, numeric, out);
        for (String[] row : rows) {
            line(row, width, numeric, out);
        }
        out.printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
        out.flush();
    }

    private static void line(String[] cells, int[] width, boolean[] numeric, PrintWriter out) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            b.append(numeric[c] ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
        }
        out.println(b);
    }

    private static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                 Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }
}
