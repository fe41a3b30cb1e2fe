package io.phasesweep.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.util.List;
import java.util.Map;

/**
 * Test-only model with quenched disorder and an exact answer: N independent Ising spins, spin i
 * in its own random field h_i ~ N(0, sigma_h^2), E = -sum h_i s_i, at temperature T. The fields
 * are the disorder (they depend on N and sigma_h, not on T) and come from the disorder stream;
 * heat-bath updates (every spin redrawn from its Boltzmann weight each sweep) come from the thermal
 * stream. For one sample of fields, &lt;m&gt; = mean_i tanh(h_i / T) exactly. {@link #TEMPERED}
 * is the same model with T as a parallel-tempering ladder.
 */
public class RandomFieldParamagnetType implements ModelType {
    public static final RandomFieldParamagnetType INSTANCE = new RandomFieldParamagnetType();
    public static final RandomFieldParamagnetType TEMPERED = new Tempered();

    static final String MAGNETIZATION = "magnetization";
    /** mean_i h_i: a fingerprint of the disorder sample. */
    static final String MEAN_FIELD = "mean_field";
    /** mean_i tanh(h_i / T): the exact thermal average of m for this sample. */
    static final String EXACT_MAGNETIZATION = "exact_magnetization";

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE} elsewhere. */
    public RandomFieldParamagnetType() {
    }

    @Override
    public String name() {
        return "test-random-field";
    }

    @Override
    public String description() {
        return "test only: independent spins in quenched random fields";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("N", 8, "T", 1.0, "sweeps", 200L, "thermalization", 10L);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("N", 16, 1, "number of spins"),
                ParamSpec.positive("T", null, "temperature"),
                ParamSpec.positive("sigma_h", 1.0, "standard deviation of the random fields"),
                ParamSpec.count("sweeps", 1_000L, 1, "measured sweeps"),
                ParamSpec.count("thermalization", 100L, 0, "discarded sweeps"));
    }

    @Override
    public List<String> disorderParameters() {
        return List.of("N", "sigma_h");
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of(MAGNETIZATION, "magnetisation per spin m"),
                ObservableSpec.once(MEAN_FIELD, "mean of the quenched fields"),
                ObservableSpec.once(EXACT_MAGNETIZATION, "exact <m> for this sample of fields"));
    }

    /** The same spins tempered over a T ladder. */
    public static class Tempered extends RandomFieldParamagnetType {
        @Override
        public String name() {
            return "test-random-field-tempered";
        }

        @Override
        public List<ObservableSpec> observables() {
            List<ObservableSpec> o = new java.util.ArrayList<>(super.observables());
            o.add(ParallelTempering.SWAP_RATE_OBSERVABLE);
            return o;
        }

        @Override
        public java.util.Optional<String> ladderAxis() {
            return java.util.Optional.of("T");
        }

        @Override
        public boolean parallelTempering() {
            return true;
        }
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng) {
        throw new IllegalStateException(name() + " draws its fields from a disorder stream");
    }

    @Override
    public Model create(Params p, UniformRandomProvider rng, UniformRandomProvider disorder) {
        return new RandomFieldParamagnet(drawFields(p, disorder), p.getDouble("T"), rng);
    }

    /** The N quenched fields, Gaussian with standard deviation sigma_h, from the disorder stream. */
    static double[] drawFields(Params p, UniformRandomProvider disorder) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(disorder);
        double[] field = new double[p.getInt("N")];
        for (int i = 0; i < field.length; i++) {
            field[i] = p.getDouble("sigma_h") * gauss.sample();
        }
        return field;
    }

    @Override
    public long memoryBytes(Params p) {
        return 17L * p.getInt("N");
    }

    static final class RandomFieldParamagnet implements TemperedModel {
        private final double[] field;
        private double temperature;
        /** Heat bath: P(s_i = +1) = 1 / (1 + exp(-2 h_i / T)), as a threshold per spin. */
        private final long[] upThreshold;
        private final byte[] spin;
        private final UniformRandomProvider rng;
        private int magnetisation;

        RandomFieldParamagnet(double[] field, double temperature, UniformRandomProvider rng) {
            this.field = field;
            this.temperature = temperature;
            this.rng = rng;
            this.upThreshold = new long[field.length];
            this.spin = new byte[field.length];
            for (int i = 0; i < field.length; i++) {
                spin[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
                magnetisation += spin[i];
            }
            setTemperature(temperature);
        }

        private void setTemperature(double t) {
            temperature = t;
            for (int i = 0; i < field.length; i++) {
                upThreshold[i] = UniformThreshold.of(1.0 / (1.0 + StrictMath.exp(-2.0 * field[i] / t)));
            }
        }

        @Override
        public double logWeightRatio(Params to) {
            double energy = 0;
            for (int i = 0; i < field.length; i++) {
                energy -= field[i] * spin[i];
            }
            return -(1.0 / to.getDouble("T") - 1.0 / temperature) * energy;
        }

        @Override
        public void moveTo(Params to) {
            setTemperature(to.getDouble("T"));
        }

        @Override
        public void advance() {
            for (int i = 0; i < spin.length; i++) {
                byte s = UniformThreshold.below(rng, upThreshold[i]) ? (byte) 1 : (byte) -1;
                magnetisation += s - spin[i];
                spin[i] = s;
            }
        }

        @Override
        public void measure(Recorder out) {
            out.record(MAGNETIZATION, (double) magnetisation / spin.length);
        }

        // Checkpointable: a resumed task rebuilds the same fields from the disorder seed.
        @Override
        public boolean checkpointable() {
            return true;
        }

        @Override
        public void checkpoint(io.phasesweep.state.StateWriter out) {
            out.bytes(spin).writeDouble(temperature).writeInt(magnetisation);
        }

        @Override
        public void restore(io.phasesweep.state.StateReader in) {
            in.bytes(spin);
            setTemperature(in.readDouble());
            magnetisation = in.readInt();
        }

        @Override
        public void finish(Recorder out) {
            double sum = 0;
            double exact = 0;
            for (double h : field) {
                sum += h;
                exact += StrictMath.tanh(h / temperature);
            }
            out.record(MEAN_FIELD, sum / field.length);
            out.record(EXACT_MAGNETIZATION, exact / field.length);
        }
    }
}
