package io.phasesweep.stuartlandau;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.model.TestParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step-size warnings. With c1 != 0 the coupling's eigenvalues are complex, so the stable step
 * is read off the scheme's amplification in the complex plane; the warning falls where the
 * integration really breaks down.
 */
class StuartLandauStabilityTest {
    static final StuartLandauChainType TYPE = StuartLandauChainType.INSTANCE;

    static Params params(Object... kv) {
        return TestParams.of(TYPE, kv);
    }

    @Test
    void theShippedSweepsStepsAreNotWarned() {
        for (double c1 : new double[]{0.0, 1.0, -1.5, -3.0}) {
            assertEquals(List.of(), TYPE.warnings(params("N", 64, "K", 1.0, "c1", c1, "c2", c1 == 1.0 ? 1.0 : 0.0,
                    "D", 0.05, "dt", 0.05)));
        }
    }

    @Test
    void aFastTurningPhaseIsWarned() {
        List<String> w = TYPE.warnings(params("N", 64, "c2", 20.0, "dt", 0.05));
        assertTrue(w.size() == 1 && w.get(0).contains("turns the phases by up to 1.00 rad"), w.toString());
    }

    /** The largest dt without a stability warning, by bisection. */
    static double largestUnwarnedStep(Object... kv) {
        double lo = 1e-3;
        double hi = 2;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            Object[] all = java.util.Arrays.copyOf(kv, kv.length + 2);
            all[kv.length] = "dt";
            all[kv.length + 1] = mid;
            boolean warned = TYPE.warnings(params(all)).stream().anyMatch(s -> s.contains("stability range"));
            if (warned) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    static double finalWidth(Params p) {
        List<TaskResult.SeriesPoint> w = ReplicaRunner.run(TYPE, List.of(p), 3).members().get(0).series();
        return w.get(w.size() - 1).value();
    }

    /**
     * K = 1, c1 = 3 under RK4: without noise a perturbed ring synchronises. Just inside the
     * warned limit the width decays to nothing; just beyond it the lattice-scale modes grow and the
     * ring never settles (or blows up). Few output times, so nearly every step has the full dt.
     */
    @Test
    void theWarningMarksWhereRk4ReallyBecomesUnstable() {
        double limit = largestUnwarnedStep("N", 16, "K", 1.0, "c1", 3.0, "t_max", 200.0);
        assertTrue(limit > 0.05 && limit < 0.5, "limit " + limit);
        Object[] common = {"N", 16, "K", 1.0, "c1", 3.0, "start", "perturbed", "t_max", 200.0, "transient", 100.0,
                "output_interval", 100.0, "series_points", 2};
        Object[] stable = java.util.Arrays.copyOf(common, common.length + 2);
        stable[common.length] = "dt";
        stable[common.length + 1] = 0.9 * limit;
        Object[] unstable = stable.clone();
        unstable[common.length + 1] = 1.1 * limit;
        assertTrue(finalWidth(params(stable)) < 1e-6, "stable: " + finalWidth(params(stable)));
        double artefact = finalWidth(params(unstable));
        assertTrue(!(artefact < 1e-3), "unstable: W stays away from 0, got " + artefact);
    }
}
