package io.phasesweep.model;

import java.util.Optional;

/**
 * Where {@link ReplicaRunner} keeps a task's checkpoints, and when: the caller's policy and
 * storage (a file under the sweep's output, say), so that models and the runner stay free of I/O.
 * The runner asks {@link #due()} after every unit of a {@link Model#checkpointable() checkpointable}
 * model and, when it is, saves the whole task state; when a task starts it asks {@link #load()}
 * and resumes from what it gets, if that was written by the same task.
 */
public interface Checkpointer {

    /** Never checkpoints, never resumes. */
    Checkpointer NONE = new Checkpointer() {
        @Override
        public boolean due() {
            return false;
        }

        @Override
        public void save(byte[] state) {
        }

        @Override
        public Optional<byte[]> load() {
            return Optional.empty();
        }
    };

    /** Whether to save now. Asked after every unit, so it must be cheap (a clock read). */
    boolean due();

    /** Keeps {@code state}, replacing the previous checkpoint. */
    void save(byte[] state);

    /** The last saved state, if any. */
    Optional<byte[]> load();

    /** The task resumed from the loaded state, {@code units} units into its schedule. */
    default void resumed(long units) {
    }

    /** The loaded state was not used (another task's, another format); the task starts over. */
    default void ignored(String reason) {
    }
}
