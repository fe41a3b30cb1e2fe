package io.phasesweep.model;

import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quenched disorder from its own seed, on independent spins in random fields: the fields depend
 * on the disorder seed alone, the thermal history on the task seed, and each sample's magnetisation
 * has an exact average, mean_i tanh(h_i / T).
 */
class QuenchedDisorderTest {
    private static final ModelType FIELDS = RandomFieldParamagnetType.INSTANCE;
    private static final ModelType TEMPERED = RandomFieldParamagnetType.TEMPERED;
    /** Agreement within this many standard errors; seeds are fixed, so the check is deterministic. */
    private static final double K_SIGMA = 4;

    private static Params params(ModelType type, double t) {
        return Params.resolve(type, Map.of("N", 32, "T", t, "sweeps", 4000L, "thermalization", 10L));
    }

    private static Map<String, Estimate> run(double t, long seed, long disorderSeed) {
        return ReplicaRunner.run(FIELDS, List.of(params(FIELDS, t)), seed, disorderSeed).members().get(0).scalars();
    }

    @Test
    void oneDisorderSeedGivesTheSameFieldsAtEveryTemperature() {
        Map<String, Estimate> cold = run(0.5, 1, 11);
        Map<String, Estimate> hot = run(2.0, 2, 11);
        assertEquals(cold.get("mean_field"), hot.get("mean_field"));
        assertNotEquals(cold.get("magnetization"), hot.get("magnetization"));
    }

    @Test
    void anotherDisorderSeedGivesOtherFieldsAndTheThermalSeedDoesNotChangeThem() {
        Map<String, Estimate> a = run(1.0, 1, 11);
        assertNotEquals(a.get("mean_field"), run(1.0, 1, 12).get("mean_field"), "other replica, other sample");
        Map<String, Estimate> otherHistory = run(1.0, 3, 11);
        assertEquals(a.get("mean_field"), otherHistory.get("mean_field"));
        assertNotEquals(a.get("magnetization"), otherHistory.get("magnetization"));
    }

    @Test
    void magnetisationOfOneSampleMatchesItsExactAverage() {
        for (double t : new double[]{0.5, 2.0}) {
            Map<String, Estimate> r = run(t, 5, 21);
            Estimate m = r.get("magnetization");
            double exact = r.get("exact_magnetization").mean();
            assertTrue(Math.abs(m.mean() - exact) < K_SIGMA * m.stderr(),
                    "T = " + t + ": " + m + " vs exact " + exact);
        }
    }

    /** Tempering swaps configurations between temperatures: it is only sound if every member holds the same fields. */
    @Test
    void everyMemberOfATemperedLadderHoldsTheSameDisorder() {
        List<Params> ladder = List.of(params(TEMPERED, 0.5), params(TEMPERED, 1.0), params(TEMPERED, 2.0));
        TaskResult r = ReplicaRunner.run(TEMPERED, ladder, 7, 31);
        Estimate field = r.members().get(0).scalars().get("mean_field");
        assertEquals(field, run(1.0, 99, 31).get("mean_field"), "the sample an untempered task with that seed sees");
        for (TaskResult.Member member : r.members()) {
            assertEquals(field, member.scalars().get("mean_field"));
            Estimate m = member.scalars().get("magnetization");
            double exact = member.scalars().get("exact_magnetization").mean();
            assertTrue(Math.abs(m.mean() - exact) < K_SIGMA * m.stderr(), m + " vs exact " + exact);
        }
        assertTrue(r.members().get(1).scalars().get(ParallelTempering.SWAP_RATE).mean() > 0, "members exchange");
    }
}
