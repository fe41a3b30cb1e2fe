package io.phasesweep.model;

import io.phasesweep.stats.BinningAccumulator;
import io.phasesweep.stats.Estimate;
import io.phasesweep.stats.Histogram;
import io.phasesweep.stats.HistogramAccumulator;
import io.phasesweep.stats.Jackknife;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one task: builds the model from its seed, discards the equilibration units, then
 * measures after every unit (until the model is done, for an until-done {@link Schedule}), lets
 * the model finish, and returns a binned estimate per scalar observable, the value of each
 * once-per-replica observable, the recorded series and the counts of each histogram. The same (type, params, seed) always gives
 * the same bits. A ladder task of a {@link ModelType#parallelTempering()} type runs as
 * {@link ParallelTempering}, through the same loop.
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

    /** Scalar estimates of an ordinary (single-point) task, in the spec's order. */
    public static Map<String, Estimate> run(ModelType type, Params params, long seed) {
        return run(type, List.of(params), seed).members().get(0).scalars();
    }

    /**
     * "DISORDER" in ASCII. Where no disorder seed is given, a type with declared disorder draws it
     * from the seed XOR this constant: a stream of its own, still a function of the seed alone.
     */
    public static final long DISORDER_STREAM = 0x4449_534F_5244_4552L;

    /**
     * A task with one seed for everything: a type with declared disorder gets its disorder stream
     * from {@code seed ^} {@link #DISORDER_STREAM}. Types without declared disorder never read it.
     */
    public static TaskResult run(ModelType type, List<Params> members, long seed) {
        return run(type, members, seed, seed ^ DISORDER_STREAM);
    }

    /**
     * A task whose quenched disorder comes from {@code disorderSeed} (see
     * {@link ModelType#disorderParameters()}) and everything else from {@code seed}; types without
     * declared disorder ignore the disorder seed.
     */
    public static TaskResult run(ModelType type, List<Params> members, long seed, long disorderSeed) {
        Model model = type.parallelTempering()
                ? ParallelTempering.create(type, members, seed, disorderSeed)
                : type.create(members, rng(seed), rng(disorderSeed));
        List<MemberRecorder> recorders = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            recorders.add(new MemberRecorder(type, members.get(k), recorders, type.seriesPoints(members.get(k))));
        }
        drive(type, model, type.schedule(members.get(0)), recorders.get(0));
        List<TaskResult.Member> results = new ArrayList<>();
        for (MemberRecorder r : recorders) {
            results.add(r.result());
        }
        return new TaskResult(results);
    }

    /**
     * The loop every task runs, as {@link Schedule} describes it: discard, {@code startMeasuring},
     * measure after every unit (until done, for an until-done schedule), then {@code finish}, whose
     * scalars are rejected. Package-private so the contract tests drive models exactly as tasks do.
     */
    static void drive(ModelType type, Model model, Schedule schedule, Recorder out) {
        boolean untilDone = schedule.untilDone();
        for (long i = 0; i < schedule.discard() && !(untilDone && model.done()); i++) {
            model.advance();
        }
        model.startMeasuring();
        if (untilDone && model.done()) {
            // Done during equilibration: one measurement of the done state, never a unit past it.
            model.measure(out);
        } else {
            for (long i = 0; i < schedule.measure(); i++) {
                model.advance();
                model.measure(out);
                if (untilDone && model.done()) {
                    break;
                }
            }
        }
        model.finish(new FinishRecorder(type, out));
    }

    /** What {@link Model#finish} records into: once observables, histograms and series pass, scalars are refused. */
    private record FinishRecorder(ModelType type, Recorder out) implements Recorder {
        @Override
        public void record(String observable, double value) {
            boolean scalar = type.observables().stream()
                    .anyMatch(o -> o.name().equals(observable) && o.kind() == ObservableSpec.Kind.SCALAR);
            if (scalar) {
                throw new IllegalStateException(type.name() + " recorded scalar '" + observable + "' in finish():"
                        + " scalars are measured after units; declare it ObservableSpec.once to record it at the end");
            }
            out.record(observable, value);
        }

        @Override
        public void series(String observable, double t, double value) {
            out.series(observable, t, value);
        }

        @Override
        public Recorder member(int k) {
            return new FinishRecorder(type, out.member(k));
        }
    }

    /** Bins scalars, keeps once-per-replica values, counts histograms and collects series for one ladder member. */
    private static final class MemberRecorder implements Recorder {
        private final ModelType type;
        private final Params params;
        private final List<MemberRecorder> all;
        private final Map<String, BinningAccumulator> scalars = new HashMap<>();
        private final Set<String> onceNames = new HashSet<>();
        private final Map<String, HistogramAccumulator> histograms = new HashMap<>();
        private final Map<String, Double> onceValues = new HashMap<>();
        private final Set<String> seriesNames = new HashSet<>();
        private final List<TaskResult.SeriesPoint> series = new ArrayList<>();
        private final Set<String> seenSeriesPoints = new HashSet<>();
        private final Map<String, long[]> seriesCounts = new HashMap<>();
        private final long maxSeriesPoints;

        MemberRecorder(ModelType type, Params params, List<MemberRecorder> all, long maxSeriesPoints) {
            this.type = type;
            this.params = params;
            this.all = all;
            this.maxSeriesPoints = maxSeriesPoints;
            for (ObservableSpec o : type.observables()) {
                if (o.isSeries()) {
                    seriesNames.add(o.name());
                } else if (o.isOnce()) {
                    onceNames.add(o.name());
                } else if (o.isHistogram()) {
                    histograms.put(o.name(), new HistogramAccumulator(o.bins()));
                } else {
                    scalars.put(o.name(), new BinningAccumulator());
                }
            }
        }

        @Override
        public void record(String observable, double value) {
            BinningAccumulator a = scalars.get(observable);
            if (a == null && onceNames.contains(observable)) {
                if (onceValues.putIfAbsent(observable, value) != null) {
                    throw new IllegalStateException(type.name() + " recorded once-per-replica observable '" + observable
                            + "' a second time");
                }
                return;
            }
            if (a == null) {
                HistogramAccumulator h = histograms.get(observable);
                if (h == null) {
                    throw new IllegalStateException(type.name() + " recorded undeclared scalar observable '" + observable + "'");
                }
                if (Double.isNaN(value)) {
                    throw new IllegalStateException(type.name() + " recorded NaN into histogram '" + observable
                            + "': NaN belongs to no bin");
                }
                h.add(value);
                return;
            }
            a.add(value);
        }

        @Override
        public void series(String observable, double t, double value) {
            if (!seriesNames.contains(observable)) {
                throw new IllegalStateException(type.name() + " recorded undeclared series observable '" + observable + "'");
            }
            if (!seenSeriesPoints.add(observable + "@" + Double.doubleToLongBits(t))) {
                throw new IllegalStateException(type.name() + " recorded series '" + observable + "' twice at t = " + t);
            }
            // The declared size is what the sweep's memory check counted on.
            if (++seriesCounts.computeIfAbsent(observable, o -> new long[1])[0] > maxSeriesPoints) {
                throw new IllegalStateException(type.name() + " recorded more than the " + maxSeriesPoints
                        + " values of series '" + observable + "' it declares (ModelType.seriesPoints)");
            }
            series.add(new TaskResult.SeriesPoint(observable, t, value));
        }

        @Override
        public Recorder member(int k) {
            return all.get(k);
        }

        TaskResult.Member result() {
            Map<String, Estimate> estimates = new LinkedHashMap<>();
            Map<String, Histogram> counted = new LinkedHashMap<>();
            for (ObservableSpec o : type.observables()) {
                if (o.isOnce()) {
                    estimates.put(o.name(), once(o.name()));
                } else if (o.isHistogram()) {
                    counted.put(o.name(), histogram(o.name()));
                } else if (!o.isSeries()) {
                    estimates.put(o.name(), scalars.get(o.name()).estimate());
                }
            }
            Map<String, Estimate> derived = new LinkedHashMap<>();
            for (DerivedQuantity d : type.derived()) {
                derived.put(d.name(), withinReplica(d, estimates));
            }
            return new TaskResult.Member(estimates, series, counted, derived);
        }

        /**
         * A derived quantity of this replica alone: the formula on its means, with a delete-one
         * jackknife over the aligned blocks of its time series (the error a single-replica point
         * reports). NaN error when an input is not a scalar or the inputs' blocks do not line up.
         */
        private Estimate withinReplica(DerivedQuantity d, Map<String, Estimate> estimates) {
            int k = d.inputs().size();
            double[] means = new double[k];
            double[][] blocks = new double[k][];
            for (int j = 0; j < k; j++) {
                String input = d.inputs().get(j);
                Estimate e = estimates.get(input);
                means[j] = e == null ? Double.NaN : e.mean();
                BinningAccumulator a = scalars.get(input);
                blocks[j] = a == null ? null : a.blockMeans();
            }
            double value = d.formula().evaluate(means, params);
            double error = Double.NaN;
            if (java.util.Arrays.stream(blocks).allMatch(b -> b != null && b.length == blocks[0].length)
                    && blocks[0].length >= 2) {
                double[][] samples = new double[blocks[0].length][k];
                for (int i = 0; i < samples.length; i++) {
                    for (int j = 0; j < k; j++) {
                        samples[i][j] = blocks[j][i];
                    }
                }
                error = Jackknife.of(samples, m -> d.formula().evaluate(m, params)).stderr();
            }
            long n = estimates.containsKey(d.inputs().get(0)) ? estimates.get(d.inputs().get(0)).n() : 0;
            return new Estimate(value, error, Double.NaN, n);
        }

        /** The counts; a histogram without a single value has no density, so the task fails instead. */
        private Histogram histogram(String name) {
            Histogram h = histograms.get(name).histogram();
            if (h.total() == 0) {
                throw new IllegalStateException(type.name() + " never recorded a value of histogram '" + name + "'");
            }
            return h;
        }

        /** One value, no within-replica error: stderr and tau_int NaN, n = 1. */
        private Estimate once(String name) {
            Double value = onceValues.get(name);
            if (value == null) {
                throw new IllegalStateException(type.name() + " never recorded once-per-replica observable '" + name
                        + "' (record it in Model.finish)");
            }
            return new Estimate(value, Double.NaN, Double.NaN, 1);
        }
    }
}
