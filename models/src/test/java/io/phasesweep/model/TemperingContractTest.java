package io.phasesweep.model;

import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered parallel-tempering model supplies the two hooks the exchanges rely on, correctly. */
class TemperingContractTest {

    /** Units run before a hook is checked, so the configuration is not the initial one. */
    private static final int WARM_UP = 20;

    /** The example's parameters with the ladder value moved one step: T * 1.25, or an integer + 1. */
    static Params ladderNeighbour(ModelType type, Params p, int steps) {
        String axis = type.ladderAxis().orElseThrow();
        Map<String, Object> given = new HashMap<>(p.asMap());
        Object v = p.get(axis);
        for (int i = 0; i < steps; i++) {
            v = v instanceof Double d ? d * 1.25 : v instanceof Integer n ? n + 1 : (Object) ((Long) v + 1);
        }
        given.put(axis, v);
        return Params.resolve(type, given);
    }

    private static TemperedModel warmedUp(ModelType type, Params p, long seed) {
        TemperedModel m = (TemperedModel) type.create(p, ReplicaRunner.rng(seed), ReplicaRunner.rng(seed + 1));
        for (int i = 0; i < WARM_UP; i++) {
            m.advance();
        }
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyTemperingModel() {
        return ModelRegistry.all().stream().filter(ModelType::parallelTempering).flatMap(type -> Stream.of(
                DynamicTest.dynamicTest(type.name() + ": declares its ladder, the acceptance, and tempered models", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    assertTrue(type.ladderAxis().isPresent(), "tempering needs a ladder axis");
                    assertTrue(type.parameters().stream().anyMatch(s -> s.name().equals(type.ladderAxis().get())));
                    assertTrue(type.observables().contains(ParallelTempering.SWAP_RATE_OBSERVABLE));
                    assertInstanceOf(TemperedModel.class, type.create(p, ReplicaRunner.rng(1), ReplicaRunner.rng(2)));
                }),
                DynamicTest.dynamicTest(type.name() + ": log weight ratio to its own parameters is 0", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    double r = warmedUp(type, p, 2).logWeightRatio(p);
                    assertTrue(r == 0.0, "got " + r);
                }),
                DynamicTest.dynamicTest(type.name() + ": log weight ratio back is minus the ratio there", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    Params q = ladderNeighbour(type, p, 1);
                    TemperedModel m = warmedUp(type, p, 3);
                    double there = m.logWeightRatio(q);
                    m.moveTo(q);
                    assertEquals(-there, m.logWeightRatio(p), 1e-12 * Math.max(1.0, Math.abs(there)));
                }),
                DynamicTest.dynamicTest(type.name() + ": moving there and back restores measurements and dynamics", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    TemperedModel moved = warmedUp(type, p, 4);
                    TemperedModel stayed = warmedUp(type, p, 4);
                    moved.moveTo(ladderNeighbour(type, p, 1));
                    moved.moveTo(p);
                    CollectingRecorder a = new CollectingRecorder();
                    CollectingRecorder b = new CollectingRecorder();
                    for (int i = 0; i < 10; i++) {
                        moved.measure(a);
                        stayed.measure(b);
                        moved.advance();
                        stayed.advance();
                    }
                    assertEquals(b.entries, a.entries);
                }),
                DynamicTest.dynamicTest(type.name() + ": a ladder run records a finite acceptance in [0, 1] per member", () -> {
                    Params p = ModelContractTest.smallParams(type);
                    List<Params> ladder = List.of(p, ladderNeighbour(type, p, 1), ladderNeighbour(type, p, 2));
                    TaskResult run = ReplicaRunner.run(type, ladder, 9);
                    assertEquals(run, ReplicaRunner.run(type, ladder, 9));
                    for (TaskResult.Member m : run.members()) {
                        Estimate acceptance = m.scalars().get(ParallelTempering.SWAP_RATE);
                        assertTrue(acceptance.mean() >= 0 && acceptance.mean() <= 1, "acceptance " + acceptance);
                        m.scalars().forEach((name, e) -> assertTrue(Double.isFinite(e.mean()), name + " " + e));
                    }
                })));
    }
}
