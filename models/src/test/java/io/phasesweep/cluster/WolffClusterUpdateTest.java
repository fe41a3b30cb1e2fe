package io.phasesweep.cluster;

import io.phasesweep.lattice.SquareLattice;
import io.phasesweep.model.OpenXoShiRo256PlusPlus;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The square-lattice Ising loop (generator in registers, neighbours read together) grows the very
 * clusters of the general loop: the same sizes, spins, kept changes and generator state after every
 * cluster, from the same seed, at cluster sizes from a few sites to most of the lattice. L = 2 (a
 * site's left and right neighbours coincide) takes the general loop and is here as a control.
 */
class WolffClusterUpdateTest {

    private static long[] seed(long s) {
        SplitMix64 expand = new SplitMix64(s);
        return new long[]{expand.nextLong(), expand.nextLong(), expand.nextLong(), expand.nextLong()};
    }

    @ParameterizedTest
    @CsvSource({"2, 0.6", "3, 0.6", "4, 0.3", "5, 0.9", "16, 0.2", "16, 0.5858", "16, 0.95", "33, 0.5858"})
    void squareLoopGrowsTheClustersOfTheGeneralOne(int size, double addProbability) {
        SquareLattice lattice = new SquareLattice(size);
        OpenXoShiRo256PlusPlus openRng = new OpenXoShiRo256PlusPlus(seed(size * 31L + 7));
        XoShiRo256PlusPlus plainRng = new XoShiRo256PlusPlus(seed(size * 31L + 7));
        byte[] fastSpin = new byte[lattice.sites()];
        for (int i = 0; i < fastSpin.length; i++) {
            fastSpin[i] = openRng.nextBoolean() ? (byte) 1 : (byte) -1;
            plainRng.nextBoolean();
        }
        byte[] plainSpin = fastSpin.clone();
        WolffClusterUpdate fast = new WolffClusterUpdate(fastSpin, lattice.neighbourTable(),
                SquareLattice.COORDINATION, addProbability, openRng);
        WolffClusterUpdate plain = new WolffClusterUpdate(plainSpin, lattice.neighbourTable(),
                SquareLattice.COORDINATION, addProbability, plainRng);
        for (int cluster = 0; cluster < 3000; cluster++) {
            assertEquals(plain.flipIsing(), fast.flipIsing(), "size of cluster " + cluster);
            assertEquals(plain.bondChange(), fast.bondChange(), "bond change of cluster " + cluster);
            assertEquals(plain.magnetisationChange(), fast.magnetisationChange());
            assertArrayEquals(plainSpin, fastSpin, "spins after cluster " + cluster);
        }
        assertEquals(plainRng.nextLong(), openRng.nextLong(), "generator state");
        assertEquals(plainRng.nextInt(), openRng.nextInt(), "cached half draw");
    }
}
