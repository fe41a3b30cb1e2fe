package io.phasesweep.ising;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.potts.Potts2DType;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.phasesweep.ising.Ising2DTest.assertWithinErrors;

/** The q = 2 Potts model is the Ising model at K_Ising = K_Potts / 2: e_Potts = -1 + e_Ising / 2, same |m|. */
class PottsIsingCorrespondenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"metropolis", "wolff"})
    void twoStatePottsIsIsingAtHalfTheCoupling(String algorithm) {
        double pottsT = 1.2;
        ExactIsing.Averages ising = ExactIsing.enumerate(4, 2 * pottsT, 0);
        Map<String, Estimate> potts = ReplicaRunner.run(Potts2DType.INSTANCE, Params.resolve(Potts2DType.INSTANCE,
                Map.of("L", 4, "q", 2, "T", pottsT, "algorithm", algorithm, "sweeps", 200_000L)), 3);
        assertWithinErrors(-1 + ising.energy() / 2, potts.get("energy"), "energy");
        assertWithinErrors(ising.absMagnetization(), potts.get("abs_magnetization"), "|m|");
        assertWithinErrors(ising.m4(), potts.get("m4"), "m^4");
    }
}
