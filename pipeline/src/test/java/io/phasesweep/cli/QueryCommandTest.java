package io.phasesweep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static io.phasesweep.cli.MainTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code phasesweep query} over outputs made here with DuckDB (the table layout without a Spark
 * run; SweepRunnerTest and MainTest query real ones): views, unions by column name, formats, errors.
 */
class QueryCommandTest {
    @TempDir
    Path dir;

    /** An output holding a manifest and a points table with the given axis columns. */
    private Path sweep(String name, String pointsSelect) throws Exception {
        Path out = dir.resolve(name);
        Files.createDirectories(out.resolve("points"));
        Files.writeString(out.resolve("manifest.json"), """
                {"format": "phasesweep-output", "name": "%s", "model": "ising2d", "model_version": "1",
                 "status": "complete", "config_hash": "%s", "grid_points": 2, "replicas_per_point": 4}
                """.formatted(name, "0".repeat(64)));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("copy (" + pointsSelect + ") to '" + out.resolve("points/part-0.parquet").toString().replace("'", "''")
                    + "' (format parquet)");
        }
        return out;
    }

    @Test
    void printsAnAlignedTableOfOneSweep() throws Exception {
        Path a = sweep("a", "select * from (values (16, 2.25, 'binder', 0.62), (32, 2.25, 'binder', 0.63))"
                + " t(L, T, observable, mean)");
        MainTest.Outcome o = execute("query", a.toString(), "select L, T, mean from points order by L");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of(" L     T  mean", "--  ----  ----", "16  2.25  0.62", "32  2.25  0.63", "(2 rows)"),
                o.out().lines().toList());
    }

    @Test
    void twoSweepsUnionByColumnNameWithTheirNames() throws Exception {
        Path a = sweep("a", "select * from (values (16, 2.25::double, 'binder', 0.62::double)) t(L, T, observable, mean)");
        // Another grid: an extra axis h, and the columns in another order.
        Path b = sweep("b", "select * from (values ('binder', 0.1::double, 0.5::double, 8, 2.5::double))"
                + " t(observable, h, mean, L, T)");
        MainTest.Outcome o = execute("query", a.toString(), b.toString(), "--csv",
                "select sweep, L, T, h, mean from points order by sweep");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("sweep,L,T,h,mean", "a,16,2.25,,0.62", "b,8,2.5,0.1,0.5"), o.out().lines().toList());
        MainTest.Outcome s = execute("query", a.toString(), b.toString(), "--json", "select sweep, model from sweeps");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("{\"sweep\":\"a\",\"model\":\"ising2d\"}") && s.out().contains("\"sweep\":\"b\""), s.out());
    }

    @Test
    void sweepsWithOneNameAreLabelledByTheirDirectories() throws Exception {
        Path a = sweep("x1", "select 1 as L, 'm' as observable, 0.5 as mean");
        Path b = sweep("x2", "select 2 as L, 'm' as observable, 0.7 as mean");
        Files.writeString(b.resolve("manifest.json"), Files.readString(b.resolve("manifest.json")).replace("x2", "x1"));
        MainTest.Outcome o = execute("query", a.toString(), b.toString(), "--csv", "select sweep from points order by L");
        assertEquals(List.of("sweep", a.toString(), b.toString()), o.out().lines().toList());
    }

    @Test
    void badSqlIsOneLineAndExitTwo() throws Exception {
        Path a = sweep("a", "select 1 as L, 'm' as observable, 0.5 as mean");
        MainTest.Outcome syntax = execute("query", a.toString(), "selec * from points");
        assertEquals(2, syntax.code());
        assertEquals(1, syntax.err().strip().lines().count(), syntax.err());
        assertTrue(syntax.err().contains("syntax error"), syntax.err());
        MainTest.Outcome missing = execute("query", a.toString(), "select * from fss");
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("fss does not exist") && missing.err().contains("views: points, sweeps"),
                missing.err());
    }

    @Test
    void refusesWhatIsNotASweepOrIsGivenTwice() throws Exception {
        assertEquals(2, execute("query", "select 1").code());
        MainTest.Outcome none = execute("query", dir.toString(), "select 1");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("not a phasesweep output"), none.err());
        Path a = sweep("a", "select 1 as L, 'm' as observable, 0.5 as mean");
        MainTest.Outcome twice = execute("query", a.toString(), a.resolve(".").toString(), "select 1");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("given twice"), twice.err());
        MainTest.Outcome both = execute("query", a.toString(), "--csv", "--json", "select 1");
        assertEquals(2, both.code());
    }

    @Test
    void aPathWithQuotesAndGlobCharactersIsReadLiterally() throws Exception {
        Path odd = sweep("it's [a] *sweep*", "select 3 as L, 'm' as observable, 0.25 as mean");
        MainTest.Outcome o = execute("query", odd.toString(), "--csv", "select L, mean from points");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("L,mean", "3,0.25"), o.out().lines().toList());
    }
}
