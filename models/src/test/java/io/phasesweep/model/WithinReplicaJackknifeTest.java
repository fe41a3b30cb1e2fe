package io.phasesweep.model;

import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A derived quantity of one replica gets its error from a jackknife over the replica's own blocks:
 * that error must be the spread the quantity shows between independent replicas.
 */
class WithinReplicaJackknifeTest {

    @Test
    void binderErrorOfOneReplicaMatchesTheSpreadBetweenReplicas() {
        ModelType ising = ModelRegistry.get("ising2d");
        // Near T_c, where the Binder cumulant is what an FSS study measures and correlations are long.
        Params p = Params.resolve(ising, Map.of("L", 8, "T", 2.4, "algorithm", "wolff",
                "sweeps", 4000L, "thermalization", 500L));
        int replicas = 64;
        double[] binder = new double[replicas];
        double meanError = 0;
        for (int r = 0; r < replicas; r++) {
            TaskResult.Member m = ReplicaRunner.run(ising, List.of(p), 1000 + r).members().get(0);
            Estimate b = m.derived().get("binder");
            double m2 = m.scalars().get("m2").mean();
            double m4 = m.scalars().get("m4").mean();
            assertEquals(1 - m4 / (3 * m2 * m2), b.mean(), 1e-15, "the formula on this replica's means");
            assertTrue(b.stderr() > 0, "finite error for one replica");
            binder[r] = b.mean();
            meanError += b.stderr() / replicas;
        }
        double mean = java.util.Arrays.stream(binder).average().orElseThrow();
        double var = java.util.Arrays.stream(binder).map(x -> (x - mean) * (x - mean)).sum() / (replicas - 1);
        double spread = Math.sqrt(var);
        // The sample standard deviation of 64 values is uncertain by 1/sqrt(2 * 63) = 9%; the
        // averaged jackknife errors by less. 30% is over 3 sigma; an error that ignored the
        // autocorrelation (tau of a few sweeps) or the non-linearity would miss by far more.
        assertEquals(spread, meanError, 0.3 * spread, "jackknife " + meanError + " vs spread " + spread);
    }

    @Test
    void everyModelReportsItsDerivedQuantitiesPerReplica() {
        for (ModelType type : ModelRegistry.all()) {
            if (type.ladderAxis().isPresent()) {
                continue;
            }
            TaskResult.Member m = ReplicaRunner.run(type, List.of(Params.resolve(type, type.example())), 5)
                    .members().get(0);
            assertEquals(type.derived().stream().map(DerivedQuantity::name).toList(), List.copyOf(m.derived().keySet()),
                    type.name());
        }
    }
}
