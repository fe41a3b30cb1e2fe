package io.phasesweep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import io.phasesweep.io.SweepTables;
import io.phasesweep.io.Tables;
import io.phasesweep.model.ReferenceValue;
import io.phasesweep.plot.Figure;
import io.phasesweep.plot.Labels;
import io.phasesweep.plot.SweepView;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the report page from values: the sweep's view and manifest, the figures with their PNG
 * bytes, and the table directories present. Every text goes through jsoup's text nodes (escaped),
 * every figure is a base64 data URI, every link is relative to {@code OUT/report/}.
 */
public final class ReportPage {
    /** Estimates shown in the table: the final ones and the other estimators' headline numbers. */
    private static final List<String> METHODS = List.of("final", "crossing_extrapolation", "collapse", "peak_height",
            "peak_position");
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.4; }
            h1 { margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.5em 0; } td, th { padding: 0.25em 0.8em; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
            figcaption { font-size: 0.95em; color: #444; } pre { background: #f6f6f6; padding: 1em; overflow-x: auto; }
            .note { color: #666; }
            """;

    private ReportPage() {
    }

    /** A figure with its rendered PNG. */
    public record RenderedFigure(Figure figure, byte[] png) {
    }

    /**
     * @param tables the table directories the output holds, with their Parquet files (relative to OUT)
     */
    public static String html(SweepView view, JsonNode manifest, List<RenderedFigure> figures,
                              Map<String, List<String>> tables) {
        Document doc = Document.createShell("");
        doc.title(view.name() + " (" + view.model().name() + ") — phasesweep report");
        doc.head().prependElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("style").appendText(STYLE);
        Element body = doc.body();
        body.appendElement("h1").text(view.name() + " — " + view.model().name());
        body.appendElement("p").text(view.model().description());

        summary(body.appendElement("section").attr("id", "summary"), manifest);
        List<FssRow> rows = fssRows(view);
        if (!rows.isEmpty()) {
            estimates(body.appendElement("section").attr("id", "fss"), view, rows);
        }
        Element figs = body.appendElement("section").attr("id", "figures");
        figs.appendElement("h2").text("Figures");
        if (figures.isEmpty()) {
            figs.appendElement("p").addClass("note").text("No figures: the tables have no rows to draw.");
        }
        for (RenderedFigure f : figures) {
            Element figure = figs.appendElement("figure").attr("id", f.figure().name());
            figure.appendElement("img").attr("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(f.png()))
                    .attr("alt", f.figure().title());
            Element caption = figure.appendElement("figcaption");
            caption.appendElement("b").text(f.figure().title());
            if (!f.figure().caption().isEmpty()) {
                caption.appendText(" " + f.figure().caption());
            }
        }
        links(body.appendElement("section").attr("id", "tables"), manifest, tables);
        config(body.appendElement("section").attr("id", "config"), manifest);
        return doc.outerHtml();
    }

    private static void summary(Element s, JsonNode m) {
        s.appendElement("h2").text("Sweep");
        Element t = s.appendElement("table");
        row(t, "status", m.path("status").asText());
        row(t, "model", m.path("model").asText() + " (model version " + m.path("model_version").asText() + ")");
        row(t, "phasesweep version", m.path("phasesweep_version").asText());
        row(t, "config", m.path("config_file").asText());
        row(t, "config hash (SHA-256)", m.path("config_hash").asText());
        row(t, "grid", m.path("grid_points").asText() + " points × " + m.path("replicas_per_point").asText() + " replicas");
        JsonNode axes = m.path("axes");
        for (Iterator<String> it = axes.fieldNames(); it.hasNext(); ) {
            String a = it.next();
            JsonNode v = axes.get(a);
            row(t, "axis " + a, v.size() + " values: " + (v.size() <= 12 ? join(v)
                    : v.get(0).asText() + ", " + v.get(1).asText() + ", …, " + v.get(v.size() - 1).asText()));
        }
        JsonNode tasks = m.path("tasks");
        row(t, "tasks", tasks.path("completed").asText() + " completed of " + tasks.path("total").asText() + ", "
                + tasks.path("failed").asText() + " failed");
        for (JsonNode f : tasks.path("failures")) {
            row(t, "failure", f.isTextual() ? f.asText() : f.toString());
        }
        row(t, "started", m.path("started").asText());
        row(t, "finished", m.path("finished").asText());
        JsonNode timings = m.path("timings");
        for (Iterator<Map.Entry<String, JsonNode>> it = timings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            row(t, "timing " + name.replaceAll("_s$", ""), name.endsWith("_s")
                    ? String.format(Locale.ROOT, "%.1f s", e.getValue().asDouble()) : e.getValue().asText());
        }
        row(t, "spark", m.path("spark").path("master").asText() + ", " + m.path("spark").path("partitions").asText() + " partitions");
        for (JsonNode w : m.path("warnings")) {
            row(t, "warning", w.path("warning").asText() + " (" + w.path("grid_points").asText() + " grid points)");
        }
    }

    /** The fss/ estimates of interest, each with the model's reference value where it declares one. */
    static List<FssRow> fssRows(SweepView view) {
        if (view.fss().isEmpty()) {
            return List.of();
        }
        String control = view.fss().get().control();
        Map<List<Object>, List<ReferenceValue>> references = new LinkedHashMap<>();
        List<Integer> groupIdx = view.fss().get().groupAxes().stream().map(view::axisIndex).toList();
        List<FssRow> rows = new ArrayList<>();
        for (String method : METHODS) {
            for (SweepTables.Estimate e : view.estimates()) {
                if (!e.method().equals(method)) {
                    continue;
                }
                List<ReferenceValue> refs = references.computeIfAbsent(e.group(), g -> view.points().stream()
                        .filter(p -> groupIdx.stream().map(i -> p.axes().get(i)).toList().equals(g)).findFirst()
                        .map(p -> view.model().referenceValues(view.params().apply(p.axes()))).orElse(List.of()));
                rows.add(new FssRow(e, refs.stream().filter(r -> r.appliesTo(e.quantity(), control)).findFirst()));
            }
        }
        return rows;
    }

    private static void estimates(Element s, SweepView view, List<FssRow> rows) {
        SweepView.FssView fss = view.fss().get();
        s.appendElement("h2").text("Finite-size scaling");
        s.appendElement("p").text("Estimates of fss/ with their bootstrap errors over replicas; the final row of each"
                + " quantity follows the fixed rule (collapse on the larger sizes, error combined with the shift from all"
                + " sizes). Reference values are those the model declares; |Δ|/σ is the distance in standard errors.");
        Element t = s.appendElement("table");
        Element head = t.appendElement("tr");
        List<String> columns = new ArrayList<>(fss.groupAxes());
        columns.addAll(List.of("quantity", "estimate", "method", "from", "sizes", "χ²/dof or S", "reference", "|Δ|/σ"));
        columns.forEach(c -> head.appendElement("th").text(c));
        for (FssRow r : rows) {
            SweepTables.Estimate e = r.estimate();
            Element tr = t.appendElement("tr");
            e.group().forEach(v -> tr.appendElement("td").text(Labels.value(v)));
            tr.appendElement("td").text(Labels.estimand(e.quantity(), fss.control()));
            tr.appendElement("td").addClass("num").text(Labels.estimate(e.estimate(), e.stderr()));
            tr.appendElement("td").text(e.method());
            tr.appendElement("td").text(e.observable());
            tr.appendElement("td").text(e.sizes());
            tr.appendElement("td").addClass("num").text(Double.isFinite(e.chi2Dof())
                    ? String.format(Locale.ROOT, "%.3g", e.chi2Dof()) : "");
            tr.appendElement("td").text(r.reference().map(ref -> Labels.value(ref.value()) + " [" + ref.source() + "]").orElse(""));
            double d = r.deviation();
            tr.appendElement("td").addClass("num").text(Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", Math.abs(d)) : "");
        }
        if (rows.stream().noneMatch(r -> r.reference().isPresent())) {
            s.appendElement("p").addClass("note").text("The model declares no reference values for these parameters.");
        }
    }

    private static void links(Element s, JsonNode m, Map<String, List<String>> tables) {
        s.appendElement("h2").text("Tables");
        s.appendElement("p").text("Parquet files next to this report (pandas, DuckDB and Spark read them as they are).");
        Element ul = s.appendElement("ul");
        for (Map.Entry<String, List<String>> e : tables.entrySet()) {
            Element li = ul.appendElement("li");
            li.appendElement("a").attr("href", "../" + e.getKey() + "/").text(e.getKey() + "/");
            JsonNode rows = m.path("rows").path(e.getKey());
            li.appendText(rows.isMissingNode() ? "" : " — " + rows.asText() + " rows");
            for (String file : e.getValue()) {
                li.appendText(" · ");
                li.appendElement("a").attr("href", "../" + file).text(file.substring(file.indexOf('/') + 1));
            }
        }
        Element li = ul.appendElement("li");
        li.appendElement("a").attr("href", "../manifest.json").text("manifest.json");
        li.appendText(" — the full record of the run");
    }

    private static void config(Element s, JsonNode m) {
        s.appendElement("h2").text("Config");
        s.appendElement("p").text("As resolved when the sweep ran (defaults filled in), from " + m.path("config_file").asText() + ".");
        String hocon = ConfigFactory.parseString(m.path("config").toString(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON))
                .root().render(ConfigRenderOptions.concise().setFormatted(true).setJson(false));
        s.appendElement("pre").text(hocon);
    }

    private static void row(Element table, String key, String value) {
        Element tr = table.appendElement("tr");
        tr.appendElement("th").text(key);
        tr.appendElement("td").text(value);
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return String.join(", ", out);
    }

    /** Tables the page links to: which of an output's table directories exist. */
    public static List<String> tableNames() {
        return List.of(Tables.POINTS, Tables.REPLICAS, Tables.TIMESERIES, Tables.REPLICA_SERIES, Tables.PHASES,
                Tables.HISTOGRAMS, Tables.EXPONENTS, Tables.BOUNDARIES, Tables.FSS);
    }

}
