package io.phasesweep.model;

import io.phasesweep.stats.Bins;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;

/**
 * Test-only model with exactly known distributions: {@link #SPINS} independent Ising spins in a
 * field h at temperature T. Every sweep redraws each spin from its Boltzmann weight (heat bath),
 * so successive configurations are independent: spin up with p = e^{h/T} / (2 cosh(h/T)), the
 * number of up spins k ~ Binomial(N, p), m = (2k - N) / N. Records m as a scalar and as a
 * histogram after every sweep (one bin per value of m), and the final spins as a histogram in
 * {@code finish} (N values per replica, one bin per sign).
 */
public final class IndependentSpinsType implements ModelType {
    public static final IndependentSpinsType INSTANCE = new IndependentSpinsType();
    public static final int SPINS = 8;
    static final String MAGNETIZATION = "magnetization";
    static final String DISTRIBUTION = "magnetization_distribution";
    static final String FINAL_SPINS = "final_spins";
    /** One bin of width 2/N centred on each of the N + 1 values of m. */
    static final Bins M_BINS = Bins.uniform(-1 - 1.0 / SPINS, 1 + 1.0 / SPINS, SPINS + 1);
    /** [-1.5, 0) holds the down spins, [0, 1.5) the up spins. */
    static final Bins SPIN_BINS = Bins.edges(-1.5, 0, 1.5);

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public IndependentSpinsType() {
    }

    /** Probability that a spin points up, e^{h/T} / (2 cosh(h/T)). */
    public static double upProbability(double h, double t) {
        return 1 / (1 + Math.exp(-2 * h / t));
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String name() {
        return "test-independent-spins";
    }

    @Override
    public String description() {
        return "test only: independent spins in a field, with histogram observables";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("T", 2.0, "sweeps", 100L);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("T", null, "temperature"),
                ParamSpec.real("h", 1.0, "field"),
                ParamSpec.count("sweeps", 1_000L, 1, "measured sweeps"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of(MAGNETIZATION, "magnetisation per spin m"),
                ObservableSpec.histogram(DISTRIBUTION, "distribution of m, one bin per value", M_BINS),
                ObservableSpec.histogram(FINAL_SPINS, "the spins of the last configuration", SPIN_BINS));
    }

    @Override
    public Schedule schedule(Params p) {
        return new Schedule(0, p.getLong("sweeps"));
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        double up = upProbability(p.getDouble("h"), p.getDouble("T"));
        return new Model() {
            private final byte[] spin = new byte[SPINS];
            private int magnetisation;

            @Override
            public void advance() {
                magnetisation = 0;
                for (int i = 0; i < SPINS; i++) {
                    spin[i] = rng.nextDouble() < up ? (byte) 1 : (byte) -1;
                    magnetisation += spin[i];
                }
            }

            @Override
            public void measure(Recorder out) {
                double m = (double) magnetisation / SPINS;
                out.record(MAGNETIZATION, m);
                out.record(DISTRIBUTION, m);
            }

            @Override
            public void finish(Recorder out) {
                for (byte s : spin) {
                    out.record(FINAL_SPINS, s);
                }
            }

            // Checkpointable, so the contract test also resumes a task with histograms under way.
            @Override
            public boolean checkpointable() {
                return true;
            }

            @Override
            public void checkpoint(io.phasesweep.state.StateWriter out) {
                out.bytes(spin).writeInt(magnetisation);
            }

            @Override
            public void restore(io.phasesweep.state.StateReader in) {
                in.bytes(spin);
                magnetisation = in.readInt();
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return SPINS;
    }
}
