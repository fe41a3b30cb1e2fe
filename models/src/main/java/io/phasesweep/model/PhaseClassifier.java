package io.phasesweep.model;

import java.util.Map;

/**
 * Names the phase (or growth class) of one grid point from its computed quantities: the points
 * table's means and standard errors of observables, derived and series quantities.
 */
@FunctionalInterface
public interface PhaseClassifier {

    /** A phase and the numbers it was decided from, in words. */
    record Phase(String name, String evidence) {
    }

    /** @param values quantity name -> {mean, stderr} */
    Phase classify(Map<String, double[]> values, Params params);
}
