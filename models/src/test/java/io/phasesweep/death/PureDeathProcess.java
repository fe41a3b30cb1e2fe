package io.phasesweep.death;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.series.TimeGrid;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * N particles, each dying independently at rate gamma, simulated event by event (Gillespie): one
 * unit is one death. Absorbing at zero particles, where the run is done.
 */
final class PureDeathProcess implements Model {
    private final double gamma;
    private final UniformRandomProvider rng;
    private final TimeGrid grid;
    private final String fault;
    private int alive;
    private double clock;

    PureDeathProcess(int n, double gamma, TimeGrid grid, String fault, UniformRandomProvider rng) {
        this.alive = n;
        this.gamma = gamma;
        this.grid = grid;
        this.fault = fault;
        this.rng = rng;
    }

    @Override
    public void advance() {
        if (alive == 0) {
            throw new IllegalStateException("advanced past extinction");
        }
        // With n alive the next death is the first of n exponential clocks: rate n * gamma.
        // 1 - u lies in (0, 1], so the logarithm is finite.
        double next = clock - Math.log(1 - rng.nextDouble()) / (alive * gamma);
        grid.holdUntil(next, alive);
        clock = next;
        alive--;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    @Override
    public void checkpoint(StateWriter out) {
        out.writeInt(alive).writeDouble(clock);
        grid.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        alive = in.readInt();
        clock = in.readDouble();
        grid.restore(in);
    }

    @Override
    public void measure(Recorder out) {
        out.record(PureDeathProcessType.ALIVE, alive);
    }

    @Override
    public boolean done() {
        return alive == 0;
    }

    @Override
    public void finish(Recorder out) {
        // Censored runs (the cap came first) have no extinction time.
        double extinction = done() ? clock : Double.NaN;
        switch (fault) {
            case "once_twice" -> {
                out.record(PureDeathProcessType.EXTINCTION_TIME, extinction);
                out.record(PureDeathProcessType.EXTINCTION_TIME, extinction);
            }
            case "once_never" -> {
            }
            case "scalar_in_finish" -> {
                out.record(PureDeathProcessType.EXTINCTION_TIME, extinction);
                out.record(PureDeathProcessType.ALIVE, alive);
            }
            default -> out.record(PureDeathProcessType.EXTINCTION_TIME, extinction);
        }
        if (done()) {
            grid.holdForever(alive);
        }
        grid.recordTo(out, PureDeathProcessType.ALIVE_AT);
    }
}
