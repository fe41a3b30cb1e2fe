package io.phasesweep.model;

import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checkpoints round-trip for every registered model (the test models included): a task killed
 * right after a checkpoint and rerun from it returns the same bits as a task never interrupted,
 * whether it was killed while equilibrating, at the switch to measuring, or while measuring.
 */
class CheckpointContractTest {
    private static final long SEED = 7;

    /** Thrown by {@link KillAfterSave} right after it saved: the task dies there. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed after a checkpoint", null, false, false);
        }
    }

    /** Counts the runner's due() questions; answers yes at question {@code killAt}, saves, and kills the task. */
    private static final class KillAfterSave implements Checkpointer {
        private final long killAt;
        long asked;
        byte[] saved;

        KillAfterSave(long killAt) {
            this.killAt = killAt;
        }

        @Override
        public boolean due() {
            return ++asked == killAt;
        }

        @Override
        public void save(byte[] state) {
            saved = state;
            throw new Killed();
        }

        @Override
        public Optional<byte[]> load() {
            return Optional.empty();
        }
    }

    /** Hands back one saved state and records what the runner did with it. */
    private static final class Resume implements Checkpointer {
        private final byte[] state;
        long resumedAt = -1;
        String ignored;

        Resume(byte[] state) {
            this.state = state;
        }

        @Override
        public boolean due() {
            return false;
        }

        @Override
        public void save(byte[] s) {
            throw new AssertionError("not due");
        }

        @Override
        public Optional<byte[]> load() {
            return Optional.of(state);
        }

        @Override
        public void resumed(long units) {
            resumedAt = units;
        }

        @Override
        public void ignored(String reason) {
            ignored = reason;
        }
    }

    /** Kills the task at checkpoint opportunity {@code killAt}, resumes it, and returns the resumed result. */
    private static TaskResult killAndResume(ModelType type, List<Params> members, long killAt) {
        KillAfterSave kill = new KillAfterSave(killAt);
        assertThrows(Killed.class, () -> ReplicaRunner.run(type, members, SEED, kill),
                "the run offered fewer than " + killAt + " checkpoints");
        Resume resume = new Resume(kill.saved);
        TaskResult resumed = ReplicaRunner.run(type, members, SEED, resume);
        assertEquals(null, resume.ignored);
        assertEquals(killAt, resume.resumedAt, "units run before the checkpoint");
        return resumed;
    }

    /** How many checkpoint opportunities (units after which due() is asked) a whole run offers. */
    private static long opportunities(ModelType type, List<Params> members) {
        KillAfterSave never = new KillAfterSave(0);
        ReplicaRunner.run(type, members, SEED, never);
        return never.asked;
    }

    /** Kill points: the first unit, mid-equilibration, the switch to measuring, mid-measurement, the last chance. */
    private static List<Long> killPoints(ModelType type, Params p, long opportunities) {
        long discard = type.schedule(p).discard();
        TreeSet<Long> points = new TreeSet<>(List.of(1L, discard / 2, discard, discard + 1,
                (discard + opportunities) / 2, opportunities));
        return points.stream().filter(k -> k >= 1 && k <= opportunities).toList();
    }

    private static void assertRoundTrips(ModelType type, List<Params> members) {
        TaskResult uninterrupted = ReplicaRunner.run(type, members, SEED);
        long opportunities = opportunities(type, members);
        assertTrue(opportunities >= 2, "the example runs too few units to test: " + opportunities);
        for (long k : killPoints(type, members.get(0), opportunities)) {
            assertEquals(uninterrupted, killAndResume(type, members, k), "killed after checkpoint " + k);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRegisteredModel() {
        return ModelRegistry.all().stream().flatMap(type -> Stream.of(
                DynamicTest.dynamicTest(type.name() + ": a task resumed from a checkpoint gives the same bits", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    assumeTrue(type.create(p, ReplicaRunner.rng(1), ReplicaRunner.rng(2)).checkpointable(), "not checkpointable");
                    assertRoundTrips(type, List.of(p));
                }),
                DynamicTest.dynamicTest(type.name() + ": restore into a fresh model continues with the same bits", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    RestorableUniformRandomProvider rngA = ReplicaRunner.rng(5);
                    Model a = type.create(p, rngA, ReplicaRunner.rng(6));
                    assumeTrue(a.checkpointable(), "not checkpointable");
                    long discard = type.schedule(p).discard();
                    for (long i = 0; i < discard / 2 && !a.done(); i++) {
                        a.advance();
                    }
                    a.startMeasuring();
                    for (int i = 0; i < 3 && !a.done(); i++) {
                        a.advance();
                    }
                    StateWriter saved = new StateWriter().bytes(ReplicaRunner.rngState(rngA));
                    a.checkpoint(saved);
                    byte[] state = saved.toByteArray();

                    RestorableUniformRandomProvider rngB = ReplicaRunner.rng(5);
                    Model b = type.create(p, rngB, ReplicaRunner.rng(6));
                    StateReader in = new StateReader(state);
                    ReplicaRunner.restoreRng(rngB, in);
                    b.restore(in);
                    assertTrue(in.atEnd(), "restore read less than checkpoint wrote");
                    StateWriter again = new StateWriter().bytes(ReplicaRunner.rngState(rngB));
                    b.checkpoint(again);
                    assertArrayEquals(state, again.toByteArray(), "checkpoint of the restored model");
                    CollectingRecorder fromA = new CollectingRecorder();
                    CollectingRecorder fromB = new CollectingRecorder();
                    for (int i = 0; i < 10 && !a.done(); i++) {
                        a.advance();
                        b.advance();
                        a.measure(fromA);
                        b.measure(fromB);
                    }
                    assertFalse(fromA.entries.isEmpty() && !a.done(), "nothing measured");
                    assertEquals(fromA.entries, fromB.entries);
                })));
    }

    /** The update variants a model's example does not pick: cluster counters, bit-sliced words, each integrator, T = 0 descent. */
    @TestFactory
    Stream<DynamicTest> everyAlgorithmVariant() {
        return Stream.of(
                variant("ising2d", "algorithm", "wolff"), variant("ising2d", "algorithm", "metropolis-multispin"),
                variant("ising3d", "algorithm", "metropolis"), variant("ising3d", "algorithm", "wolff"),
                variant("potts2d", "algorithm", "metropolis"), variant("potts2d", "algorithm", "wolff"),
                variant("kuramoto1d", "integrator", "euler"), variant("kuramoto1d", "integrator", "heun"),
                variant("kuramoto1d", "integrator", "rk4", "D", 0.0),
                variant("stuart_landau1d", "integrator", "euler"), variant("stuart_landau1d", "integrator", "heun"),
                variant("stuart_landau1d", "integrator", "rk4", "D", 0.0),
                // Phases that wind and pairs that slip between checkpoints.
                variant("stuart_landau1d", "start", "random", "K", 0.1, "sigma", 1.0, "c2", 3.0),
                variant("kuramoto2d", "integrator", "euler"), variant("kuramoto2d", "integrator", "rk4", "D", 0.0),
                // Zero temperature runs until a fixed point: checkpoints fall in the discarded sweeps.
                variant("hopfield", "start", "random", "T", 0.0),
                variant("hopfield", "start", "random", "p_body", 3, "alpha", 0.5, "N", 24),
                variant("hopfield", "start", "random", "p_body", 4, "alpha", 0.5, "N", 16, "T", 0.0),
                variant("sk", "couplings", "pm_j"));
    }

    private static DynamicTest variant(String model, String key, String value, Object... more) {
        return DynamicTest.dynamicTest(model + " " + key + "=" + value + ": resumed run gives the same bits", () -> {
            ModelType type = ModelRegistry.get(model);
            java.util.Map<String, Object> values = new java.util.HashMap<>(type.example());
            values.put(key, value);
            for (int i = 0; i < more.length; i += 2) {
                values.put((String) more[i], more[i + 1]);
            }
            assertRoundTrips(type, List.of(Params.resolve(type, values)));
        });
    }

    @Test
    void temperedLadderResumesWithExchangedConfigurations() {
        ModelType type = ParamagnetType.INSTANCE;
        List<Params> ladder = new ArrayList<>();
        for (double t : new double[]{0.8, 1.2, 1.8, 2.7}) {
            ladder.add(Params.resolve(type, java.util.Map.of("N", 6, "T", t, "h", 1.0, "sweeps", 300L,
                    "thermalization", 40L)));
        }
        assertRoundTrips(type, ladder);
    }

    /** A registered model's ladder: the SK pairs of replicas, each with its kept local fields, change places. */
    @Test
    void spinGlassLadderResumesWithExchangedConfigurations() {
        ModelType type = ModelRegistry.get("sk");
        List<Params> ladder = new ArrayList<>();
        for (double t : new double[]{0.5, 0.65, 0.85, 1.1}) {
            ladder.add(Params.resolve(type, java.util.Map.of("N", 16, "T", t, "sweeps", 200L, "thermalization", 40L)));
        }
        assertRoundTrips(type, ladder);
    }

    /** A model that does not opt in: the runner never asks when to save, never loads. */
    @Test
    void modelsThatAreNotCheckpointableAreNeverCheckpointed() {
        ModelType plain = new ModelType() {
            @Override
            public String name() {
                return "test-plain";
            }

            @Override
            public String description() {
                return "a counter without checkpoints";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of(ParamSpec.count("sweeps", 50L, 1, "measured"), ParamSpec.count("thermalization", 5L, 0, "discarded"));
            }

            @Override
            public List<ObservableSpec> observables() {
                return List.of(ObservableSpec.of("units", "units so far"));
            }

            @Override
            public java.util.Map<String, Object> example() {
                return java.util.Map.of();
            }

            @Override
            public Model create(Params p, org.apache.commons.rng.UniformRandomProvider rng) {
                return new Model() {
                    long units;

                    @Override
                    public void advance() {
                        units++;
                    }

                    @Override
                    public void measure(Recorder out) {
                        out.record("units", units);
                    }
                };
            }

            @Override
            public long memoryBytes(Params p) {
                return 8;
            }
        };
        Checkpointer refuses = new Checkpointer() {
            @Override
            public boolean due() {
                throw new AssertionError("asked when to save a model that cannot be saved");
            }

            @Override
            public void save(byte[] state) {
                throw new AssertionError("saved");
            }

            @Override
            public Optional<byte[]> load() {
                throw new AssertionError("loaded");
            }
        };
        List<Params> p = List.of(Params.resolve(plain, java.util.Map.of()));
        assertEquals(ReplicaRunner.run(plain, p, SEED), ReplicaRunner.run(plain, p, SEED, refuses));
    }

    @Test
    void checkpointOfAnotherTaskIsIgnored() {
        ModelType type = ParamagnetType.INSTANCE;
        Params p = ModelContractTest.smallParams(type);
        KillAfterSave kill = new KillAfterSave(5);
        assertThrows(Killed.class, () -> ReplicaRunner.run(type, List.of(p), SEED, kill));
        Resume otherSeed = new Resume(kill.saved);
        assertEquals(ReplicaRunner.run(type, List.of(p), SEED + 1),
                ReplicaRunner.run(type, List.of(p), SEED + 1, otherSeed));
        assertEquals("checkpoint of another task (parameters or seed differ)", otherSeed.ignored);
        assertEquals(-1, otherSeed.resumedAt);

        Resume garbage = new Resume(new byte[]{1, 2, 3});
        assertEquals(ReplicaRunner.run(type, List.of(p), SEED), ReplicaRunner.run(type, List.of(p), SEED, garbage));
        assertTrue(garbage.ignored.startsWith("not a checkpoint"), garbage.ignored);
    }
}
