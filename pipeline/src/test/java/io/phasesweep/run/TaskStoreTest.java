package io.phasesweep.run;

import io.phasesweep.config.ConfigError;
import io.phasesweep.store.StoreMaintenance;
import io.phasesweep.store.TaskStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental sweeps through the task store: an extended sweep computes only its new tasks and
 * gives the tables of a clean run, bit for bit; a changed parameter recomputes exactly the tasks
 * it enters; failed tasks are never stored.
 */
class TaskStoreTest {
    @TempDir
    static Path dir;
    static ModelSweeps sweeps;

    static final String ISING = """
            sweep {
              model = ising2d, seed = 11, replicas = 2
              grid { L = [4, 6], T = [1.8, 2.4] }
              params { algorithm = wolff, sweeps = 300, thermalization = 30 }
            }
            """;
    static final String EXTENDED = "sweep.replicas = 3";
    static final String MORE_T = "sweep.grid.T = [1.8, 2.1, 2.4, 3.2]";

    @BeforeAll
    static void start() {
        sweeps = new ModelSweeps(dir, ISING);
    }

    @AfterAll
    static void stop() {
        sweeps.close();
    }

    @Test
    void anExtendedSweepComputesOnlyItsNewTasksAndMatchesACleanRunBitForBit() throws Exception {
        Optional<TaskStore> store = Optional.of(TaskStore.open(dir.resolve("store-extend")));
        sweeps.run("base", store, ISING);
        assertEquals(0, sweeps.manifest("base").path("tasks").path("reused").asLong());
        assertEquals(8, sweeps.manifest("base").path("tasks").path("computed").asLong());

        sweeps.run("extended", store, ISING, EXTENDED, MORE_T);
        // 2 sizes x 4 temperatures x 3 replicas, of which the base run had 2 x 2 x 2.
        assertEquals(8, sweeps.manifest("extended").path("tasks").path("reused").asLong());
        assertEquals(16, sweeps.manifest("extended").path("tasks").path("computed").asLong());

        sweeps.run("clean", ISING, EXTENDED, MORE_T);
        sweeps.assertSameTables("clean", "extended", List.of("replicas", "points"));

        // Everything is in the store now: the same sweep again computes nothing.
        sweeps.run("again", store, ISING, EXTENDED, MORE_T);
        assertEquals(24, sweeps.manifest("again").path("tasks").path("reused").asLong());
        sweeps.assertSameTables("clean", "again", List.of("replicas", "points"));

        // gc keeping what the base sweep used: its 8 tasks stay, the extension's 16 go.
        assertEquals(24, StoreMaintenance.stats(store.get()).models().get(0).tasks());
        assertEquals(8, StoreMaintenance.gc(store.get(), List.of(dir.resolve("base"))));
        StoreMaintenance.Stats after = StoreMaintenance.stats(store.get());
        assertEquals(1, after.segments());
        assertEquals(8, after.models().get(0).tasks());
        sweeps.run("after-gc", store, ISING, EXTENDED, MORE_T);
        assertEquals(8, sweeps.manifest("after-gc").path("tasks").path("reused").asLong());
        sweeps.assertSameTables("clean", "after-gc", List.of("replicas", "points"));
    }

    @Test
    void aChangedParameterRecomputesExactlyTheTasksItEnters() {
        Optional<TaskStore> store = Optional.of(TaskStore.open(dir.resolve("store-change")));
        sweeps.run("before", store, ISING);
        // The sweeps count enters every task; the seed does too.
        sweeps.run("longer", store, ISING, "sweep.params.sweeps = 301");
        assertEquals(0, sweeps.manifest("longer").path("tasks").path("reused").asLong());
        // A new size: only its tasks are new.
        sweeps.run("bigger", store, ISING, "sweep.grid.L = [4, 6, 8]");
        assertEquals(8, sweeps.manifest("bigger").path("tasks").path("reused").asLong());
        assertEquals(4, sweeps.manifest("bigger").path("tasks").path("computed").asLong());
    }

    @Test
    void failedTasksAreNotStoredAndSeriesComeBackWhole() {
        Optional<TaskStore> store = Optional.of(TaskStore.open(dir.resolve("store-walk")));
        String walk = """
                sweep {
                  model = test-random-walk, seed = 3, replicas = 3
                  grid { sigma = [0.5, 1.0], fault = [none, throw] }
                  params { steps = 32 }
                }
                """;
        sweeps.run("walk", store, walk);
        sweeps.run("walk-again", store, walk);
        // Only the 2 x 3 tasks without the fault were stored; the throwing ones ran (and failed) again.
        assertEquals(6, sweeps.manifest("walk-again").path("tasks").path("reused").asLong());
        assertEquals(6, sweeps.manifest("walk-again").path("tasks").path("failed").asLong());
        sweeps.assertSameTables("walk", "walk-again", List.of("replicas", "points", "timeseries", "replica_series"));
    }

    @Test
    void aDirectoryThatIsNotAStoreIsRefused() throws Exception {
        Path foreign = dir.resolve("thesis");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("chapter1.tex"), "x");
        ConfigError e = assertThrows(ConfigError.class, () -> TaskStore.open(foreign));
        assertTrue(e.getMessage().contains("not a phasesweep task store"), e.getMessage());
    }
}
