package io.phasesweep.cli;

import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models with their parameters and observables.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ModelType m : ModelRegistry.all()) {
            out.printf("%s (version %s) — %s%n  parameters:%n", m.name(), m.version(), m.description());
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"name", "type", "default", "admits", "meaning"});
            for (ParamSpec p : m.parameters()) {
                rows.add(new String[]{p.name(), p.type().label(), p.required() ? "(required)"
                        : p.optional() ? "(optional)" : String.valueOf(p.defaultValue()), p.admits(), p.meaning()});
            }
            table(out, rows);
            if (!m.disorderParameters().isEmpty()) {
                out.printf("  quenched disorder depends on: %s (replica r sees the same sample at every value of the others)%n",
                        String.join(", ", m.disorderParameters()));
            }
            out.printf("  observables (points and replicas tables):%n");
            table(out, m.observables().stream().map(o -> new String[]{o.name(),
                    o.isHistogram() ? o.meaning() + " (histograms table: " + o.bins() + ")" : o.meaning()}).toList());
            if (!m.derived().isEmpty()) {
                out.printf("  derived (points table, jackknife over replicas):%n");
                table(out, m.derived().stream().map(d -> new String[]{d.name(), d.meaning()}).toList());
            }
            if (!m.derivedSeries().isEmpty()) {
                out.printf("  derived series (timeseries table, jackknife over replicas):%n");
                table(out, m.derivedSeries().stream().map(d -> new String[]{d.name(), d.meaning() + " of " + d.source()
                        + d.timeScale().map(s -> "; read against t / " + s.quantity() + " from t = " + s.validFrom()).orElse("")}).toList());
            }
            if (!m.sizeExponents().isEmpty()) {
                out.printf("  size exponents (exponents table, when the size parameter is an axis):%n");
                table(out, m.sizeExponents().stream().map(e -> new String[]{e.name(),
                        e.description() + " from " + e.quantity() + " across " + e.sizeParameter()}).toList());
            }
            out.printf("  example: %s%n%n", new java.util.TreeMap<>(m.example()));
        }
        return Main.OK;
    }

    /** Rows in columns as wide as their widest cell; the last column (the meaning) unpadded. */
    private static void table(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("    ");
            for (int c = 0; c < columns - 1; c++) {
                line.append(r[c]).append(" ".repeat(width[c] - r[c].length() + 2));
            }
            out.println(line.append(r[columns - 1]));
        }
    }
}
