package io.phasesweep.model;

import io.phasesweep.death.PureDeathProcessType;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Until-done schedules and once-per-replica observables, on the pure death process: with N
 * particles it is done after exactly N deaths (units), and "alive" after each is N-1, ..., 0.
 */
class ReplicaRunnerTest {
    private static final ModelType DEATH = new PureDeathProcessType();

    private static TaskResult.Member run(Map<String, Object> values) {
        return ReplicaRunner.run(DEATH, List.of(Params.resolve(DEATH, values)), 11).members().get(0);
    }

    @Test
    void discardedUnitsAreNotMeasuredAndTheRunStopsWhenDone() {
        Estimate alive = run(Map.of("N", 20, "thermalization", 5L)).scalars().get("alive");
        // Deaths 6..20 measured: 14, 13, ..., 0.
        assertEquals(15, alive.n());
        assertEquals(7.0, alive.mean());
    }

    @Test
    void doneDuringDiscardedUnitsGivesOneMeasurementOfTheDoneState() {
        // The toy throws if advanced at extinction: the runner must stop after death 20 of 100 discarded.
        TaskResult.Member r = run(Map.of("N", 20, "thermalization", 100L));
        assertEquals(new Estimate(0.0, Double.NaN, Double.NaN, 1), r.scalars().get("alive"));
        assertTrue(Double.isFinite(r.scalars().get("extinction_time").mean()));
    }

    @Test
    void doneFromTheStartIsMeasuredOnceWithoutAUnit() {
        TaskResult.Member r = run(Map.of("N", 0, "outputs", 3, "output_step", 1.0));
        assertEquals(new Estimate(0.0, Double.NaN, Double.NaN, 1), r.scalars().get("alive"));
        assertEquals(0.0, r.scalars().get("extinction_time").mean());
        // Absorbed at t = 0: every output time holds 0.
        assertEquals(List.of(new TaskResult.SeriesPoint("alive_t", 0.0, 0.0), new TaskResult.SeriesPoint("alive_t", 1.0, 0.0),
                new TaskResult.SeriesPoint("alive_t", 2.0, 0.0)), r.series());
    }

    @Test
    void capEndsTheRunBeforeDone() {
        TaskResult.Member r = run(Map.of("N", 20, "max_events", 5L));
        // 19, 18, 17, 16, 15 and no more.
        assertEquals(5, r.scalars().get("alive").n());
        assertEquals(17.0, r.scalars().get("alive").mean());
        assertTrue(Double.isNaN(r.scalars().get("extinction_time").mean()));
        // Only output times before the fifth death are known; none holds a later count.
        assertTrue(r.series().size() < 20);
        assertTrue(r.series().stream().allMatch(s -> s.value() >= 16), r.series().toString());
    }

    @Test
    void onceObservableHasTheValueWithoutWithinReplicaError() {
        Estimate t = run(Map.of("N", 20)).scalars().get("extinction_time");
        assertTrue(t.mean() > 0);
        assertTrue(Double.isNaN(t.stderr()));
        assertTrue(Double.isNaN(t.tauInt()));
        assertEquals(1, t.n());
    }

    @Test
    void secondValueOfAOnceObservableFailsTheTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(Map.of("fault", "once_twice")));
        assertEquals("test-pure-death recorded once-per-replica observable 'extinction_time' a second time", e.getMessage());
    }

    @Test
    void onceObservableNeverRecordedFailsTheTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(Map.of("fault", "once_never")));
        assertEquals("test-pure-death never recorded once-per-replica observable 'extinction_time'"
                + " (record it in Model.finish)", e.getMessage());
    }

    @Test
    void scalarRecordedInFinishFailsTheTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(Map.of("fault", "scalar_in_finish")));
        assertTrue(e.getMessage().startsWith("test-pure-death recorded scalar 'alive' in finish()"), e.getMessage());
    }

    @Test
    void registryFindsTheMainModelsBesideTheTestModel() {
        for (String name : List.of("ising2d", "ising3d", "kuramoto1d", "stuart_landau1d", "potts2d", "test-pure-death")) {
            assertTrue(ModelRegistry.find(name).isPresent(), name);
        }
    }
}
