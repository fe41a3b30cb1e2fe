package io.phasesweep.death;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The toy against its exact solution, over many independent replicas. */
class PureDeathProcessTest {
    private static final PureDeathProcessType TYPE = new PureDeathProcessType();
    /** Standard errors allowed: a correct model fails one check with probability 6e-5 (seeds are fixed). */
    private static final double K = 4;
    private static final int REPLICAS = 4000;

    private static List<TaskResult.Member> replicas(Map<String, Object> values) {
        Params p = Params.resolve(TYPE, values);
        return LongStream.range(0, REPLICAS)
                .mapToObj(seed -> ReplicaRunner.run(TYPE, List.of(p), 1000 + seed).members().get(0)).toList();
    }

    @Test
    void extinctionTimeAveragesHarmonicNumberOverGamma() {
        int n = 20;
        double gamma = 2.0;
        double sum = 0;
        for (TaskResult.Member r : replicas(Map.of("N", n, "gamma", gamma))) {
            sum += r.scalars().get(PureDeathProcessType.EXTINCTION_TIME).mean();
        }
        double harmonic = 0;
        double variance = 0;
        for (int k = 1; k <= n; k++) {
            harmonic += 1.0 / k;
            variance += 1.0 / (k * gamma * k * gamma);
        }
        double stderr = Math.sqrt(variance / REPLICAS);
        assertEquals(harmonic / gamma, sum / REPLICAS, K * stderr);
    }

    @Test
    void aliveOnTheTimeGridDecaysAsNExpMinusGammaT() {
        int n = 20;
        int outputs = 20;
        double step = 0.25;
        // Counts are integers: their sums, and so the mean at t = 0, are exact.
        double[] sum = new double[outputs];
        for (TaskResult.Member r : replicas(Map.of("N", n, "gamma", 1.0, "output_step", step, "outputs", outputs))) {
            // Every replica went extinct, so every output time is there, late ones held at 0.
            assertEquals(outputs, r.series().size());
            for (int k = 0; k < outputs; k++) {
                TaskResult.SeriesPoint s = r.series().get(k);
                assertEquals(k * step, s.t());
                sum[k] += s.value();
            }
        }
        assertEquals(n, sum[0] / REPLICAS);
        for (int k = 1; k < outputs; k++) {
            // Each particle survives to t with probability p = exp(-t): alive(t) is binomial(N, p).
            double p = Math.exp(-k * step);
            double stderr = Math.sqrt(n * p * (1 - p) / REPLICAS);
            assertEquals(n * p, sum[k] / REPLICAS, K * stderr, "t = " + k * step);
        }
    }

    @Test
    void eachReplicaEndsAtExtinctionAfterExactlyNDeaths() {
        TaskResult.Member r = ReplicaRunner.run(TYPE, List.of(Params.resolve(TYPE, Map.of("N", 20))), 3).members().get(0);
        // Measured after each death: 19, 18, ..., 0.
        assertEquals(20, r.scalars().get(PureDeathProcessType.ALIVE).n());
        assertEquals(9.5, r.scalars().get(PureDeathProcessType.ALIVE).mean());
        assertTrue(r.scalars().get(PureDeathProcessType.EXTINCTION_TIME).mean() > 0);
        assertEquals(0.0, r.series().get(r.series().size() - 1).value());
    }
}
