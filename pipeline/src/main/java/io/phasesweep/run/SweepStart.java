package io.phasesweep.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasesweep.config.ConfigError;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.Location;
import io.phasesweep.io.Manifest;
import io.phasesweep.io.OutputDir;
import io.phasesweep.io.OutputLock;
import io.phasesweep.run.ChunkedSimulation.Layout;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a sweep starts in its output directory: a new sweep (any earlier one moved aside, not yet
 * deleted) or the resumption of an interrupted one, whose task layout must be the one its committed
 * chunks were cut with.
 *
 * @param replacing an earlier sweep waits in {@code _replaced/} until the new one commits work
 */
record SweepStart(Layout layout, Manifest manifest, boolean replacing) {

    /** Resumes the interrupted sweep in the config's output directory, refusing anything else. */
    static SweepStart resume(SweepConfig config, Location dir, OutputLock lock) {
        JsonNode previous = OutputDir.checkResumable(dir, config.hash(), lock);
        Layout layout = new Layout(previous.path("spark").path("partitions").asInt(),
                previous.path("chunk_partitions").asInt());
        if (layout.partitions() < 1 || layout.chunkPartitions() < 1) {
            throw new ConfigError(dir + ": " + OutputDir.MANIFEST + " there lacks the task layout"
                    + " (spark.partitions, chunk_partitions); it cannot be resumed");
        }
        String version = config.plan().modelType().version();
        // Chunks of another kernel version would mix two models' bits in one table.
        if (previous.has(Manifest.MODEL_VERSION) && !version.equals(previous.path(Manifest.MODEL_VERSION).asText())) {
            throw new ConfigError(dir + ": --resume refused: the sweep there ran " + config.plan().model() + " version "
                    + previous.path(Manifest.MODEL_VERSION).asText() + ", this build has version " + version
                    + "; run it again with --overwrite");
        }
        return new SweepStart(layout, Manifest.resumed(dir, previous), false);
    }

    /**
     * Starts a new sweep: the output must be new or (with {@code overwrite}) an earlier sweep, which
     * is moved aside only once the new manifest is known to be writable.
     */
    static SweepStart fresh(SweepConfig config, Location dir, String master, int cores, boolean overwrite,
                            OutputLock lock) {
        OutputDir.checkNew(dir, overwrite, lock);
        int partitions = config.spark().partitions() > 0 ? config.spark().partitions()
                : SweepRunner.autoPartitions(config.plan().taskCount(), cores);
        Layout layout = new Layout(partitions, Math.max(1, Math.min(partitions, 2 * cores)));
        Manifest manifest = new Manifest(config, dir, master, layout.partitions())
                .note("chunk_partitions", layout.chunkPartitions());
        manifest.bytes(); // a manifest that cannot be written fails here, before anything moves
        try {
            // An earlier sweep waits aside until the new one has committed work: should the
            // new one fail before (a Spark setting that breaks the first job), it comes back.
            boolean replacing = OutputDir.moveAside(dir, RunLog.current().map(RunLog::file).map(Location::local)
                    .orElse(null));
            return new SweepStart(layout, manifest, replacing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the earlier sweep in " + dir + " aside", e);
        }
    }
}
