package io.phasesweep.series;

import io.phasesweep.model.CollectingRecorder;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built event sequences whose sampled values are known exactly. */
class TimeGridTest {

    private static List<String> recorded(TimeGrid grid) {
        CollectingRecorder out = new CollectingRecorder();
        grid.recordTo(out, "n");
        return out.entries;
    }

    @Test
    void eachOutputTimeSeesTheValueAfterTheLastEventAtOrBeforeIt() {
        TimeGrid grid = TimeGrid.of(0, 1, 2, 3, 4, 5);
        grid.holdUntil(0.5, 10);  // 10 -> 9 at t = 0.5
        grid.holdUntil(3.5, 9);   // 9 -> 8 at t = 3.5: one waiting time passes t = 1, 2, 3
        grid.holdUntil(4.0, 8);   // 8 -> 7 exactly at t = 4: t = 4 sees 7
        grid.holdUntil(4.5, 7);   // 7 -> 6 at t = 4.5
        assertEquals(5, grid.known());
        assertEquals(List.of("n@0.0=10.0", "n@1.0=9.0", "n@2.0=9.0", "n@3.0=9.0", "n@4.0=7.0"), recorded(grid));
    }

    @Test
    void absorbingStateHoldsItsValueAtEveryRemainingOutputTime() {
        TimeGrid grid = TimeGrid.uniform(0.5, 5);
        grid.holdUntil(0.7, 2);  // 2 -> 1
        grid.holdUntil(0.8, 1);  // 1 -> 0, absorbing
        grid.holdForever(0);
        assertEquals(List.of("n@0.0=2.0", "n@0.5=2.0", "n@1.0=0.0", "n@1.5=0.0", "n@2.0=0.0"), recorded(grid));
    }

    @Test
    void runStoppedBeforeAbsorptionRecordsOnlyOutputTimesBeforeItsLastEvent() {
        TimeGrid grid = TimeGrid.uniform(1, 4);
        grid.holdUntil(1.5, 3);
        // Stopped here (a cap): the value at t = 2 depends on the next event, which never came.
        assertEquals(List.of("n@0.0=3.0", "n@1.0=3.0"), recorded(grid));
    }

    @Test
    void eventAtTheFirstOutputTimeIsSeenThere() {
        TimeGrid grid = TimeGrid.of(0, 1);
        grid.holdUntil(0, 5);  // 5 -> 4 at t = 0
        grid.holdUntil(2, 4);
        assertEquals(List.of("n@0.0=4.0", "n@1.0=4.0"), recorded(grid));
    }

    @Test
    void eventsAfterTheLastOutputTimeChangeNothing() {
        TimeGrid grid = TimeGrid.of(0, 1);
        grid.holdUntil(5, 1);
        grid.holdUntil(6, 2);
        grid.holdForever(3);
        assertEquals(List.of("n@0.0=1.0", "n@1.0=1.0"), recorded(grid));
    }

    @Test
    void rejectsOutputTimesThatDoNotIncreaseAndEventsOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0, Double.NaN));
        TimeGrid grid = TimeGrid.of(0, 1);
        grid.holdUntil(0.5, 1);
        assertThrows(IllegalArgumentException.class, () -> grid.holdUntil(0.4, 1));
        assertThrows(IllegalStateException.class, () -> grid.value(1));
    }

    @Test
    void allocatesNothingPerEvent() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int events = 1_000_000;
        TimeGrid grid = TimeGrid.uniform(1, 1000);
        threads.getThreadAllocatedBytes(id);
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < events; i++) {
            grid.holdUntil(i * 1e-3, i);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(1000, grid.known());
        // One object per event would be at least 16 MB; allow the measurement's own few bytes.
        assertTrue(allocated < 64 * 1024, allocated + " bytes for " + events + " events");
    }
}
