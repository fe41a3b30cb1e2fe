package io.phasesweep.model;

import io.phasesweep.stats.BinningAccumulator;
import io.phasesweep.stats.Estimate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs one replica: builds the model from its seed, discards the equilibration units, then
 * measures after every unit and returns a binned estimate per observable. The same (type, params,
 * seed) always gives the same bits.
 */
public final class ReplicaRunner {

    /**
     * LXM generator (Steele and Vigna, 2021): a 64-bit LCG mixed with xoroshiro128; passes
     * BigCrush/PractRand and is fully specified, so streams are the same on every JVM.
     */
    public static final String RNG_ALGORITHM = "L64X128MixRandom";

    private ReplicaRunner() {
    }

    public static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of(RNG_ALGORITHM).create(seed);
    }

    /** Observable name → estimate (mean, binning error, tau_int), in the spec's order. */
    public static Map<String, Estimate> run(ModelType type, Params params, long seed) {
        Model model = type.create(params, rng(seed));
        Schedule schedule = type.schedule(params);
        for (long i = 0; i < schedule.discard(); i++) {
            model.advance();
        }
        model.startMeasuring();
        Map<String, BinningAccumulator> acc = new HashMap<>();
        for (ObservableSpec o : type.observables()) {
            acc.put(o.name(), new BinningAccumulator());
        }
        Recorder recorder = (name, value) -> {
            BinningAccumulator a = acc.get(name);
            if (a == null) {
                throw new IllegalStateException(type.name() + " recorded undeclared observable '" + name + "'");
            }
            a.add(value);
        };
        for (long i = 0; i < schedule.measure(); i++) {
            model.advance();
            model.measure(recorder);
        }
        Map<String, Estimate> result = new LinkedHashMap<>();
        for (ObservableSpec o : type.observables()) {
            result.put(o.name(), acc.get(o.name()).estimate());
        }
        return result;
    }
}
