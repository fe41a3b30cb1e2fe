package io.phasesweep.model;

import io.phasesweep.stats.Estimate;
import io.phasesweep.stats.Histogram;

import java.util.List;
import java.util.Map;

/** What one task measured, per ladder member (one member for ordinary models). */
public record TaskResult(List<Member> members) {

    public TaskResult {
        members = List.copyOf(members);
    }

    /** One value of a series observable. */
    public record SeriesPoint(String observable, double t, double value) {
    }

    /**
     * Scalar estimates in spec order, series values in recording order, histograms in spec order,
     * and the model's derived quantities evaluated on this replica alone (in spec order, with a
     * jackknife error over the replica's blocks; see
     * {@link io.phasesweep.stats.BinningAccumulator#blockMeans()}).
     */
    public record Member(Map<String, Estimate> scalars, List<SeriesPoint> series, Map<String, Histogram> histograms,
                         Map<String, Estimate> derived) {
        public Member {
            series = List.copyOf(series);
            histograms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(histograms));
        }

        /** A member without histograms or derived quantities. */
        public Member(Map<String, Estimate> scalars, List<SeriesPoint> series) {
            this(scalars, series, Map.of(), Map.of());
        }
    }
}
