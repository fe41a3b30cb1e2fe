/**
 * The model contract: what every simulation in phasesweep provides, and the one loop that runs it.
 *
 * <p>A {@link io.phasesweep.model.ModelType} describes a model (its parameters, observables and
 * derived quantities) and builds a {@link io.phasesweep.model.Model} from resolved
 * {@link io.phasesweep.model.Params} and a seeded random generator. Quenched disorder (random
 * couplings, patterns, natural frequencies, graphs) is drawn from that generator inside
 * {@code create}, so it is a function of the replica seed alone. The model advances in units (one
 * Monte Carlo sweep, one output interval of an integrator, one event of a Gillespie simulation)
 * and records named observables into a {@link io.phasesweep.model.Recorder}; the framework owns
 * thermalisation, binning and error estimation ({@link io.phasesweep.model.ReplicaRunner}).
 * Derived quantities (Binder cumulant, susceptibility, ...) are functions of observable means,
 * evaluated after replicas are pooled.
 *
 * <p>The loop: discard {@code Schedule.discard} units, {@code startMeasuring()}, then advance and
 * {@code measure} {@code Schedule.measure} times, then {@code finish} once. An until-done
 * {@link io.phasesweep.model.Schedule} ends as soon as {@code Model.done()} (an absorbing state, an
 * extinct epidemic, a fixed point), with {@code measure} as a cap; {@code done()} is asked during
 * equilibration too, and a model done before measuring gets one measurement of its done state.
 * Fixed schedules never ask it.
 *
 * <p>Observables ({@link io.phasesweep.model.ObservableSpec}) come in three kinds:
 * <ul>
 *   <li>scalars, measured after every unit and binned within the replica (mean, binning error,
 *   tau_int);</li>
 *   <li>series, one value per declared time t, combined across replicas time by time; models whose
 *   state changes at random event times sample on common output times with
 *   {@link io.phasesweep.series.TimeGrid};</li>
 *   <li>once-per-replica values (final size, absorption or convergence time), usually recorded in
 *   {@code Model.finish}; exactly one per replica or the task fails. They have no within-replica
 *   error (stderr and tau_int NaN); a point's error is the spread over replicas / sqrt(R).</li>
 * </ul>
 *
 * <p>Ladder tasks (a parallel-tempering model receiving every temperature of one axis in a single
 * task) record per ladder member through {@code Recorder.member(k)}.
 */
package io.phasesweep.model;
