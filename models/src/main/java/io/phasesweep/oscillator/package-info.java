/**
 * What the oscillator models ({@code kuramoto1d}, {@code kuramoto2d}, {@code stuart_landau1d})
 * share besides their kernels: the measurement schedule of a growing phase interface (log-spaced
 * times for its width, an even grid after the transient for the scalars), one replica's progress
 * through it with the phase-slip and locking bookkeeping and their checkpoint, the parameters and
 * checks of integration and schedule, and the start and measurement of a phase field.
 *
 * <p>Only the per-run and per-measurement bookkeeping lives here; each model keeps its own drift
 * and slip-counting loops, so the step has no shared virtual calls. The pieces are used by
 * composition: a model holds a {@link io.phasesweep.oscillator.ScheduledRun}, its type builds a
 * {@link io.phasesweep.oscillator.MeasurementSchedule} from the parameters.
 */
package io.phasesweep.oscillator;
