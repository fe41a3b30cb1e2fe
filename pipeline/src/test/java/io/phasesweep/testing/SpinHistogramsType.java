package io.phasesweep.testing;

import io.phasesweep.model.Model;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.model.Recorder;
import io.phasesweep.model.Schedule;
import io.phasesweep.stats.Bins;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;

/**
 * Test-only model with histogram observables of exactly known distributions (as
 * {@code IndependentSpinsType} in the models tests): {@link #SPINS} independent spins in a field h
 * at temperature T, all redrawn every sweep, so k up spins ~ Binomial(N, p) independently per
 * sweep with p = 1 / (1 + e^{-2h/T}). Records m = (2k - N) / N after every sweep (scalar and
 * histogram, one bin per value) and the last configuration's spins in {@code finish}.
 * {@code fault = nan} records NaN into the histogram: the task must fail.
 */
public final class SpinHistogramsType implements ModelType {
    public static final int SPINS = 8;
    public static final String DISTRIBUTION = "magnetization_distribution";
    public static final String FINAL_SPINS = "final_spins";
    public static final Bins M_BINS = Bins.uniform(-1 - 1.0 / SPINS, 1 + 1.0 / SPINS, SPINS + 1);
    public static final Bins SPIN_BINS = Bins.edges(-1.5, 0, 1.5);

    public static double upProbability(double h, double t) {
        return 1 / (1 + Math.exp(-2 * h / t));
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String name() {
        return "test-spin-histograms";
    }

    @Override
    public String description() {
        return "test only: independent spins with histogram observables";
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("T", 2.0, "sweeps", 100L);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive("T", null, "temperature"),
                ParamSpec.real("h", 1.0, "field"),
                ParamSpec.count("sweeps", 1_000L, 1, "measured sweeps"),
                ParamSpec.choice("fault", "none", "injected fault", "none", "nan"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(ObservableSpec.of("magnetization", "magnetisation per spin m"),
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
        boolean nan = p.getString("fault").equals("nan");
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
                out.record("magnetization", m);
                out.record(DISTRIBUTION, nan ? Double.NaN : m);
            }

            @Override
            public void finish(Recorder out) {
                for (byte s : spin) {
                    out.record(FINAL_SPINS, s);
                }
            }
        };
    }

    @Override
    public long memoryBytes(Params p) {
        return SPINS;
    }
}
