package io.phasesweep.ising;

import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.stats.Estimate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ising2DTest {

    /** Statistical checks pass when |observed - exact| < K_SIGMA standard errors (seeds are fixed). */
    static final double K_SIGMA = 4.0;

    static Map<String, Estimate> run(String algorithm, int size, double temperature, double field, long sweeps, long seed) {
        Params p = Params.resolve(Ising2DType.INSTANCE, Map.of(
                "L", size, "T", temperature, "h", field, "algorithm", algorithm,
                "sweeps", sweeps, "thermalization", 2_000L));
        return ReplicaRunner.run(Ising2DType.INSTANCE, p, seed);
    }

    static void assertWithinErrors(double exact, Estimate observed, String what) {
        assertTrue(observed.stderr() > 0, what + ": a zero error bar cannot be tested");
        double z = Math.abs(observed.mean() - exact) / observed.stderr();
        assertTrue(z < K_SIGMA, String.format("%s: %.6f +- %.6f vs exact %.6f (%.1f sigma)",
                what, observed.mean(), observed.stderr(), exact, z));
    }

    @ParameterizedTest(name = "{0} at T = {1}, h = {2}")
    @CsvSource({
            "metropolis, 1.5, 0.0", "metropolis, 2.269185, 0.0", "metropolis, 3.0, 0.0", "metropolis, 2.5, 0.3",
            "wolff, 1.5, 0.0", "wolff, 2.269185, 0.0", "wolff, 3.0, 0.0"})
    void matchesExactEnumerationOn4x4(String algorithm, double temperature, double field) {
        ExactIsing.Averages exact = ExactIsing.enumerate(4, temperature, field);
        Map<String, Estimate> mc = run(algorithm, 4, temperature, field, 200_000, 11);
        assertWithinErrors(exact.energy(), mc.get("energy"), "energy");
        assertWithinErrors(exact.absMagnetization(), mc.get("abs_magnetization"), "|m|");
        assertWithinErrors(exact.m2(), mc.get("m2"), "m^2");
        assertWithinErrors(exact.m4(), mc.get("m4"), "m^4");
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {8, 16, 32})
    void energyAtCriticalPointMatchesKaufmanExactValue(int size) {
        Estimate e = run("wolff", size, ExactIsing.TC, 0, 20_000, 3).get("energy");
        assertWithinErrors(ExactIsing.kaufmanEnergy(size, ExactIsing.TC), e, "e(Tc), L=" + size);
    }

    @Test
    @Tag("long")
    void energyAtCriticalPointMatchesKaufmanOn128Lattice() {
        Estimate e = run("wolff", 128, ExactIsing.TC, 0, 20_000, 5).get("energy");
        assertWithinErrors(ExactIsing.kaufmanEnergy(128, ExactIsing.TC), e, "e(Tc), L=128");
    }

    @Test
    void metropolisAndWolffAgreeNearTc() {
        Map<String, Estimate> metropolis = run("metropolis", 12, 2.35, 0, 100_000, 21);
        Map<String, Estimate> wolff = run("wolff", 12, 2.35, 0, 40_000, 22);
        for (String o : new String[]{"energy", "abs_magnetization", "m2", "m4"}) {
            Estimate a = metropolis.get(o);
            Estimate b = wolff.get(o);
            double z = Math.abs(a.mean() - b.mean()) / Math.hypot(a.stderr(), b.stderr());
            assertTrue(z < K_SIGMA, o + " differs by " + z + " sigma");
        }
    }

    @Test
    void orderedAtLowTemperatureAndDisorderedAtHigh() {
        assertTrue(run("wolff", 32, 1.5, 0, 2_000, 1).get("abs_magnetization").mean() > 0.95);
        assertTrue(run("metropolis", 32, 3.5, 0, 2_000, 1).get("abs_magnetization").mean() < 0.2);
    }

    @Test
    void metropolisNeedsLongerCorrelationTimeThanWolffAtTc() {
        double tauMetropolis = run("metropolis", 16, ExactIsing.TC, 0, 50_000, 8).get("abs_magnetization").tauInt();
        double tauWolff = run("wolff", 16, ExactIsing.TC, 0, 50_000, 8).get("abs_magnetization").tauInt();
        assertTrue(tauMetropolis > 5 * tauWolff, "critical slowing down: " + tauMetropolis + " vs " + tauWolff);
    }

    @Test
    void wolffRefusesAFieldOrAntiferromagneticCoupling() {
        var err = org.junit.jupiter.api.Assertions.assertThrows(io.phasesweep.model.InvalidParameterException.class,
                () -> Params.resolve(Ising2DType.INSTANCE, Map.of("L", 4, "T", 2.0, "h", 0.1, "algorithm", "wolff")));
        assertEquals("h", err.parameter());
        err = org.junit.jupiter.api.Assertions.assertThrows(io.phasesweep.model.InvalidParameterException.class,
                () -> Params.resolve(Ising2DType.INSTANCE, Map.of("L", 4, "T", 2.0, "J", -1.0, "algorithm", "wolff")));
        assertEquals("J", err.parameter());
    }
}
