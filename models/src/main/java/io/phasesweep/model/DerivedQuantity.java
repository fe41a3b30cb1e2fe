package io.phasesweep.model;

import java.util.List;

/**
 * A quantity that is a non-linear function of observable means, such as the Binder cumulant
 * {@code 1 - <m^4>/(3<m^2>^2)}. It is evaluated on pooled means after replicas are merged (never
 * averaged replica by replica, which would bias it), with a jackknife error over replicas. One
 * without inputs is a function of the parameters alone, exact (error 0).
 *
 * @param inputs observable names whose means are passed to {@link Formula#evaluate}, in this order
 */
public record DerivedQuantity(String name, String meaning, List<String> inputs, Formula formula) {

    public DerivedQuantity {
        inputs = List.copyOf(inputs);
    }

    /**
     * A quantity of the point's parameters alone (a continuum coefficient, a mean-field
     * prediction): no inputs, evaluated once, exact, so its error is 0 at every level.
     */
    public static DerivedQuantity ofParameters(String name, String meaning, java.util.function.ToDoubleFunction<Params> f) {
        return new DerivedQuantity(name, meaning, List.of(), (means, params) -> f.applyAsDouble(params));
    }

    /** Whether this is a function of the parameters alone ({@link #ofParameters}). */
    public boolean ofParametersOnly() {
        return inputs.isEmpty();
    }

    /**
     * The ratio of two observables' pooled means, NaN where the denominator's mean is not positive
     * (e.g. a mean over major outbreaks, or over surviving time, where there were none).
     */
    public static DerivedQuantity ratio(String name, String meaning, String numerator, String denominator) {
        return new DerivedQuantity(name, meaning, List.of(numerator, denominator),
                (means, params) -> means[1] > 0 ? means[0] / means[1] : Double.NaN);
    }

    /** The function of the input means; {@code params} supplies system size, temperature, etc. */
    @FunctionalInterface
    public interface Formula {
        double evaluate(double[] means, Params params);
    }
}
