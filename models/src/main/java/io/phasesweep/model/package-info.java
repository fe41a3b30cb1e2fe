/**
 * The model contract: what every simulation in phasesweep provides, and the one loop that runs it.
 *
 * <p>A {@link io.phasesweep.model.ModelType} describes a model (its parameters, observables and
 * derived quantities) and builds a {@link io.phasesweep.model.Model} from resolved
 * {@link io.phasesweep.model.Params} and a seeded random generator. Quenched disorder (random
 * couplings, fields, patterns, natural frequencies, graphs) is drawn inside {@code create}: from
 * that generator, so it is a function of the replica seed, unless the type declares the parameters
 * its disorder depends on ({@link io.phasesweep.model.ModelType#disorderParameters()}); then it
 * comes from a second generator seeded by those parameters and the replica only, and replica r
 * sees the same disorder at every temperature (and every other non-disorder parameter). Each type
 * states a {@link io.phasesweep.model.ModelType#version()}, bumped whenever its bits change. The
 * model advances in units (one
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
 * <p>Checkpoints: a {@link io.phasesweep.model.Model#checkpointable() checkpointable} model writes
 * its mutable state as primitives ({@code checkpoint}, {@code restore}, through
 * {@link io.phasesweep.state.StateWriter}/{@link io.phasesweep.state.StateReader}); the runner adds
 * the generator's state, the loop position and the recorders', and hands the bytes to a
 * {@link io.phasesweep.model.Checkpointer} the caller supplies (when, where). A task resumed from
 * its checkpoint gives the same bits as one never interrupted. Models that do not opt in always run
 * from the start.
 *
 * <p>Observables ({@link io.phasesweep.model.ObservableSpec}) come in four kinds:
 * <ul>
 *   <li>scalars, measured after every unit and binned within the replica (mean, binning error,
 *   tau_int);</li>
 *   <li>series, one value per declared time t, combined across replicas time by time; models whose
 *   state changes at random event times sample on common output times with
 *   {@link io.phasesweep.series.TimeGrid};</li>
 *   <li>once-per-replica values (final size, absorption or convergence time), usually recorded in
 *   {@code Model.finish}; exactly one per replica or the task fails. They have no within-replica
 *   error (stderr and tau_int NaN); a point's error is the spread over replicas / sqrt(R).</li>
 *   <li>histograms with declared {@link io.phasesweep.stats.Bins} (P(q), degree or cluster-size
 *   distributions): the model records values, in {@code measure} or {@code finish}, and the
 *   framework counts them, out-of-range values into underflow and overflow; NaN fails the task.
 *   Each replica's counts become a density (fractions per unit of x; in-range mass plus
 *   out-of-range fractions sum to 1); a point's density is the mean over replicas, its error the
 *   spread over replicas / sqrt(R).</li>
 * </ul>
 *
 * <p>Ladder tasks: a type with a {@link io.phasesweep.model.ModelType#ladderAxis()} receives every
 * grid value of that axis (a temperature ladder) in one task and records member k into
 * {@code recorder.member(k)}. Either it simulates all members itself
 * ({@code create(List<Params>, rng)}), or it asks for parallel tempering
 * ({@link io.phasesweep.model.ModelType#parallelTempering()}) and the framework runs one
 * {@link io.phasesweep.model.TemperedModel} per member ({@link io.phasesweep.model.ParallelTempering}).
 *
 * <p>Parallel tempering (replica exchange; Swendsen and Wang, Phys. Rev. Lett. 57, 2607 (1986);
 * Hukushima and Nemoto, J. Phys. Soc. Jpn. 65, 1604 (1996)). Member k samples the weight
 * w(x; p_k) of its parameters p_k (for Boltzmann weights, exp(-E(x)/T_k)). After every unit the
 * framework proposes to exchange the configurations x_a at member i and x_b at member i + 1,
 * alternating the pairs (0, 1), (2, 3), ... and (1, 2), (3, 4), ... between units, and accepts with
 * probability
 * <pre>
 *   min(1, exp(r_a + r_b)),  r_a = log[w(x_a; p_{i+1}) / w(x_a; p_i)],  r_b = log[w(x_b; p_i) / w(x_b; p_{i+1})],
 * </pre>
 * which for temperatures is min(1, exp[(1/T_i - 1/T_{i+1})(E_a - E_b)]). This is detailed balance
 * for the product weight w(x_0; p_0) ... w(x_{n-1}; p_{n-1}), so every member still samples its own
 * distribution while configurations travel along the ladder and escape the low-temperature traps a
 * local update alone cannot. A model supplies only the log-weight ratio and how to change its
 * parameters ({@link io.phasesweep.model.TemperedModel}); the framework draws the decisions from a
 * stream of their own and records the swap acceptance per member as the scalar observable
 * {@code swap_rate} ({@link io.phasesweep.model.ParallelTempering#SWAP_RATE}).
 */
package io.phasesweep.model;
