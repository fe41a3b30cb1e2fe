package io.phasesweep.model;

import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.RestorableUniformRandomProvider;

import java.util.Arrays;
import java.util.List;

/**
 * Parallel tempering (replica exchange) of one ladder task, seen by {@link ReplicaRunner} as a
 * single {@link Model}. Each unit advances the configuration at every ladder position, lowest first,
 * then attempts exchanges between neighbouring positions: pairs (0, 1), (2, 3), ... on even units
 * and (1, 2), (3, 4), ... on odd units, counting from the first discarded unit. An exchange of the
 * configurations a at position i and b at position j is accepted with probability
 * min(1, exp(r_a + r_b)), r_a = a's {@link TemperedModel#logWeightRatio} to j's parameters and r_b
 * b's to i's; on acceptance the two configurations swap parameters ({@link TemperedModel#moveTo})
 * and positions, so member k's recorder always receives the configuration at position k.
 *
 * <p>Each position's recorder also receives {@link #SWAP_RATE} after every measured unit: for
 * member k the fraction of accepted exchange attempts between positions k and k + 1 over the
 * measured units so far (the top member reports the pair below it, (k - 1, k)). It is 0 before
 * the pair's first measured attempt, which only the first measured unit can see, and always 0 for
 * a ladder of one member, which never exchanges. Being a running fraction, its mean over the
 * measured units is the acceptance rate, but its binned error and tau_int are not statistical
 * errors of that rate.
 *
 * <p>Random numbers: the models are built from the task generator in member order and share it,
 * exactly as a task of one member would; each member's quenched disorder comes from a fresh
 * generator of the task's disorder seed, so all members see the same disorder; the accept/reject uniforms come from a generator of their
 * own, seeded with the task seed XOR {@link #EXCHANGE_STREAM}. Tempering therefore leaves the
 * models' streams untouched: a ladder of one member gives the same bits as a run without tempering.
 */
public final class ParallelTempering implements Model {

    /** Name of the swap-acceptance observable the framework records for every ladder member. */
    public static final String SWAP_RATE = "swap_rate";

    /** The spec a {@link ModelType#parallelTempering()} type adds to its observables. */
    public static final ObservableSpec SWAP_RATE_OBSERVABLE = ObservableSpec.of(SWAP_RATE,
            "fraction of accepted parallel-tempering exchanges with the next ladder member"
                    + " (top member: with the one below), over the measured units so far");

    /**
     * "PT_EXCHG" in ASCII. XORed into the task seed to seed the exchange decisions, so they draw
     * from a generator of their own and the models' stream stays as it is without tempering.
     */
    public static final long EXCHANGE_STREAM = 0x5054_5F45_5843_4847L;

    private final List<Params> members;
    private final TemperedModel[] atPosition;
    /** Which configuration (index of the member it was built for) sits at each position. */
    private final int[] configurationAt;
    /** The generator the models share; the framework's, so this class saves it in checkpoints. */
    private final RestorableUniformRandomProvider modelRng;
    private final RestorableUniformRandomProvider exchangeRng;
    private final long[] attempted;
    private final long[] accepted;
    private final Recorder[] memberViews;
    private Recorder viewsOf;
    private long unit;

    private ParallelTempering(List<Params> members, TemperedModel[] models, RestorableUniformRandomProvider modelRng,
                              RestorableUniformRandomProvider exchangeRng) {
        this.members = List.copyOf(members);
        this.modelRng = modelRng;
        this.atPosition = models;
        this.configurationAt = new int[models.length];
        for (int k = 0; k < models.length; k++) {
            configurationAt[k] = k;
        }
        this.exchangeRng = exchangeRng;
        this.attempted = new long[Math.max(models.length - 1, 0)];
        this.accepted = new long[attempted.length];
        this.memberViews = new Recorder[models.length];
    }

    /** {@link #create(ModelType, List, long, long)} with the disorder seed {@link ReplicaRunner#run} derives from the seed. */
    static ParallelTempering create(ModelType type, List<Params> members, long seed) {
        return create(type, members, seed, seed ^ ReplicaRunner.DISORDER_STREAM);
    }

    /**
     * One model per member, each built with {@code type.create(member, rng, disorder)}: the thermal
     * generator is the task's, shared in member order; the disorder generator is a fresh one from
     * {@code disorderSeed} for every member, so all members hold the same quenched disorder (the
     * point of tempering a spin glass). A type with a {@link ModelType#disorderSample} has it drawn
     * once, from the same generator, and every member built on that one sample.
     */
    static ParallelTempering create(ModelType type, List<Params> members, long seed, long disorderSeed) {
        RestorableUniformRandomProvider rng = ReplicaRunner.rng(seed);
        // The ladder axis is never a disorder parameter: any member's parameters name the sample.
        java.util.Optional<Object> sample = type.disorderSample(members.get(0), ReplicaRunner.rng(disorderSeed));
        TemperedModel[] models = new TemperedModel[members.size()];
        for (int k = 0; k < models.length; k++) {
            Model m = sample.isPresent() ? type.create(members.get(k), rng, sample.get())
                    : type.create(members.get(k), rng, ReplicaRunner.rng(disorderSeed));
            if (!(m instanceof TemperedModel t)) {
                throw new IllegalStateException(type.name() + " asks for parallel tempering, but its model "
                        + m.getClass().getName() + " is not a " + TemperedModel.class.getSimpleName());
            }
            models[k] = t;
        }
        return new ParallelTempering(members, models, rng, ReplicaRunner.rng(seed ^ EXCHANGE_STREAM));
    }

    @Override
    public void advance() {
        for (TemperedModel m : atPosition) {
            m.advance();
        }
        for (int k = (int) (unit & 1); k + 1 < atPosition.length; k += 2) {
            attemptExchange(k);
        }
        unit++;
    }

    private void attemptExchange(int lower) {
        int upper = lower + 1;
        TemperedModel a = atPosition[lower];
        TemperedModel b = atPosition[upper];
        double logRatio = a.logWeightRatio(members.get(upper)) + b.logWeightRatio(members.get(lower));
        if (Double.isNaN(logRatio)) {
            throw new IllegalStateException("log weight ratio is NaN between ladder members " + lower + " and " + upper);
        }
        attempted[lower]++;
        // StrictMath: the same decisions on every JVM and CPU. No uniform is drawn when acceptance is certain.
        if (logRatio >= 0 || exchangeRng.nextDouble() < StrictMath.exp(logRatio)) {
            a.moveTo(members.get(upper));
            b.moveTo(members.get(lower));
            atPosition[lower] = b;
            atPosition[upper] = a;
            int c = configurationAt[lower];
            configurationAt[lower] = configurationAt[upper];
            configurationAt[upper] = c;
            accepted[lower]++;
        }
    }

    /** Freezes every model's update and restarts the acceptance counts for the measured units. */
    @Override
    public void startMeasuring() {
        for (TemperedModel m : atPosition) {
            m.startMeasuring();
        }
        Arrays.fill(attempted, 0);
        Arrays.fill(accepted, 0);
    }

    @Override
    public void measure(Recorder out) {
        if (out != viewsOf) {
            for (int k = 0; k < memberViews.length; k++) {
                memberViews[k] = new SingleMemberRecorder(out.member(k));
            }
            viewsOf = out;
        }
        for (int k = 0; k < atPosition.length; k++) {
            atPosition[k].measure(memberViews[k]);
            memberViews[k].record(SWAP_RATE, acceptance(k));
        }
    }

    /** Each configuration finishes into the member whose parameters it holds at the end. */
    @Override
    public void finish(Recorder out) {
        for (int k = 0; k < atPosition.length; k++) {
            atPosition[k].finish(new SingleMemberRecorder(out.member(k)));
        }
    }

    /** Checkpointable when every member's model is. */
    @Override
    public boolean checkpointable() {
        return Arrays.stream(atPosition).allMatch(Model::checkpointable);
    }

    /**
     * Both generators, the unit count (it decides which pairs are tried next), the acceptance
     * counters, which configuration sits at each position, and each configuration's own state.
     */
    @Override
    public void checkpoint(StateWriter out) {
        out.bytes(ReplicaRunner.rngState(modelRng)).bytes(ReplicaRunner.rngState(exchangeRng));
        out.writeLong(unit).longs(attempted).longs(accepted).ints(configurationAt);
        for (TemperedModel m : atPosition) {
            m.checkpoint(out);
        }
    }

    @Override
    public void restore(StateReader in) {
        ReplicaRunner.restoreRng(modelRng, in);
        ReplicaRunner.restoreRng(exchangeRng, in);
        unit = in.readLong();
        in.longs(attempted);
        in.longs(accepted);
        TemperedModel[] byConfiguration = new TemperedModel[atPosition.length];
        for (int k = 0; k < atPosition.length; k++) {
            byConfiguration[configurationAt[k]] = atPosition[k];
        }
        in.ints(configurationAt);
        for (int k = 0; k < atPosition.length; k++) {
            atPosition[k] = byConfiguration[configurationAt[k]];
            // The configuration built for member c continues at position k's parameters.
            if (configurationAt[k] != k) {
                atPosition[k].moveTo(members.get(k));
            }
            atPosition[k].restore(in);
        }
    }

    /** The {@link #SWAP_RATE} value of member k now. */
    double acceptance(int member) {
        if (attempted.length == 0) {
            return 0.0;
        }
        int pair = Math.min(member, attempted.length - 1);
        return attempted[pair] == 0 ? 0.0 : (double) accepted[pair] / attempted[pair];
    }

    /** Index of the member whose parameters the configuration now at {@code position} was built with. */
    int configurationAt(int position) {
        return configurationAt[position];
    }

    /**
     * Member k's recorder as its model sees it: the one member of an ordinary task, so a model that
     * writes to {@code member(0)} still lands in member k.
     */
    private record SingleMemberRecorder(Recorder target) implements Recorder {
        @Override
        public void record(String observable, double value) {
            target.record(observable, value);
        }

        @Override
        public void series(String observable, double t, double value) {
            target.series(observable, t, value);
        }

        @Override
        public Recorder member(int k) {
            if (k != 0) {
                throw new IllegalStateException("a tempered model records one member; got member(" + k + ")");
            }
            return this;
        }
    }
}
