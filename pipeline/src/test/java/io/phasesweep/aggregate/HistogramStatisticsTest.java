package io.phasesweep.aggregate;

import io.phasesweep.stats.Bins;
import io.phasesweep.stats.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two replicas' counts combined by hand: densities per unit of x, fractions out of range, spread / sqrt(2). */
class HistogramStatisticsTest {

    @Test
    void densitiesAreReplicaMeansWithTheSpreadBetweenReplicasAsError() {
        Bins bins = Bins.edges(0, 1, 3);
        // underflow, [0, 1), [1, 3), overflow; 4 values each.
        Histogram a = Histogram.of(new long[]{0, 2, 2, 0});
        Histogram b = Histogram.of(new long[]{1, 3, 0, 0});
        List<HistogramStatistics.BinValue> rows = HistogramStatistics.of("x", bins, List.of(a, b));
        // a: 0, 0.5, 0.25 (2 of 4 over a width of 2), 0; b: 0.25, 0.75, 0, 0.
        // Two replicas: stderr = |a - b| / sqrt(2) / sqrt(2) = |a - b| / 2.
        assertEquals(List.of(
                new HistogramStatistics.BinValue(-1, Double.NEGATIVE_INFINITY, 0, 1, 0.125, 0.125, 2),
                new HistogramStatistics.BinValue(0, 0, 1, 5, 0.625, 0.125, 2),
                new HistogramStatistics.BinValue(1, 1, 3, 2, 0.125, 0.125, 2),
                new HistogramStatistics.BinValue(2, 3, Double.POSITIVE_INFINITY, 0, 0, 0, 2)), rows);
    }

    @Test
    void oneReplicaHasNoSpreadToMeasure() {
        List<HistogramStatistics.BinValue> rows = HistogramStatistics.of("x", Bins.uniform(0, 1, 2),
                List.of(Histogram.of(new long[]{0, 1, 3, 0})));
        assertEquals(0.5, rows.get(1).density());
        assertEquals(1.5, rows.get(2).density());
        rows.forEach(r -> assertEquals(Double.NaN, r.stderr(), r.toString()));
    }
}
