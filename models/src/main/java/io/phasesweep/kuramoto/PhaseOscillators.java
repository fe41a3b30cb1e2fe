package io.phasesweep.kuramoto;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.ode.FixedStepDriver;
import io.phasesweep.ode.StochasticSystem;
import io.phasesweep.oscillator.Phases;
import io.phasesweep.oscillator.RunSettings;
import io.phasesweep.oscillator.ScheduledRun;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * What {@link KuramotoChain} and {@link KuramotoSquareLattice} share apart from their graph: N
 * phases with quenched frequencies and coupling function Gamma(phi) = a sin(phi) + b (1 - cos(phi)),
 * one 2 pi sheet per bond, the integrator and the {@link ScheduledRun}, and the {@link Model} and
 * {@link StochasticSystem} methods that only delegate to them, and the measurements common to
 * both. The drift, the slip count and any measurement of the graph's own are the subclass's
 * (final classes, so the step has no megamorphic calls). Arrays are preallocated; nothing is
 * allocated per step.
 */
abstract class PhaseOscillators implements Model, StochasticSystem {
    static final String ORDER_PARAMETER = Phases.ORDER_PARAMETER;
    static final String SLIP_RATE = ScheduledRun.SLIP_RATE;
    static final String WIDTH = Phases.WIDTH;
    static final String LOCKED_FRACTION = ScheduledRun.LOCKED_FRACTION;

    final int n;
    final double coupling;
    final double a;
    final double b;
    private final double diffusion;
    final double[] omega;
    final double[] theta;
    /** Each bond's 2 pi sheet, in the subclass's bond order. */
    final long[] branch;
    private final FixedStepDriver<StochasticSystem> driver;
    /** The schedule, the time, the slip counters and the sheets at the end of the transient. */
    final ScheduledRun run;

    /**
     * Draws the frequencies, then the start (so the frequencies depend on the seed alone); the
     * step's noise continues the Gaussian stream that drew the frequencies. The subclass then reads
     * the bonds' sheets, {@link #resetBranches()}.
     *
     * @param bonds how many bonds the graph has
     * @param a     Gamma(phi) = a sin(phi) + b (1 - cos(phi))
     * @param b     see {@code a}
     */
    PhaseOscillators(int n, int bonds, double coupling, double a, double b, RunSettings settings, UniformRandomProvider rng) {
        this.n = n;
        this.coupling = coupling;
        this.a = a;
        this.b = b;
        this.diffusion = settings.diffusion();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.omega = Phases.naturalFrequencies(n, settings.sigma(), gauss);
        this.theta = new double[n];
        Phases.start(settings.start(), theta, rng);
        this.driver = new FixedStepDriver<>(this, settings.integrator().create(n, gauss), settings.dt(), (time, y) -> countSlips());
        this.branch = new long[bonds];
        this.run = new ScheduledRun(settings.schedule(), branch);
    }

    /** After every step: re-reads every bond's sheet and adds the changes to the run's slips. */
    abstract void countSlips();

    /** Re-reads every bond's sheet from the phases and takes them as the locking reference. */
    abstract void resetBranches();

    /** Which 2 pi sheet a neighbour difference is on; a change is a phase slip. */
    static long branchOf(double phi) {
        return (long) Math.floor((phi + Math.PI) / (2 * Math.PI));
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /**
     * Phases, then the run's sheets, time, next output time and slip counters. The frequencies are
     * quenched disorder, rebuilt from the seed; the integrators' buffers are scratch, overwritten by
     * every step; the Gaussian sampler keeps no state besides the generator the framework saves.
     */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(theta);
        run.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(theta);
        run.restore(in);
    }

    @Override
    public void advance() {
        run.advance(driver, theta);
    }

    /** Advances {@code count} steps of dt, counting slips, without measuring: the kernel alone, for benchmarks. */
    public void steps(int count) {
        run.steps(driver, theta, count);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double diffusion() {
        return diffusion;
    }

    /**
     * The width when its time comes; the order parameter, the slip rate per bond, the subclass's
     * {@link #recordGraphScalars} and, the last time, the locked fraction of the bonds when the
     * scalars' does.
     */
    @Override
    public void measure(Recorder out) {
        if (run.seriesDue()) {
            out.series(WIDTH, run.time(), width());
        }
        if (run.scalarsDue()) {
            out.record(ORDER_PARAMETER, orderParameter());
            out.record(SLIP_RATE, run.slipRate());
            recordGraphScalars(out);
            if (run.lastScalars()) {
                out.record(LOCKED_FRACTION, lockedFraction());
            }
        }
    }

    /** The scalars of the subclass's graph, after the slip rate at every scalar measurement; none by default. */
    void recordGraphScalars(Recorder out) {
    }

    /** W = sqrt(mean (theta_i - mean theta)^2), the interface width. */
    double width() {
        return Phases.width(theta);
    }

    double orderParameter() {
        return Phases.orderParameter(theta);
    }

    /**
     * Fraction of bonds with no net phase slip between the end of the transient and now: their two
     * oscillators' mean frequencies agree to better than 2 pi / (time since the transient).
     */
    double lockedFraction() {
        return run.lockedFraction();
    }

    double time() {
        return run.time();
    }

    long slips() {
        return run.slips();
    }

    double[] frequencies() {
        return omega.clone();
    }
}
