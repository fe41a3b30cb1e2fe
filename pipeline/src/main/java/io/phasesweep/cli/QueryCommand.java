package io.phasesweep.cli;

import io.phasesweep.config.ConfigError;
import io.phasesweep.query.QueryPrinter;
import io.phasesweep.query.SweepCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"SQL over the tables of one or several sweeps (embedded DuckDB, no Spark)."
                + " Each table is a view (points, replicas, fss, phases, timeseries, ...) with a leading sweep column;"
                + " several outputs union by column name. The view sweeps lists the outputs.",
                "Example: phasesweep query out/ising2d-quick \"select L, T, mean from points where observable = 'binder'"
                        + " order by L, T\""})
final class QueryCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "OUT... SQL", description = "output directories, then one SQL statement")
    List<String> args;

    @Option(names = "--csv", description = "print CSV (with a header) instead of an aligned table")
    boolean csv;

    @Option(names = "--json", description = "print a JSON array of objects instead of an aligned table")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        if (csv && json) {
            throw new ConfigError("query: --csv and --json exclude each other");
        }
        if (args.size() < 2) {
            throw new ConfigError("query: give one or more output directories, then the SQL (got " + args.size()
                    + " argument)");
        }
        List<Path> dirs = args.subList(0, args.size() - 1).stream().map(Path::of).toList();
        String sql = args.get(args.size() - 1);
        SweepCatalog catalog = SweepCatalog.of(dirs);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = db.createStatement()) {
                // A query is about these files: never fetch an extension from the network on the way.
                st.execute("set autoinstall_known_extensions = false");
            }
            List<String> views = catalog.createViews(db);
            try {
                QueryPrinter.print(db, sql, csv ? QueryPrinter.Format.CSV : json ? QueryPrinter.Format.JSON
                        : QueryPrinter.Format.TABLE, spec.commandLine().getOut());
            } catch (SQLException e) {
                throw new ConfigError("query: " + summary(e.getMessage()) + " (views: " + String.join(", ", views)
                        + ", sweeps)");
            }
        }
        return Main.OK;
    }

    /**
     * DuckDB's message on one line: the error and its suggestion ("Did you mean ..."), without the
     * echo of the statement and its caret that follow the first blank or {@code LINE} line.
     */
    static String summary(String message) {
        StringBuilder b = new StringBuilder();
        for (String line : (message == null ? "failed" : message).strip().split("\\R")) {
            if (line.isBlank() || line.startsWith("LINE ")) {
                break;
            }
            b.append(b.isEmpty() ? "" : " ").append(line.strip());
        }
        return b.toString();
    }
}
