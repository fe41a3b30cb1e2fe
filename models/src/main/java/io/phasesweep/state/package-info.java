/**
 * A model's state as bytes, for checkpoints: {@link io.phasesweep.state.StateWriter} and
 * {@link io.phasesweep.state.StateReader} write and read primitives and primitive arrays in memory
 * (big-endian, arrays with their length). Kept apart from {@code model} so that everything holding
 * state (models, the binning accumulators of {@code stats}, cluster counters) can use it without
 * depending on the model contract. No files here: callers decide where the bytes go.
 */
package io.phasesweep.state;
