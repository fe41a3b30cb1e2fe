/**
 * The model contract: what every simulation in phasesweep provides, and the one loop that runs it.
 *
 * <p>A {@link io.phasesweep.model.ModelType} describes a model (its parameters, observables and
 * derived quantities) and builds a {@link io.phasesweep.model.Model} from resolved
 * {@link io.phasesweep.model.Params} and a seeded random generator. Quenched disorder (random
 * couplings, patterns, natural frequencies, graphs) is drawn from that generator inside
 * {@code create}, so it is a function of the replica seed alone. The model advances in units (one
 * Monte Carlo sweep, or one output interval of an integrator) and records named scalar observables
 * into a {@link io.phasesweep.model.Recorder}; the framework owns thermalisation, binning and error
 * estimation ({@link io.phasesweep.model.ReplicaRunner}). Derived quantities (Binder cumulant,
 * susceptibility, ...) are functions of observable means, evaluated after replicas are pooled.
 *
 * <p>Planned extensions keep this shape: time series ({@code Recorder.series(name, t, value)}) for
 * interface growth, and ladder tasks (a parallel-tempering model receiving every temperature of one
 * axis in a single task and recording per ladder member).
 */
package io.phasesweep.model;
