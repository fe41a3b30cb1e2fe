package io.phasesweep.model;

import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import io.phasesweep.stats.BinningAccumulator;
import io.phasesweep.stats.Estimate;
import io.phasesweep.stats.Histogram;
import io.phasesweep.stats.HistogramAccumulator;
import io.phasesweep.stats.Jackknife;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.SplitMix64;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs one task: builds the model from its seed, discards the equilibration units, then
 * measures after every unit (until the model is done, for an until-done {@link Schedule}), lets
 * the model finish, and returns a binned estimate per scalar observable, the value of each
 * once-per-replica observable, the recorded series and the counts of each histogram. The same (type, params, seed) always gives
 * the same bits. A ladder task of a {@link ModelType#parallelTempering()} type runs as
 * {@link ParallelTempering}, through the same loop.
 *
 * <p>Checkpoints: with a {@link Checkpointer} and a {@link Model#checkpointable() checkpointable}
 * model, the runner saves the whole task state whenever the checkpointer says it is due (after a
 * unit): a header naming the model and a hash of (type, params, seed), the loop position, the
 * generator's state, the model's {@link Model#checkpoint state} and the recorders' (binning
 * accumulators, once values, series so far). A task started with a checkpoint of the same task
 * resumes from it and returns the same bits as a run that was never interrupted; a checkpoint of
 * another task, model or format is ignored (the checkpointer is told why) and the task starts over.
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

    /** First field of every checkpoint, with {@link #CHECKPOINT_VERSION}. */
    static final String CHECKPOINT_FORMAT = "phasesweep-checkpoint";
    /** Bumped whenever the layout of a checkpoint changes, so that old ones are ignored, not misread. */
    static final int CHECKPOINT_VERSION = 1;

    public static RestorableUniformRandomProvider rng(long seed) {
        SplitMix64 expand = new SplitMix64(seed);
        // The same generator as Commons RNG's XoShiRo256PlusPlus, with its state open to kernels that
        // keep it in registers for a run of draws (WolffClusterUpdate).
        return new OpenXoShiRo256PlusPlus(new long[]{expand.nextLong(), expand.nextLong(), expand.nextLong(), expand.nextLong()});
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
        return run(type, members, seed, seed ^ DISORDER_STREAM, Checkpointer.NONE);
    }

    /**
     * A task whose quenched disorder comes from {@code disorderSeed} (see
     * {@link ModelType#disorderParameters()}) and everything else from {@code seed}; types without
     * declared disorder ignore the disorder seed.
     */
    public static TaskResult run(ModelType type, List<Params> members, long seed, long disorderSeed) {
        return run(type, members, seed, disorderSeed, Checkpointer.NONE);
    }

    /** {@link #run(ModelType, List, long)}, resuming from and saving checkpoints through {@code checkpointer}. */
    public static TaskResult run(ModelType type, List<Params> members, long seed, Checkpointer checkpointer) {
        return run(type, members, seed, seed ^ DISORDER_STREAM, checkpointer);
    }

    /**
     * Runs the task, resuming from and saving checkpoints through {@code checkpointer}. The disorder
     * generator is used only inside {@code create}, which a resume repeats, so its state is not saved.
     */
    public static TaskResult run(ModelType type, List<Params> members, long seed, long disorderSeed,
                                 Checkpointer checkpointer) {
        // Parallel tempering builds and saves its own generators; otherwise the runner keeps the model's.
        RestorableUniformRandomProvider rng = type.parallelTempering() ? null : rng(seed);
        Model model = type.parallelTempering()
                ? ParallelTempering.create(type, members, seed, disorderSeed)
                : type.create(members, rng, rng(disorderSeed));
        List<MemberRecorder> recorders = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            recorders.add(new MemberRecorder(type, members.get(k), recorders, type.seriesPoints(members.get(k))));
        }
        TaskCheckpoints checkpoints = checkpointer == Checkpointer.NONE || !model.checkpointable() ? null
                : new TaskCheckpoints(checkpointer, () -> taskHash(type, members, seed, disorderSeed), type, model, rng,
                        recorders);
        drive(type, model, type.schedule(members.get(0)), recorders.get(0), checkpoints);
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
        drive(type, model, schedule, out, null);
    }

    /**
     * The loop, resuming at the position a checkpoint saved (discarded units, or measured units
     * once {@code startMeasuring} has run) and offering a checkpoint after every unit but the last.
     */
    private static void drive(ModelType type, Model model, Schedule schedule, Recorder out, TaskCheckpoints checkpoints) {
        boolean untilDone = schedule.untilDone();
        Position at = checkpoints == null ? Position.START : checkpoints.resume();
        long discarded = at.discarded();
        long measured = at.measured();
        if (!at.measuring()) {
            for (; discarded < schedule.discard() && !(untilDone && model.done()); discarded++) {
                model.advance();
                if (checkpoints != null) {
                    checkpoints.offer(new Position(discarded + 1, 0, false));
                }
            }
            model.startMeasuring();
            if (untilDone && model.done()) {
                // Done during equilibration: one measurement of the done state, never a unit past it.
                model.measure(out);
                model.finish(new FinishRecorder(type, out));
                return;
            }
        }
        for (; measured < schedule.measure(); measured++) {
            model.advance();
            model.measure(out);
            if (untilDone && model.done()) {
                break;
            }
            if (checkpoints != null && measured + 1 < schedule.measure()) {
                checkpoints.offer(new Position(discarded, measured + 1, true));
            }
        }
        model.finish(new FinishRecorder(type, out));
    }

    /** Where the loop stands: units discarded, units measured, and whether {@code startMeasuring} has run. */
    private record Position(long discarded, long measured, boolean measuring) {
        static final Position START = new Position(0, 0, false);
    }

    /** The generator's state as bytes (Commons RNG's own serialisation, cached bits included). */
    static byte[] rngState(RestorableUniformRandomProvider rng) {
        return ((RandomProviderDefaultState) rng.saveState()).getState();
    }

    /** Reads a state written with {@link #rngState} into {@code rng}, which must be of the same kind. */
    static void restoreRng(RestorableUniformRandomProvider rng, StateReader in) {
        byte[] state = rngState(rng);
        in.bytes(state);
        rng.restoreState(new RandomProviderDefaultState(state));
    }

    /**
     * 64 bits of SHA-256 over the model name and version, the members' parameters and the seeds:
     * what a checkpoint belongs to (a kernel of another version never resumes it).
     */
    static long taskHash(ModelType type, List<Params> members, long seed, long disorderSeed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((type.name() + "\n" + type.version() + "\n" + members + "\n" + seed + "\n" + disorderSeed)
                    .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Saves and restores one task's state through the caller's {@link Checkpointer}. */
    private static final class TaskCheckpoints {
        private final Checkpointer checkpointer;
        /** The task's hash, computed only when a checkpoint is saved or read: most tasks do neither. */
        private final LongSupplier taskHash;
        private final ModelType type;
        private final Model model;
        /** The model's generator; null for parallel tempering, which saves its own. */
        private final RestorableUniformRandomProvider rng;
        private final List<MemberRecorder> recorders;

        TaskCheckpoints(Checkpointer checkpointer, LongSupplier taskHash, ModelType type, Model model,
                        RestorableUniformRandomProvider rng, List<MemberRecorder> recorders) {
            this.checkpointer = checkpointer;
            this.taskHash = taskHash;
            this.type = type;
            this.model = model;
            this.rng = rng;
            this.recorders = recorders;
        }

        void offer(Position at) {
            if (!checkpointer.due()) {
                return;
            }
            StateWriter out = new StateWriter();
            out.writeUtf(CHECKPOINT_FORMAT).writeInt(CHECKPOINT_VERSION).writeUtf(type.name())
                    .writeLong(taskHash.getAsLong());
            out.writeLong(at.discarded()).writeLong(at.measured()).writeBoolean(at.measuring());
            if (rng != null) {
                out.bytes(rngState(rng));
            }
            model.checkpoint(out);
            for (MemberRecorder r : recorders) {
                r.checkpoint(out);
            }
            checkpointer.save(out.toByteArray());
        }

        /** The position to continue from: a checkpoint of this task, restored, or the start. */
        Position resume() {
            byte[] saved = checkpointer.load().orElse(null);
            if (saved == null) {
                return Position.START;
            }
            StateReader in = new StateReader(saved);
            String mismatch;
            try {
                mismatch = headerMismatch(in);
            } catch (IllegalStateException e) {
                mismatch = "not a checkpoint (" + e.getMessage() + ")";
            }
            if (mismatch != null) {
                checkpointer.ignored(mismatch);
                return Position.START;
            }
            // From here on the state is overwritten: a checkpoint of this very task that cannot be
            // read is an error, not a reason to mix its state with a fresh one.
            Position at = new Position(in.readLong(), in.readLong(), in.readBoolean());
            if (rng != null) {
                restoreRng(rng, in);
            }
            model.restore(in);
            for (MemberRecorder r : recorders) {
                r.restore(in);
            }
            if (!in.atEnd()) {
                throw new IllegalStateException("checkpoint of " + type.name() + " has bytes left over after restoring");
            }
            checkpointer.resumed(at.discarded() + at.measured());
            return at;
        }

        private String headerMismatch(StateReader in) {
            String format = in.readUtf();
            if (!format.equals(CHECKPOINT_FORMAT)) {
                return "not a checkpoint (format '" + format + "')";
            }
            int version = in.readInt();
            if (version != CHECKPOINT_VERSION) {
                return "checkpoint format version " + version + ", this build reads " + CHECKPOINT_VERSION;
            }
            String name = in.readUtf();
            if (!name.equals(type.name())) {
                return "checkpoint of model " + name + ", not " + type.name();
            }
            if (in.readLong() != taskHash.getAsLong()) {
                return "checkpoint of another task (parameters or seed differ)";
            }
            return null;
        }
    }

    /** What {@link Model#finish} records into: once observables and series pass, scalars are refused. */
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

        /** Scalars' accumulators, once values, histogram counts and series so far, in the spec's order. */
        void checkpoint(StateWriter out) {
            List<ObservableSpec> specs = type.observables();
            for (ObservableSpec o : specs) {
                if (o.isOnce()) {
                    Double v = onceValues.get(o.name());
                    out.writeBoolean(v != null).writeDouble(v == null ? 0.0 : v);
                } else if (o.isHistogram()) {
                    histograms.get(o.name()).checkpoint(out);
                } else if (!o.isSeries()) {
                    scalars.get(o.name()).checkpoint(out);
                }
            }
            out.writeInt(series.size());
            for (TaskResult.SeriesPoint s : series) {
                out.writeInt(indexOf(s.observable())).writeDouble(s.t()).writeDouble(s.value());
            }
        }

        void restore(StateReader in) {
            List<ObservableSpec> specs = type.observables();
            for (ObservableSpec o : specs) {
                if (o.isOnce()) {
                    boolean present = in.readBoolean();
                    double v = in.readDouble();
                    if (present) {
                        onceValues.put(o.name(), v);
                    }
                } else if (o.isHistogram()) {
                    histograms.get(o.name()).restore(in);
                } else if (!o.isSeries()) {
                    scalars.get(o.name()).restore(in);
                }
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                // Through series(), so the duplicate and size checks see the restored values too.
                series(specs.get(in.readInt()).name(), in.readDouble(), in.readDouble());
            }
        }

        private int indexOf(String observable) {
            List<ObservableSpec> specs = type.observables();
            for (int i = 0; i < specs.size(); i++) {
                if (specs.get(i).name().equals(observable)) {
                    return i;
                }
            }
            throw new IllegalStateException("undeclared observable " + observable);
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
            if (d.ofParametersOnly()) {
                return new Estimate(d.formula().evaluate(new double[0], params), 0.0, Double.NaN, 1);
            }
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
