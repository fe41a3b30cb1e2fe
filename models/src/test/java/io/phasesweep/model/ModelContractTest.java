package io.phasesweep.model;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered model keeps the contract the pipeline relies on. */
class ModelContractTest {

    /** Small, valid parameters for a model: required numeric parameters get a small admitted value. */
    static Params smallParams(ModelType type) {
        Map<String, Object> given = new HashMap<>();
        for (ParamSpec p : type.parameters()) {
            switch (p.name()) {
                case "L", "N" -> given.put(p.name(), 6);
                case "sweeps" -> given.put(p.name(), 200L);
                case "thermalization" -> given.put(p.name(), 20L);
                default -> {
                    if (p.required()) {
                        given.put(p.name(), p.type() == ParamType.INT ? (Object) 4 : (Object) 2.0);
                    }
                }
            }
        }
        // Models with alternative parameters (K or T) name the missing one: give it and retry.
        for (int attempt = 0; ; attempt++) {
            try {
                return Params.resolve(type, given);
            } catch (InvalidParameterException e) {
                if (attempt > type.parameters().size() || given.containsKey(e.parameter())) {
                    throw e;
                }
                given.put(e.parameter(), 0.3);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRegisteredModel() {
        return ModelRegistry.all().stream().flatMap(type -> Stream.of(
                DynamicTest.dynamicTest(type.name() + ": same seed gives the same bits", () -> {
                    Params p = smallParams(type);
                    assertEquals(ReplicaRunner.run(type, p, 7), ReplicaRunner.run(type, p, 7));
                }),
                DynamicTest.dynamicTest(type.name() + ": different seeds give different runs", () -> {
                    Params p = smallParams(type);
                    assertNotEquals(ReplicaRunner.run(type, p, 7), ReplicaRunner.run(type, p, 8));
                }),
                DynamicTest.dynamicTest(type.name() + ": measuring does not change the state", () -> {
                    Params p = smallParams(type);
                    Model once = type.create(p, ReplicaRunner.rng(5));
                    Model twice = type.create(p, ReplicaRunner.rng(5));
                    CollectingRecorder a = new CollectingRecorder();
                    CollectingRecorder b = new CollectingRecorder();
                    for (int i = 0; i < 10; i++) {
                        once.advance();
                        twice.advance();
                        twice.measure(new CollectingRecorder());
                        once.measure(a);
                        twice.measure(b);
                    }
                    assertEquals(a.entries, b.entries);
                }),
                DynamicTest.dynamicTest(type.name() + ": records exactly its declared observables", () -> {
                    Params p = smallParams(type);
                    Model m = type.create(p, ReplicaRunner.rng(1));
                    m.advance();
                    CollectingRecorder recorded = new CollectingRecorder();
                    m.measure(recorded);
                    List<String> scalars = type.observables().stream().filter(o -> !o.isSeries())
                            .map(ObservableSpec::name).toList();
                    assertEquals(scalars, recorded.names.stream().filter(scalars::contains).toList());
                    assertTrue(type.observables().stream().map(ObservableSpec::name).toList().containsAll(recorded.names));
                }),
                DynamicTest.dynamicTest(type.name() + ": derived quantities use declared observables", () -> {
                    List<String> names = type.observables().stream().map(ObservableSpec::name).toList();
                    for (DerivedQuantity d : type.derived()) {
                        assertTrue(names.containsAll(d.inputs()), d.name() + " inputs " + d.inputs());
                        assertTrue(!names.contains(d.name()), d.name() + " clashes with an observable");
                    }
                })));
    }
}
