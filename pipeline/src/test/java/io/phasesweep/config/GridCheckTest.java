package io.phasesweep.config;

import io.phasesweep.grid.Axis;
import io.phasesweep.grid.Grid;
import io.phasesweep.model.ParamType;
import io.phasesweep.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A grid of 10^7 points is checked at its corners and an even sample, never point by point. */
class GridCheckTest {
    @TempDir
    Path dir;

    /** L: 1000 sizes, T: 5000 temperatures, algorithm: 2 = 10^7 points. */
    private static final String HUGE = """
            sweep {
              model = ising2d
              grid {
                L = { from = 8, to = 1007, steps = 1000 }
                T = { from = 1.0, to = 5.999, steps = 5000 }
                algorithm = [metropolis, wolff]
              }
              params { sweeps = 10, h = %s }
            }
            """;

    private static Axis axis(String name, int size) {
        return new Axis(name, ParamType.INT, new ArrayList<>(IntStream.range(0, size).boxed().toList()));
    }

    @Test
    void aHugeGridIsSampledEvenlyWithAllItsCorners() {
        Grid grid = new Grid(List.of(axis("a", 1000), axis("b", 5000), axis("c", 2)));
        List<Long> checked = new ArrayList<>();
        GridCheck.pointsToCheck(grid).forEach(checked::add);
        // The even sample (every 100th index) and the 8 corners, of which 0 and 9_990_000 are in the sample.
        assertEquals(GridCheck.CHECK_EVERY_POINT + 6, checked.size());
        for (long corner : List.of(0L, 1L, 9_998L, 9_999L, 9_990_000L, 9_990_001L, 9_999_998L, 9_999_999L)) {
            assertTrue(checked.contains(corner), "corner " + corner);
        }
        assertEquals(checked.stream().sorted().distinct().toList(), checked);
    }

    @Test
    void aSmallGridIsCheckedPointByPoint() {
        Grid grid = new Grid(List.of(axis("a", 1000), axis("b", 100)));
        List<Long> checked = new ArrayList<>();
        GridCheck.pointsToCheck(grid).forEach(checked::add);
        assertEquals(allIndices(100_000), checked);
    }

    private static List<Long> allIndices(long n) {
        return java.util.stream.LongStream.range(0, n).boxed().toList();
    }

    @Test
    void aTenMillionPointGridLoadsWithoutResolvingEveryPoint() {
        SweepConfig c = ConfigLoader.load(Configs.write(dir, "huge.conf", HUGE.formatted("0.0")), List.of(), null);
        assertEquals(10_000_000L, c.plan().grid().size());
    }

    @Test
    void aBadCornerOfAHugeGridIsFoundThoughTheSampleMissesIt() {
        // The sample (every 100th point) sees only metropolis; wolff with a field is wrong at every odd index,
        // so only the corners can catch it.
        ConfigError e = assertThrows(ConfigError.class,
                () -> ConfigLoader.load(Configs.write(dir, "huge.conf", HUGE.formatted("0.1")), List.of(), null));
        assertTrue(e.getMessage().endsWith("huge.conf:8: sweep.params.h: algorithm wolff needs h = 0 (got h = 0.1)"
                + " (at grid point L=8, T=1.0, algorithm=wolff)"), e.getMessage());
    }
}
