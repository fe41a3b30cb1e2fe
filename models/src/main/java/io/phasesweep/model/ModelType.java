package io.phasesweep.model;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A model family as the framework sees it: a self-description plus a factory. Implementations are
 * stateless singletons registered in {@link ModelRegistry}.
 */
public interface ModelType {

    /** Registry name, used as {@code sweep.model} in configs. */
    String name();

    String description();

    /**
     * The kernel's version: bumped whenever the rows a seed gives change (a new update order, a
     * different draw, an observable or derived quantity added, removed or redefined), so outputs,
     * resumed chunks and stored tasks of an older kernel are never mistaken for this one's. Written
     * into the manifest as {@code model_version}; part of every task-store key.
     */
    String version();

    /**
     * The parameters the quenched disorder (couplings, fields, patterns, frequencies, graphs)
     * depends on, e.g. {@code N} and the coupling distribution but not {@code T}. For such a
     * model the framework derives a disorder seed from (sweep seed, these parameters' values,
     * replica) alone and passes its stream to {@link #create(Params, UniformRandomProvider,
     * UniformRandomProvider)}: replica r then sees the same disorder at every value of the other
     * parameters. Empty (the default): no disorder apart from the replica's own stream.
     */
    default List<String> disorderParameters() {
        return List.of();
    }

    List<ParamSpec> parameters();

    List<ObservableSpec> observables();

    /** Quantities computed from pooled observable means after replicas are merged. */
    default List<DerivedQuantity> derived() {
        return List.of();
    }

    /** Quantities computed from each point's combined time series (written to the points table). */
    default List<SeriesQuantity> seriesQuantities() {
        return List.of();
    }

    /** Series computed from each point's combined series (written to the timeseries table). */
    default List<DerivedSeries> derivedSeries() {
        return List.of();
    }

    /** Phase boundaries located along an axis from a threshold crossing, written to the boundaries table. */
    default List<Boundary> boundaries() {
        return List.of();
    }

    /** Exponents fitted to a quantity's growth with system size, written to the exponents table. */
    default List<SizeExponent> sizeExponents() {
        return List.of();
    }

    /** Classifies each grid point into a phase, written to the phases table; empty: no such table. */
    default Optional<PhaseClassifier> phaseClassifier() {
        return Optional.empty();
    }

    /**
     * A small, valid and non-trivial choice of parameters (seconds to run, with randomness that
     * the seed controls): used by the contract tests every model must pass, and shown by
     * {@code phasesweep models}.
     */
    java.util.Map<String, Object> example();

    /**
     * Finite-size-scaling forms of the model's observables and derived quantities, by name: what
     * the FSS analysis may collapse and which exponent each one measures.
     */
    default java.util.Map<String, Scaling> scaling() {
        return java.util.Map.of();
    }

    /**
     * Exact or published values of what the finite-size-scaling analysis estimates at these
     * parameters (critical point, nu, the exponent ratios of {@link #scaling()}), for reports to
     * compare with. {@code params} is any grid point of the group analysed: the control and size
     * parameters vary within it and must not matter. Empty (the default): none known, or none at
     * these parameters (a field that removes the transition, a first-order regime).
     */
    default List<ReferenceValue> referenceValues(Params params) {
        return List.of();
    }

    /**
     * The name of a linear size the model derives from its parameters (Vicsek: {@code L} =
     * sqrt(N/rho)), which {@code fss.size} may name instead of a grid axis; empty: none.
     */
    default Optional<String> linearSizeName() {
        return Optional.empty();
    }

    /**
     * The parameters {@link #linearSize} reads: grid axes among them vary the size, so the
     * finite-size-scaling analysis does not analyse them one value at a time.
     */
    default List<String> linearSizeParameters() {
        return List.of();
    }

    /** The derived linear size at these parameters; empty when the model declares none. */
    default java.util.OptionalDouble linearSize(Params params) {
        return java.util.OptionalDouble.empty();
    }

    /**
     * Checks combinations of parameter values that single-parameter bounds cannot express.
     *
     * @throws InvalidParameterException naming the parameter to blame
     */
    default void validate(Params params) {
    }

    /** Units to discard and to measure; by default the {@code thermalization} and {@code sweeps} params. */
    default Schedule schedule(Params params) {
        return new Schedule(params.getLong("thermalization"), params.getLong("sweeps"));
    }

    /**
     * Builds the initial state from {@code rng}. A model without declared
     * {@link #disorderParameters()} draws any disorder from it too.
     */
    Model create(Params params, UniformRandomProvider rng);

    /**
     * Builds the initial state of a model with declared {@link #disorderParameters()}: the quenched
     * disorder comes from {@code disorder} only, everything else (initial configuration, dynamics)
     * from {@code rng}. By default the disorder stream is ignored, which is right for models
     * without declared disorder.
     */
    default Model create(Params params, UniformRandomProvider rng, UniformRandomProvider disorder) {
        return create(params, rng);
    }

    /**
     * The quenched disorder of one sample drawn from {@code disorder}, for a model whose sample is
     * large (a coupling matrix): parallel tempering draws it once per task and builds every ladder
     * member on it with {@link #create(Params, UniformRandomProvider, Object)}, so a ladder holds one
     * matrix, not one per member. Empty (the default): each member draws its own copy in
     * {@link #create(Params, UniformRandomProvider, UniformRandomProvider)}, from a fresh generator
     * of the same seed.
     */
    default java.util.Optional<Object> disorderSample(Params params, UniformRandomProvider disorder) {
        return java.util.Optional.empty();
    }

    /**
     * Builds the initial state on a sample from {@link #disorderSample}, read-only and shared with
     * the other members of a ladder; everything else from {@code rng}. Required when
     * {@link #disorderSample} is not empty.
     */
    default Model create(Params params, UniformRandomProvider rng, Object disorderSample) {
        throw new UnsupportedOperationException(name() + " draws no shared disorder sample");
    }

    /**
     * Bytes one replica holds at these parameters (its arrays; a rough upper bound is fine). With
     * the rows a task records, the framework compares it with an executor's memory before a sweep
     * starts, so a lattice too large for the machine is refused with numbers instead of failing
     * every task with an out-of-memory error.
     */
    long memoryBytes(Params params);

    /**
     * At most how many values a replica records per series observable: the size of its series,
     * checked before a sweep starts and enforced while it runs. By default one per measured unit.
     */
    default long seriesPoints(Params params) {
        return observables().stream().anyMatch(ObservableSpec::isSeries) ? schedule(params).measure() : 0;
    }

    /**
     * What is legal but doubtful about these parameters (a time step beyond the integrator's
     * stability range for this coupling, say): reported before the sweep and kept in its manifest.
     */
    default List<String> warnings(Params params) {
        return List.of();
    }

    /**
     * A parameter whose grid values one task covers together, e.g. the temperature ladder of
     * parallel tempering. Empty (the default) means each task covers a single grid point.
     */
    default Optional<String> ladderAxis() {
        return Optional.empty();
    }

    /**
     * Whether the framework runs a ladder task of this type by parallel tempering: one model per
     * member from {@link #create(Params, UniformRandomProvider, UniformRandomProvider)} (all members
     * with the same disorder), each a {@link TemperedModel}, exchanged between neighbouring members
     * of the {@link #ladderAxis()} after every unit (see
     * {@link ParallelTempering}). Such a type declares {@link ParallelTempering#SWAP_RATE_OBSERVABLE}
     * among its observables and does not override {@link #create(List, UniformRandomProvider)}.
     */
    default boolean parallelTempering() {
        return false;
    }

    /**
     * Builds the state of one task covering {@code members} (grid points that differ only in the
     * ladder axis, in grid order). Ladder models that simulate all members themselves override this;
     * the model records member k's observables into {@code recorder.member(k)}. Not used for
     * {@link #parallelTempering()} types.
     */
    default Model create(List<Params> members, UniformRandomProvider rng) {
        if (members.size() != 1) {
            throw new IllegalArgumentException(name() + " has no ladder axis; a task covers one point");
        }
        return create(members.get(0), rng);
    }

    /**
     * {@link #create(List, UniformRandomProvider)} with the disorder stream: every member sees the
     * same disorder, since the ladder axis is not a disorder parameter. A ladder type with declared
     * disorder that simulates its members itself overrides this.
     */
    default Model create(List<Params> members, UniformRandomProvider rng, UniformRandomProvider disorder) {
        if (disorderParameters().isEmpty()) {
            return create(members, rng);
        }
        if (ladderAxis().isPresent()) {
            throw new UnsupportedOperationException(name() + " declares disorder and a ladder axis:"
                    + " it overrides create(List, rng, disorder) or asks for parallel tempering");
        }
        if (members.size() != 1) {
            throw new IllegalArgumentException(name() + " has no ladder axis; a task covers one point");
        }
        return create(members.get(0), rng, disorder);
    }
}
