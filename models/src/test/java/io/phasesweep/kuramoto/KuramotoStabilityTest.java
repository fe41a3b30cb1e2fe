package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;
import io.phasesweep.model.TestParams;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step-size warning is where the integration really breaks down: RK4 on the ring is stable for
 * dt * 4K below 2.785 and amplifies the alternating mode above it, so a ring that should
 * synchronise does not.
 */
class KuramotoStabilityTest {
    static Params params(Object... kv) {
        return TestParams.of(KuramotoChainType.INSTANCE, kv);
    }

    static double finalWidth(Params p) {
        TaskResult r = ReplicaRunner.run(KuramotoChainType.INSTANCE, List.of(p), 3);
        List<TaskResult.SeriesPoint> w = r.members().get(0).series();
        return w.get(w.size() - 1).value();
    }

    @Test
    void ordinaryStepsAreNotWarned() {
        assertTrue(KuramotoChainType.INSTANCE.warnings(params("N", 64, "D", 0.1)).isEmpty());
        assertTrue(KuramotoChainType.INSTANCE.warnings(params("N", 64, "K", 10.0, "dt", 0.04)).isEmpty());
    }

    @Test
    void aStepBeyondTheStabilityRangeIsWarnedWithTheLargestStableStep() {
        List<String> w = KuramotoChainType.INSTANCE.warnings(params("N", 64, "K", 1000.0, "D", 0.1, "dt", 1.9,
                "t_max", 100.0));
        assertTrue(w.size() == 1 && w.get(0).contains("dt = 1.9") && w.get(0).contains("heun")
                && w.get(0).contains("K = 1000.0") && w.get(0).contains("dt <= 0.0005"), w.toString());
    }

    @Test
    void theWarningMarksWhereRk4ReallyBecomesUnstable() {
        // Limit dt = 2.785 / (4 K) = 0.696 at K = 1; the alternating mode of a perturbed ring decays below
        // it. Few output times, so that nearly every step has the full dt (shortened steps damp).
        Params stable = params("N", 16, "start", "perturbed", "dt", 0.65, "t_max", 200.0, "transient", 100.0,
                "output_interval", 100.0, "series_points", 2);
        Params unstable = params("N", 16, "start", "perturbed", "dt", 0.75, "t_max", 200.0, "transient", 100.0,
                "output_interval", 100.0, "series_points", 2);
        assertTrue(KuramotoChainType.INSTANCE.warnings(stable).isEmpty());
        assertTrue(KuramotoChainType.INSTANCE.warnings(unstable).size() == 1);
        // Without noise or disorder the ring synchronises: W -> 0. The stable step follows it; beyond
        // the limit the alternating mode grows until the sine saturates it, and W never settles.
        assertTrue(finalWidth(stable) < 1e-6, "stable: " + finalWidth(stable));
        double artefact = finalWidth(unstable);
        assertTrue(!(artefact < 1e-3), "unstable: W stays away from 0, got " + artefact);
    }
}
