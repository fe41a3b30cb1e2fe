package io.phasesweep.model;

import io.phasesweep.stats.BinningAccumulator;
import io.phasesweep.stats.Estimate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one replica: builds the model from its seed, discards the equilibration units, then
 * measures after every unit and returns a binned estimate per observable. The same (type, params,
 * seed) always gives the same bits.
 */
public final class ReplicaRunner {

    /**
     * xoshiro256++ (Blackman and Vigna, 2021): period 2^256 - 1, passes BigCrush and PractRand,
     * fully specified, so a seed gives the same stream on every JVM. Its 256-bit state is filled
     * from the 64-bit replica seed by SplitMix64, the expansion its authors recommend.
     */
    public static final String RNG_ALGORITHM = "XoShiRo256PlusPlus (Commons RNG), SplitMix64-expanded seed";

    private ReplicaRunner() {
    }

    public static UniformRandomProvider rng(long seed) {
        SplitMix64 expand = new SplitMix64(seed);
        return new XoShiRo256PlusPlus(new long[]{expand.nextLong(), expand.nextLong(), expand.nextLong(), expand.nextLong()});
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
