package io.phasesweep.report;

import io.phasesweep.io.SweepTables;
import io.phasesweep.model.ReferenceValue;

import java.util.Optional;

/**
 * One line of the report's estimates table: an fss/ estimate and, where the model declares one,
 * its reference value and how many standard errors apart the two are.
 */
record FssRow(SweepTables.Estimate estimate, Optional<ReferenceValue> reference) {

    /** (estimate − reference) / error; NaN without a reference or a positive error. */
    double deviation() {
        return reference.filter(r -> estimate.stderr() > 0)
                .map(r -> (estimate.estimate() - r.value()) / estimate.stderr()).orElse(Double.NaN);
    }
}
