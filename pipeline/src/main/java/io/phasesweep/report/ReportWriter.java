package io.phasesweep.report;

import io.phasesweep.io.OutputDir;
import io.phasesweep.plot.FigurePlan;
import io.phasesweep.plot.FigureRenderer;
import io.phasesweep.plot.SweepLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code OUT/report/index.html} for the finished sweep in {@code OUT}: loads it, draws its
 * figures, builds the page, and moves it into place in one step (a reader never sees half a page).
 * The caller holds the output's lock.
 */
public final class ReportWriter {
    public static final String INDEX = "index.html";

    private ReportWriter() {
    }

    /** @return the page written */
    public static Path write(Path dir) {
        SweepLoader.Loaded loaded = SweepLoader.load(dir);
        List<ReportPage.RenderedFigure> figures = new ArrayList<>();
        FigurePlan.plan(loaded.view()).forEach(f ->
                figures.add(new ReportPage.RenderedFigure(f, FigureRenderer.render(f, FigureRenderer.Format.PNG))));
        String html = ReportPage.html(loaded.view(), loaded.manifest(), figures, tables(dir));
        Path staged = dir.resolve(OutputDir.WORK).resolve(OutputDir.REPORT);
        Path target = dir.resolve(OutputDir.REPORT);
        try {
            OutputDir.deleteTree(staged);
            Files.createDirectories(staged);
            Files.writeString(staged.resolve(INDEX), html, StandardCharsets.UTF_8);
            OutputDir.deleteTree(target);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            OutputDir.deleteIfEmpty(dir.resolve(OutputDir.WORK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target.resolve(INDEX);
    }

    /** Each table directory the output holds, with its Parquet files (paths relative to OUT). */
    private static Map<String, List<String>> tables(Path dir) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : ReportPage.tableNames()) {
            Path table = dir.resolve(t);
            if (Files.isDirectory(table)) {
                try (Stream<Path> s = Files.list(table)) {
                    out.put(t, s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).sorted()
                            .map(n -> t + "/" + n).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + table, e);
                }
            }
        }
        return out;
    }
}
