package io.phasesweep.model;

import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only tempering model with exact averages: N independent Ising spins in a field h at
 * temperature T (an ideal paramagnet), E = -h sum s_i, so per spin &lt;m&gt; = tanh(h/T) and
 * &lt;e&gt; = -h tanh(h/T). Metropolis single-spin updates; T is the parallel-tempering ladder.
 */
public final class ParamagnetType implements ModelType {
    public static final ParamagnetType INSTANCE = new ParamagnetType();

    static final String ENERGY = "energy";
    static final String MAGNETIZATION = "magnetization";

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public ParamagnetType() {
    }

    @Override
    public String name() {
        return "test-paramagnet";
    }

    @Override
    public String description() {
        return "test only: independent spins in a field, tempered over T";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 8, "T", 1.5, "sweeps", 200L, "thermalization", 10L);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("N", 16, 1, "number of spins"),
                ParamSpec.positive("T", null, "temperature"),
                ParamSpec.real("h", 1.0, "field"),
                ParamSpec.count("sweeps", 1_000L, 1, "measured sweeps"),
                ParamSpec.count("thermalization", 100L, 0, "discarded sweeps"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of(ENERGY, "energy per spin e = -h m"),
                ObservableSpec.of(MAGNETIZATION, "magnetisation per spin m"),
                ParallelTempering.SWAP_RATE_OBSERVABLE);
    }

    @Override
    public Optional<String> ladderAxis() {
        return Optional.of("T");
    }

    @Override
    public boolean parallelTempering() {
        return true;
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        return new Paramagnet(p.getInt("N"), p.getDouble("T"), p.getDouble("h"), rng);
    }

    /** The spins of one configuration; the magnetisation is kept up to date, so both hooks are O(1). */
    static final class Paramagnet implements TemperedModel {
        private final byte[] spin;
        private final double field;
        private final UniformRandomProvider rng;
        /** threshold[(s + 1) / 2]: Metropolis acceptance min(1, exp(-2 h s / T)) of flipping s. */
        private final long[] threshold = new long[2];
        private double temperature;
        private int magnetisation;

        Paramagnet(int spins, double temperature, double field, UniformRandomProvider rng) {
            this.spin = new byte[spins];
            this.field = field;
            this.rng = rng;
            for (int i = 0; i < spins; i++) {
                spin[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
                magnetisation += spin[i];
            }
            setTemperature(temperature);
        }

        private void setTemperature(double t) {
            temperature = t;
            for (int s = -1; s <= 1; s += 2) {
                double dE = 2.0 * field * s;
                threshold[(s + 1) / 2] = UniformThreshold.of(dE <= 0 ? 1.0 : StrictMath.exp(-dE / t));
            }
        }

        @Override
        public void advance() {
            for (int i = 0; i < spin.length; i++) {
                int s = spin[i];
                long t = threshold[(s + 1) / 2];
                if (t == UniformThreshold.CERTAIN || UniformThreshold.below(rng, t)) {
                    spin[i] = (byte) -s;
                    magnetisation -= 2 * s;
                }
            }
        }

        private double energy() {
            return -field * magnetisation;
        }

        @Override
        public double logWeightRatio(Params to) {
            return -(1.0 / to.getDouble("T") - 1.0 / temperature) * energy();
        }

        @Override
        public void moveTo(Params to) {
            setTemperature(to.getDouble("T"));
        }

        @Override
        public boolean checkpointable() {
            return true;
        }

        /** The spins and the temperature, which exchanges change. */
        @Override
        public void checkpoint(StateWriter out) {
            out.bytes(spin).writeDouble(temperature).writeInt(magnetisation);
        }

        @Override
        public void restore(StateReader in) {
            in.bytes(spin);
            setTemperature(in.readDouble());
            magnetisation = in.readInt();
        }

        @Override
        public void measure(Recorder out) {
            double m = (double) magnetisation / spin.length;
            out.record(ENERGY, -field * m);
            out.record(MAGNETIZATION, m);
        }
    }

    /** N spins as bytes. */
    @Override
    public long memoryBytes(Params p) {
        return p.getInt("N");
    }
}
