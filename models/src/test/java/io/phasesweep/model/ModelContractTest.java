package io.phasesweep.model;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered model keeps the contract the pipeline relies on. */
class ModelContractTest {

    /** The model's own small example: valid, quick, and random enough for the seed to matter. */
    static Params smallParams(ModelType type) {
        return Params.resolve(type, type.example());
    }

    /** Observables that {@link ReplicaRunner} records itself, not the model. */
    static boolean recordedByFramework(ModelType type, String observable) {
        return type.parallelTempering() && observable.equals(ParallelTempering.SWAP_RATE);
    }

    @Test
    void registryHoldsTheModelsOfEveryServicesFile() {
        // The test classpath has two services files (main and test): ServiceLoader reads both.
        assertTrue(ModelRegistry.find("ising2d").isPresent(), "a model registered in main");
        assertTrue(ModelRegistry.find(ParamagnetType.INSTANCE.name()).isPresent(), "a model registered in test");
    }

    /** Everything the model records in one run of its example, driven as a task drives it (finish included). */
    private static CollectingRecorder drive(ModelType type, Params p) {
        CollectingRecorder recorded = new CollectingRecorder();
        ReplicaRunner.drive(type, type.create(p, ReplicaRunner.rng(1), ReplicaRunner.rng(2)), type.schedule(p), recorded);
        return recorded;
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
                DynamicTest.dynamicTest(type.name() + ": derived series read a series and scale time by a derived quantity", () -> {
                    for (DerivedSeries d : type.derivedSeries()) {
                        assertTrue(type.observables().stream().anyMatch(o -> o.name().equals(d.source()) && o.isSeries()),
                                d.name() + ": source " + d.source() + " is no series observable");
                        d.timeScale().ifPresent(s -> {
                            for (String q : List.of(s.quantity(), s.validFrom())) {
                                assertTrue(type.derived().stream().anyMatch(x -> x.name().equals(q)),
                                        d.name() + ": " + q + " is no derived quantity");
                            }
                        });
                    }
                }),
                DynamicTest.dynamicTest(type.name() + ": declares a version", () ->
                        assertFalse(type.version() == null || type.version().isBlank(), "version() is blank")),
                DynamicTest.dynamicTest(type.name() + ": disorder depends on declared parameters, not the ladder", () -> {
                    List<String> names = type.parameters().stream().map(ParamSpec::name).toList();
                    List<String> disorder = type.disorderParameters();
                    assertTrue(names.containsAll(disorder), "undeclared disorder parameters in " + disorder);
                    assertEquals(disorder.size(), disorder.stream().distinct().count(), "repeated: " + disorder);
                    // Ladder members share the task's disorder; disorder varying along the ladder cannot be.
                    type.ladderAxis().ifPresent(l -> assertFalse(disorder.contains(l), "ladder axis " + l));
                }),
                DynamicTest.dynamicTest(type.name() + ": draws disorder from the disorder seed exactly when it declares it", () -> {
                    List<Params> p = List.of(smallParams(type));
                    TaskResult sample = ReplicaRunner.run(type, p, 7, 1);
                    assertEquals(sample, ReplicaRunner.run(type, p, 7, 1));
                    if (type.disorderParameters().isEmpty()) {
                        assertEquals(sample, ReplicaRunner.run(type, p, 7, 2), "the disorder seed changed a run without disorder");
                        assertEquals(sample, ReplicaRunner.run(type, p, 7), "the disorder seed changed a run without disorder");
                    } else {
                        assertNotEquals(sample, ReplicaRunner.run(type, p, 7, 2), "disorder seed ignored");
                    }
                }),
                DynamicTest.dynamicTest(type.name() + ": measuring does not change the state", () -> {
                    Params p = smallParams(type);
                    Model once = type.create(p, ReplicaRunner.rng(5), ReplicaRunner.rng(6));
                    Model twice = type.create(p, ReplicaRunner.rng(5), ReplicaRunner.rng(6));
                    CollectingRecorder a = new CollectingRecorder();
                    CollectingRecorder b = new CollectingRecorder();
                    for (int i = 0; i < 10 && !once.done(); i++) {
                        once.advance();
                        twice.advance();
                        twice.measure(new CollectingRecorder());
                        once.measure(a);
                        twice.measure(b);
                    }
                    assertEquals(a.entries, b.entries);
                }),
                DynamicTest.dynamicTest(type.name() + ": records only declared observables, each of them", () -> {
                    Params p = smallParams(type);
                    CollectingRecorder recorded = drive(type, p);
                    List<String> declared = type.observables().stream().map(ObservableSpec::name)
                            .filter(name -> !recordedByFramework(type, name)).toList();
                    assertTrue(declared.containsAll(recorded.names), "undeclared: " + recorded.names);
                    assertTrue(recorded.names.containsAll(declared), "never recorded: " + declared);
                }),
                DynamicTest.dynamicTest(type.name() + ": records each once observable exactly once", () -> {
                    CollectingRecorder recorded = drive(type, smallParams(type));
                    for (ObservableSpec o : type.observables()) {
                        if (o.isOnce()) {
                            assertEquals(1, recorded.names.stream().filter(o.name()::equals).count(), o.name());
                        }
                    }
                }),
                DynamicTest.dynamicTest(type.name() + ": histograms declare bins and get no NaN", () -> {
                    CollectingRecorder recorded = drive(type, smallParams(type));
                    for (ObservableSpec o : type.observables()) {
                        if (o.isHistogram()) {
                            assertTrue(o.bins() != null && o.bins().count() >= 1, o.name());
                            assertTrue(!recorded.entries.contains(o.name() + "=NaN"), o.name() + " got NaN");
                        }
                    }
                }),
                DynamicTest.dynamicTest(type.name() + ": derived quantities use declared observables", () -> {
                    List<String> names = type.observables().stream().map(ObservableSpec::name).toList();
                    for (DerivedQuantity d : type.derived()) {
                        assertTrue(names.containsAll(d.inputs()), d.name() + " inputs " + d.inputs());
                        assertTrue(!names.contains(d.name()), d.name() + " clashes with an observable");
                    }
                }),
                DynamicTest.dynamicTest(type.name() + ": size exponents scale with an integer parameter", () -> {
                    for (SizeExponent e : type.sizeExponents()) {
                        ParamSpec size = type.parameters().stream().filter(ps -> ps.name().equals(e.sizeParameter()))
                                .findFirst().orElseThrow(() -> new AssertionError(e + ": no such parameter"));
                        assertEquals(ParamType.INT, size.type(), e + ": the size must be an integer parameter");
                    }
                    assertTrue(type.sizeExponents().stream().map(SizeExponent::sizeParameter).distinct().count() <= 1,
                            "one size parameter per model (the exponents table drops its column)");
                })));
    }
}
