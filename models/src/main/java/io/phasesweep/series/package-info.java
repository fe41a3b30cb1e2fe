/**
 * Time series of event-driven models on declared output times.
 *
 * <p>A Gillespie simulation (Gillespie, J. Phys. Chem. 81, 2340 (1977)) changes state at random
 * event times, different in every replica; replicas' series can only be averaged time by time if
 * each is sampled at the same output times. Between events the state is constant, so the value at
 * an output time t is the value after the last event at or before t (sample and hold), and after
 * an absorbing state is reached it is the absorbing value at every later output time.
 * {@link io.phasesweep.series.TimeGrid} does this bookkeeping without allocating per event.
 */
package io.phasesweep.series;
