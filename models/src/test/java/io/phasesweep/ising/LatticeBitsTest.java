package io.phasesweep.ising;

import io.phasesweep.model.ModelRegistry;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.TaskResult;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden bits of the lattice kernels: the estimates of a fixed task, hashed, stay the same when a
 * kernel is made faster without changing its model version (e.g. energy and magnetisation kept by
 * the flips instead of counted over the lattice). The constants come from the kernels before they
 * kept their observables, except the multispin ones: ising2d version 2 gave that kernel a random
 * stream of its own. A change that is meant to change the bits must bump the model's
 * {@code version()} and these constants together.
 */
class LatticeBitsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ising2d | L=16 T=2.269185314213022 algorithm=metropolis | 56e123df4f9a443d",
            "ising2d | L=17 T=2.5 h=0.3 algorithm=metropolis | 71d37cb2de2283f7",
            "ising2d | L=16 T=2.269185314213022 algorithm=wolff | b589b3e437e78cfb",
            "ising2d | L=64 T=2.269185314213022 algorithm=metropolis-multispin | 15ffec7755d5fa87",
            "ising2d | L=117 T=2.0 algorithm=metropolis-multispin | 44957e3b1d765cf8",
            "ising2d | L=7 T=3.0 algorithm=metropolis-multispin | 1718ce73ec421b70",
            "ising3d | L=6 K=0.22 algorithm=metropolis | 6826b9e794eb29f5",
            "ising3d | L=6 K=0.22 algorithm=wolff | ca0fb635a9324e17",
            "potts2d | L=12 T=1.0 q=3 algorithm=wolff | cbb9e299ed935c8e"})
    void estimatesKeepTheirBits(String model, String params, String expected) throws Exception {
        ModelType type = ModelRegistry.get(model);
        Map<String, Object> given = new HashMap<>();
        for (String kv : params.split(" ")) {
            String[] p = kv.split("=");
            given.put(p[0], p[1].matches("-?\\d+") ? (Object) Integer.parseInt(p[1])
                    : p[1].matches("[-0-9.eE]+") ? (Object) Double.parseDouble(p[1]) : p[1]);
        }
        given.put("sweeps", 3000L);
        given.put("thermalization", 200L);
        TaskResult result = ReplicaRunner.run(type, List.of(Params.resolve(type, given)), 12345L);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (TaskResult.Member m : result.members()) {
            for (Map.Entry<String, Estimate> e : m.scalars().entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                for (double d : new double[]{e.getValue().mean(), e.getValue().stderr(), e.getValue().tauInt()}) {
                    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(Double.doubleToRawLongBits(d)).array());
                }
            }
        }
        String actual = String.format("%016x", ByteBuffer.wrap(sha.digest()).getLong());
        assertEquals(expected, actual, model + " " + params);
    }
}
