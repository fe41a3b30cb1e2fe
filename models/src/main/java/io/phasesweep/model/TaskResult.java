package io.phasesweep.model;

import io.phasesweep.stats.Estimate;

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

    /** Scalar estimates in spec order, and series values in recording order. */
    public record Member(Map<String, Estimate> scalars, List<SeriesPoint> series) {
        public Member {
            series = List.copyOf(series);
        }
    }
}
