package io.phasesweep.run;

import io.phasesweep.io.HadoopSettings;
import io.phasesweep.io.Location;
import io.phasesweep.model.Checkpointer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The checkpoints of one chunk's tasks: {@code task-K.ckpt} in the chunk's checkpoint directory
 * ({@code _work/checkpoints/pass-N/chunk-XXXXX}), which the driver deletes once the chunk has
 * committed. A task saves when {@code interval} of its own run time has passed since it started or
 * last saved; a file is written beside its final name and renamed into place, so a kill mid-write
 * leaves the previous checkpoint, never half of one. Travels to executors as a path and a number.
 *
 * <p>An output on another file system (HDFS, an object store) keeps its checkpoints there, so that
 * a task retried on another host finds them: {@code hadoop} then carries the Hadoop settings the
 * executors need to reach it (null: a local directory). An object store takes each checkpoint in
 * one put instead of a rename.
 */
record CheckpointFiles(String dir, long intervalNanos, LongAccumulator resumed, HadoopSettings hadoop)
        implements Serializable {
    private static final Logger LOG = LogManager.getLogger("phasesweep");

    CheckpointFiles(String dir, long intervalNanos, LongAccumulator resumed) {
        this(dir, intervalNanos, resumed, null);
    }

    /** The checkpoints in {@code dir}, on whatever file system it is. */
    static CheckpointFiles at(Location dir, long intervalNanos, LongAccumulator resumed, HadoopSettings hadoop) {
        return dir.localPath().map(p -> new CheckpointFiles(p.toString(), intervalNanos, resumed))
                .orElseGet(() -> new CheckpointFiles(dir.uri(), intervalNanos, resumed, hadoop));
    }

    /**
     * The checkpoint files in the directory now. A partition reads this once as it starts: its
     * tasks' files can only be there from an earlier attempt, and a task whose file is not (every
     * task of a first run) then asks the file system nothing, where a failed read per task cost
     * tens of microseconds: as much as a tiny task's simulation.
     */
    Set<String> present() {
        Location directory = hadoop == null ? Location.local(Path.of(dir)) : Location.of(dir, hadoop.conf());
        try {
            Set<String> names = new HashSet<>();
            if (directory.exists()) {
                for (Location f : directory.list()) {
                    names.add(f.name());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + directory, e);
        }
    }

    /** The checkpointer of task {@code task}, timing its interval from now; it looks for its file when asked. */
    Checkpointer forTask(long task) {
        return forTask(task, null);
    }

    /**
     * The checkpointer of task {@code task}, timing its interval from now.
     *
     * @param present the files {@link #present} found as the partition started; null: look
     */
    Checkpointer forTask(long task, Set<String> present) {
        String name = "task-" + task + ".ckpt";
        Location file = hadoop == null ? Location.local(Path.of(dir, name)) : Location.of(dir, hadoop.conf()).resolve(name);
        return new Checkpointer() {
            private long last = CoarseClock.nanoTime();

            @Override
            public boolean due() {
                return CoarseClock.nanoTime() - last >= intervalNanos;
            }

            @Override
            public void save(byte[] state) {
                try {
                    file.parent().mkdirs();
                    file.writeAtomically(state, name + "." + UUID.randomUUID() + ".partial");
                } catch (IOException | UncheckedIOException e) {
                    // A checkpoint is insurance: the task itself goes on (and can still finish).
                    LOG.warn("cannot write checkpoint {}: {}", file, e.toString());
                }
                last = CoarseClock.nanoTime();
            }

            @Override
            public Optional<byte[]> load() {
                if (present != null && !present.contains(name)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(file.read());
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read checkpoint " + file, e);
                }
            }

            @Override
            public void resumed(long units) {
                LOG.info("task {} resumed from checkpoint {} after {} units", task, file, units);
                resumed.add(1);
            }

            @Override
            public void ignored(String reason) {
                LOG.warn("checkpoint {} ignored, the task starts over: {}", file, reason);
            }
        };
    }
}
