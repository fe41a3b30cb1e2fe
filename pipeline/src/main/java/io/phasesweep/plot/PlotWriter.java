package io.phasesweep.plot;

import io.phasesweep.io.OutputDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep's figures to {@code OUT/plots/}: drawn into the work area first and moved into
 * place in one step, so {@code plots/} holds the figures of one call, never half of them beside an
 * older set.
 */
public final class PlotWriter {
    private PlotWriter() {
    }

    /** @return the files written, in figure order */
    public static List<Path> write(Path dir, List<Figure> figures, FigureRenderer.Format format) {
        Path staged = dir.resolve(OutputDir.WORK).resolve(OutputDir.PLOTS);
        Path target = dir.resolve(OutputDir.PLOTS);
        List<Path> written = new ArrayList<>();
        try {
            OutputDir.deleteTree(staged);
            Files.createDirectories(staged);
            for (Figure f : figures) {
                String file = f.name() + "." + format.extension();
                Files.write(staged.resolve(file), FigureRenderer.render(f, format));
                written.add(target.resolve(file));
            }
            OutputDir.deleteTree(target);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            OutputDir.deleteIfEmpty(dir.resolve(OutputDir.WORK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return written;
    }
}
