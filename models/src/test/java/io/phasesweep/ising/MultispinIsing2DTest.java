package io.phasesweep.ising;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stats.BinningAccumulator;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.phasesweep.ising.Ising2DTest.assertWithinErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The multispin-coded kernel against exact results: the same checks as the scalar kernel. */
class MultispinIsing2DTest {
    /** Binder cumulant 1 - <m^4> / 3 <m^2>^2 of the periodic square lattice at T_c (Salas and Sokal 2000). */
    static final double BINDER_AT_TC = 0.61069;

    static Map<String, Estimate> run(int size, double temperature, long sweeps, long seed) {
        return Ising2DTest.run(Ising2DType.MULTISPIN, size, temperature, 0.0, sweeps, seed);
    }

    @Test
    void stripLayoutUpdatesTheMostSpinsPerWord() {
        assertEquals(4, MultispinIsing2D.bestStrips(4), "4 skewed rows, one per bit");
        assertEquals(64, MultispinIsing2D.bestStrips(64), "64 skewed rows");
        assertEquals(64, MultispinIsing2D.bestStrips(256), "64 strips of height 4");
        assertEquals(50, MultispinIsing2D.bestStrips(100), "50 strips of height 2");
        assertEquals(7, MultispinIsing2D.bestStrips(7), "prime L: skewed rows work for odd L too");
        assertEquals(39, MultispinIsing2D.bestStrips(117), "117 = 39 x 3: odd height, masked words");
    }

    /** Energy and magnetisation from the bit layout equal those of the decoded lattice, for every layout. */
    @ParameterizedTest(name = "L = {0}, {1} strips")
    @CsvSource({"4, 1", "4, 2", "4, 4", "6, 2", "6, 3", "6, 6", "7, 7", "8, 8", "128, 64", "64, 64", "64, 32", "10, 5",
            "117, 39"})
    void observablesMatchTheDecodedLattice(int size, int strips) {
        MultispinIsing2D m = new MultispinIsing2D(size, strips, 2.5, 1.0, false, ReplicaRunner.rng(size * 100L + strips));
        for (int sweep = 0; sweep < 5; sweep++) {
            m.sweep();
            long bonds = 0;
            long magnetisation = 0;
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    int s = m.spin(r, c);
                    bonds += s * (m.spin(r, (c + 1) % size) + m.spin((r + 1) % size, c));
                    magnetisation += s;
                }
            }
            assertEquals(-bonds, m.energy(), 1e-9);
            assertEquals(magnetisation, m.magnetisation());
        }
    }

    /** Exact enumeration of the 4 x 4 torus, for even-height strips, skewed rows (4 strips) and one strip. */
    @ParameterizedTest(name = "{0} strips at T = {1}")
    @CsvSource({"2, 1.5", "2, 2.269185", "2, 3.0", "4, 2.269185", "4, 3.0", "1, 2.269185"})
    void matchesExactEnumerationOn4x4(int strips, double temperature) {
        ExactIsing.Averages exact = ExactIsing.enumerate(4, temperature, 0.0);
        MultispinIsing2D m = new MultispinIsing2D(4, strips, temperature, 1.0, false, ReplicaRunner.rng(31 + strips));
        BinningAccumulator e = new BinningAccumulator();
        BinningAccumulator absM = new BinningAccumulator();
        BinningAccumulator m2 = new BinningAccumulator();
        for (int i = 0; i < 2_000; i++) {
            m.sweep();
        }
        for (int i = 0; i < 200_000; i++) {
            m.sweep();
            double mag = m.magnetisation() / 16.0;
            e.add(m.energy() / 16);
            absM.add(Math.abs(mag));
            m2.add(mag * mag);
        }
        assertWithinErrors(exact.energy(), e.estimate(), "energy");
        assertWithinErrors(exact.absMagnetization(), absM.estimate(), "|m|");
        assertWithinErrors(exact.m2(), m2.estimate(), "m^2");
    }

    /** Through the model registry as {@code algorithm = metropolis-multispin}, against Kaufman's finite-lattice energy. */
    @ParameterizedTest(name = "L = {0}")
    @CsvSource({"16", "64", "128"})
    void energyAtCriticalPointMatchesKaufmanExactValue(int size) {
        Estimate e = run(size, ExactIsing.TC, 100_000, 5).get("energy");
        assertWithinErrors(ExactIsing.kaufmanEnergy(size, ExactIsing.TC), e, "e(Tc), L = " + size);
    }

    /** Masked words (odd strip height 3) and skewed rows of odd size, against Kaufman's energy at T_c. */
    @ParameterizedTest(name = "L = {0}, {1} strips")
    @CsvSource({"6, 2", "12, 4", "7, 7"})
    void oddLayoutsMatchKaufmanAtTheCriticalPoint(int size, int strips) {
        MultispinIsing2D m = new MultispinIsing2D(size, strips, ExactIsing.TC, 1.0, false, ReplicaRunner.rng(size + strips));
        BinningAccumulator e = new BinningAccumulator();
        for (int i = 0; i < 2_000; i++) {
            m.sweep();
        }
        for (int i = 0; i < 200_000; i++) {
            m.sweep();
            e.add(m.energy() / ((double) size * size));
        }
        assertWithinErrors(ExactIsing.kaufmanEnergy(size, ExactIsing.TC), e.estimate(), "e(Tc), L = " + size);
    }

    /**
     * The Binder cumulant at T_c is the universal U* on both sizes (its finite-size corrections are
     * far below the statistical error here), and the L = 32 and 64 curves cross between 2.22 and 2.32.
     */
    @Test
    void binderCumulantsCrossAtTheCriticalPoint() {
        for (int size : new int[]{32, 64}) {
            Map<String, Estimate> r = run(size, ExactIsing.TC, 400_000, 40 + size);
            double m2 = r.get("m2").mean();
            double u = 1 - r.get("m4").mean() / (3 * m2 * m2);
            // Error of U from those of m4 and m2 (correlated; the larger of the two terms bounds it loosely).
            double du = Math.hypot(r.get("m4").stderr() / (3 * m2 * m2), 2 * r.get("m4").mean() * r.get("m2").stderr() / (3 * m2 * m2 * m2));
            assertTrue(du < 0.02, "resolves U to 0.02: " + du);
            assertEquals(BINDER_AT_TC, u, 4 * du, "U(Tc), L = " + size);
        }
        assertTrue(binder(64, 2.22) > binder(32, 2.22), "below T_c the larger lattice is more ordered");
        assertTrue(binder(64, 2.32) < binder(32, 2.32), "above T_c it is less");
    }

    private static double binder(int size, double temperature) {
        Map<String, Estimate> r = run(size, temperature, 100_000, 7);
        double m2 = r.get("m2").mean();
        return 1 - r.get("m4").mean() / (3 * m2 * m2);
    }

    @Test
    void refusesAFieldOrAntiferromagneticCoupling() {
        var err = assertThrows(io.phasesweep.model.InvalidParameterException.class, () -> Params.resolve(Ising2DType.INSTANCE,
                Map.of("L", 64, "T", 2.0, "h", 0.1, "algorithm", Ising2DType.MULTISPIN)));
        assertEquals("h", err.parameter());
        err = assertThrows(io.phasesweep.model.InvalidParameterException.class, () -> Params.resolve(Ising2DType.INSTANCE,
                Map.of("L", 64, "T", 2.0, "J", -1.0, "algorithm", Ising2DType.MULTISPIN)));
        assertEquals("J", err.parameter());
    }
}
