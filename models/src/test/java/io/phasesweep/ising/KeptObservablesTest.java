package io.phasesweep.ising;

import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Ising kernels keep their energy and magnetisation by adding what every flip changed (a single
 * spin, a Wolff cluster, a word of 64 spins). Those counters must equal a count over the lattice
 * after every sweep of long runs, at low, critical and high temperature, on odd and even sizes,
 * and after a checkpoint round trip (which rebuilds them from the spins). Integers, so "equal"
 * is exact: one wrong flip anywhere in the run shows.
 */
class KeptObservablesTest {
    @ParameterizedTest(name = "{0}, L = {1}, T = {2}, h = {3}")
    @CsvSource({
            "METROPOLIS, 2, 2.0, 0.0", "METROPOLIS, 5, 1.5, 0.0", "METROPOLIS, 16, 2.269185, 0.0",
            "METROPOLIS, 33, 3.5, 0.0", "METROPOLIS, 16, 2.5, 0.3", "METROPOLIS, 12, 1.0, -0.7",
            "WOLFF, 2, 2.0, 0.0", "WOLFF, 5, 1.5, 0.0", "WOLFF, 16, 2.269185, 0.0", "WOLFF, 33, 3.5, 0.0",
            "WOLFF, 64, 2.269185, 0.0"})
    void ising2dCountersEqualACountOverTheLattice(Ising2D.Algorithm algorithm, int size, double temperature,
                                                  double field) {
        Ising2D model = new Ising2D(size, temperature, 1.0, field, algorithm, false, ReplicaRunner.rng(size * 7L + 1));
        long sweeps = Math.max(500, 2_000_000L / ((long) size * size));
        byte[] start = model.spins();
        for (long sweep = 0; sweep < sweeps; sweep++) {
            model.advance();
            if (sweep == 100) {
                model.startMeasuring();
            }
            assertEquals(model.bondSum(), model.keptBondSum(), "bond sum after sweep " + sweep);
            assertEquals(model.spinSum(), model.magnetisation(), "magnetisation after sweep " + sweep);
            assertEquals(-1.0 * model.bondSum() - field * model.spinSum(), model.energy(), 0.0);
        }
        assertTrue(!java.util.Arrays.equals(start, model.spins()), "the run changed the lattice");
        Ising2D restored = new Ising2D(size, temperature, 1.0, field, algorithm, false, ReplicaRunner.rng(99));
        restored.restore(new StateReader(checkpoint(model::checkpoint)));
        assertEquals(model.keptBondSum(), restored.keptBondSum(), "restored bond sum");
        assertEquals(model.magnetisation(), restored.magnetisation(), "restored magnetisation");
    }

    @ParameterizedTest(name = "{0}, L = {1}, K = {2}")
    @CsvSource({"METROPOLIS, 3, 0.5", "METROPOLIS, 8, 0.221654626", "METROPOLIS, 7, 0.1",
            "WOLFF, 3, 0.5", "WOLFF, 8, 0.221654626", "WOLFF, 7, 0.1", "WOLFF, 2, 0.3"})
    void ising3dCountersEqualACountOverTheLattice(Ising2D.Algorithm algorithm, int size, double coupling) {
        Ising3D model = new Ising3D(size, coupling, algorithm, false, ReplicaRunner.rng(size * 11L + 3));
        long sweeps = Math.max(500, 1_000_000L / ((long) size * size * size));
        for (long sweep = 0; sweep < sweeps; sweep++) {
            model.advance();
            assertEquals(model.countedSums()[0], model.keptSums()[0], "bond sum after sweep " + sweep);
            assertEquals(model.countedSums()[1], model.keptSums()[1], "magnetisation after sweep " + sweep);
        }
    }

    /** Every strip layout: even heights, skewed rows (even and odd L), masked odd heights, one strip. */
    @ParameterizedTest(name = "L = {0}, {1} strips, T = {2}")
    @CsvSource({"4, 1, 2.269185", "4, 2, 1.5", "4, 4, 3.5", "6, 3, 2.269185", "7, 7, 2.269185", "10, 5, 1.8",
            "64, 64, 2.269185", "64, 32, 3.0", "128, 64, 2.269185", "117, 39, 2.269185", "256, 64, 1.5",
            "256, 64, 2.269185", "2, 2, 2.0"})
    void multispinCountersEqualACountOverTheWords(int size, int strips, double temperature) {
        MultispinIsing2D model = new MultispinIsing2D(size, strips, temperature, 1.0, false,
                ReplicaRunner.rng(size * 13L + strips));
        long sweeps = Math.max(300, 4_000_000L / ((long) size * size));
        for (long sweep = 0; sweep < sweeps; sweep++) {
            model.sweep();
            assertEquals(model.antiparallelFromWords(), model.keptAntiparallel(), "antiparallel bonds after sweep " + sweep);
            assertEquals(model.upFromWords(), model.keptUp(), "up spins after sweep " + sweep);
        }
        MultispinIsing2D restored = new MultispinIsing2D(size, strips, temperature, 1.0, false, ReplicaRunner.rng(5));
        restored.restore(new StateReader(checkpoint(model::checkpoint)));
        assertEquals(model.keptAntiparallel(), restored.keptAntiparallel(), "restored antiparallel bonds");
        assertEquals(model.keptUp(), restored.keptUp(), "restored up count");
        assertEquals(model.energy(), restored.energy(), 0.0);
    }

    private static byte[] checkpoint(java.util.function.Consumer<StateWriter> write) {
        StateWriter out = new StateWriter();
        write.accept(out);
        return out.toByteArray();
    }
}
