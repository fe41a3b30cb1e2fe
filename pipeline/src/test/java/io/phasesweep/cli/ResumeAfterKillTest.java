package io.phasesweep.cli;

import io.phasesweep.io.OutputLock;
import io.phasesweep.testing.ChildRun;
import io.phasesweep.testing.Configs;
import io.phasesweep.testing.SameTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Driver loss and a preemptible node, for real: a sweep runs in a child JVM and is killed with
 * SIGKILL after some of its chunks have committed and while the tasks of the last are running and
 * checkpointing; {@code run --resume} reruns only that chunk, each of its tasks from its last
 * checkpoint where it has one. The tables must equal those of an undisturbed run that never
 * checkpointed, with no duplicate rows.
 */
class ResumeAfterKillTest {
    @TempDir
    Path dir;

    /**
     * 12 tasks in 12 partitions, 3 chunks of 4 on local[2]: chunk k holds the tasks at x = k, and
     * only the last is held. It starts when one of the first two has finished, behind the other in
     * Spark's queue, so its held tasks never keep the other from its cores.
     */
    static final String SWEEP = """
            sweep {
              model = test-gated, seed = 11, replicas = 4
              grid { x = [0, 1, 2] }
              params { hold_from = 2 }
            }
            spark { partitions = 12 }
            checkpoint.interval = 200 ms
            """;

    @Test
    void resumeAfterKillGivesIdenticalTables() throws Exception {
        Path conf = Configs.write(dir, "sweep.conf", SWEEP);
        Path killed = dir.resolve("killed");
        // The last chunk's tasks are held at a gate that never opens: the kill comes mid-sweep for certain.
        Process child = ChildRun.start(conf, killed, dir.resolve("child.log"), dir.resolve("never-opened.gate"));
        // While the child starts: the undisturbed reference, in this JVM, never checkpointing.
        Path clean = dir.resolve("clean");
        MainTest.Outcome undisturbed = MainTest.execute("run", conf.toString(), "--out", clean.toString(),
                "--master", "local[2]", "--set", "checkpoint.interval=off", "--no-store");
        assertEquals(0, undisturbed.code(), undisturbed.err());
        assertTrue(ChildRun.awaitWhileAlive(child, () -> ChildRun.committedChunks(killed) == 2
                        && ChildRun.savedCheckpoints(killed, 2) >= 1, 120),
                "2 of 3 chunks committed, the last held and checkpointing: " + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(2, ChildRun.committedChunks(killed), "killed mid-sweep");
        long saved = ChildRun.savedCheckpoints(killed, 2);
        assertFalse(Files.exists(killed.resolve("replicas")), "no final table before the sweep is complete");
        assertTrue(Files.readString(killed.resolve("manifest.json")).contains("\"status\" : \"running\""));
        assertTrue(Files.exists(killed.resolve(OutputLock.FILE)), "SIGKILL leaves the lock behind");

        MainTest.Outcome status = MainTest.execute("validate", conf.toString(), "--out", killed.toString());
        assertTrue(status.out().contains("holds a sweep: interrupted"), "a dead writer's running sweep is interrupted: "
                + status.out());
        MainTest.Outcome again = MainTest.execute("run", conf.toString(), "--out", killed.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("sweep (interrupted); finish it with --resume"), again.err());

        MainTest.Outcome refused = MainTest.execute("run", conf.toString(), "--out", killed.toString(), "--resume",
                "--set", "sweep.seed=12");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("different config"), refused.err());

        MainTest.Outcome resumed = MainTest.execute("run", conf.toString(), "--out", killed.toString(), "--resume",
                "--master", "local[2]");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("chunks already done"), resumed.err());
        assertTrue(resumed.err().contains("tasks resumed from their checkpoints: " + saved), resumed.err());
        assertTrue(Files.readString(killed.resolve("manifest.json")).contains("\"resumed_from_checkpoint\" : " + saved));
        assertFalse(Files.exists(killed.resolve("_work")), "checkpoints are deleted with the work area");
        assertTrue(resumed.err().contains("broke the stale lock of process " + child.pid()), resumed.err());
        assertFalse(Files.exists(killed.resolve(OutputLock.FILE)), "released at the end");

        // One observable per replica: nothing duplicated.
        assertEquals(3 * 4, SameTables.assertSame(clean, killed, "after kill and resume"));
    }
}
