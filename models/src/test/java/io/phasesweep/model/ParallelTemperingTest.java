package io.phasesweep.model;

import io.phasesweep.stats.Estimate;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The framework's replica exchange, checked on independent spins in a field, whose averages are exact. */
class ParallelTemperingTest {

    /** Statistical checks pass when |observed - exact| < K_SIGMA standard errors (seeds are fixed). */
    static final double K_SIGMA = 4.0;

    /**
     * Allowed |measured - exact| of a swap acceptance from 20 000 attempts: the binomial error alone
     * is at most 0.0035, and attempts on a relaxing configuration are correlated for a few units.
     */
    static final double ACCEPTANCE_TOLERANCE = 0.02;

    private static final ParamagnetType PARAMAGNET = ParamagnetType.INSTANCE;
    private static final int SPINS = 16;
    private static final double FIELD = 1.0;
    private static final double[] LADDER = {0.5, 0.8, 1.2, 1.8, 2.7, 4.0};

    private static List<Params> ladder(long sweeps, double... temperatures) {
        return DoubleStream.of(temperatures).mapToObj(t -> Params.resolve(PARAMAGNET, Map.of(
                "N", SPINS, "h", FIELD, "T", t, "sweeps", sweeps, "thermalization", 500L))).toList();
    }

    private static void assertWithinErrors(double exact, Estimate observed, String what) {
        assertTrue(observed.stderr() > 0, what + ": a zero error bar cannot be tested");
        double z = Math.abs(observed.mean() - exact) / observed.stderr();
        assertTrue(z < K_SIGMA, String.format("%s: %.6f +- %.6f vs exact %.6f (%.1f sigma)",
                what, observed.mean(), observed.stderr(), exact, z));
    }

    @Test
    void everyMemberMatchesExactParamagnetAverages() {
        TaskResult run = ReplicaRunner.run(PARAMAGNET, ladder(20_000, LADDER), 17);
        for (int k = 0; k < LADDER.length; k++) {
            Map<String, Estimate> member = run.members().get(k).scalars();
            double m = Math.tanh(FIELD / LADDER[k]);
            assertWithinErrors(m, member.get(ParamagnetType.MAGNETIZATION), "<m> at T = " + LADDER[k]);
            assertWithinErrors(-FIELD * m, member.get(ParamagnetType.ENERGY), "<e> at T = " + LADDER[k]);
            double acceptance = member.get(ParallelTempering.SWAP_RATE).mean();
            assertTrue(acceptance > 0 && acceptance <= 1, "acceptance " + acceptance + " at T = " + LADDER[k]);
        }
    }

    @Test
    void configurationsTravelFromOneEndOfTheLadderToTheOther() {
        ParallelTempering pt = ParallelTempering.create(PARAMAGNET, ladder(1, LADDER), 5);
        int top = LADDER.length - 1;
        boolean[] reachedBottom = new boolean[LADDER.length];
        boolean[] reachedTop = new boolean[LADDER.length];
        for (int unit = 0; unit < 2_000; unit++) {
            pt.advance();
            reachedBottom[pt.configurationAt(0)] = true;
            reachedTop[pt.configurationAt(top)] = true;
        }
        boolean crossed = false;
        for (int c = 0; c < LADDER.length; c++) {
            crossed |= reachedBottom[c] && reachedTop[c];
        }
        assertTrue(crossed, "no configuration visited both ends: bottom " + Arrays.toString(reachedBottom)
                + ", top " + Arrays.toString(reachedTop));
    }

    /**
     * E[min(1, exp((beta_a - beta_b)(E_a - E_b)))] over independent equilibrium energies: the
     * stationary distribution of tempering is the product of the members' Boltzmann distributions,
     * and E = -h (2u - N) with u ~ Binomial(N, (1 + tanh(beta h)) / 2) up spins.
     */
    static double exactSwapAcceptance(double temperatureA, double temperatureB) {
        double betaA = 1 / temperatureA;
        double betaB = 1 / temperatureB;
        double[] pa = upSpinDistribution(betaA);
        double[] pb = upSpinDistribution(betaB);
        double sum = 0;
        for (int ua = 0; ua <= SPINS; ua++) {
            for (int ub = 0; ub <= SPINS; ub++) {
                double ea = -FIELD * (2 * ua - SPINS);
                double eb = -FIELD * (2 * ub - SPINS);
                sum += pa[ua] * pb[ub] * Math.min(1.0, Math.exp((betaA - betaB) * (ea - eb)));
            }
        }
        return sum;
    }

    private static double[] upSpinDistribution(double beta) {
        double up = 0.5 * (1 + Math.tanh(beta * FIELD));
        double[] p = new double[SPINS + 1];
        double binomial = 1;
        for (int u = 0; u <= SPINS; u++) {
            p[u] = binomial * Math.pow(up, u) * Math.pow(1 - up, SPINS - u);
            binomial = binomial * (SPINS - u) / (u + 1);
        }
        return p;
    }

    @Test
    void swapAcceptanceMatchesExactExpectationAndDropsAsTheTemperatureGapGrows() {
        double[] upper = {1.2, 1.6, 2.4};
        double previous = 1.0;
        for (double t : upper) {
            // A two-member ladder attempts its one pair on every other unit: 20 000 attempts.
            TaskResult run = ReplicaRunner.run(PARAMAGNET, ladder(40_000, 1.0, t), 23);
            double measured = run.members().get(0).scalars().get(ParallelTempering.SWAP_RATE).mean();
            assertEquals(measured, run.members().get(1).scalars().get(ParallelTempering.SWAP_RATE).mean(),
                    "both members report their one pair");
            double exact = exactSwapAcceptance(1.0, t);
            assertEquals(exact, measured, ACCEPTANCE_TOLERANCE, "acceptance between T = 1.0 and " + t);
            assertTrue(measured < previous, "acceptance " + measured + " at T = 1.0, " + t + " is not below " + previous);
            previous = measured;
        }
    }

    @Test
    void exchangeIsAcceptedWithProbabilityMinOneExpOfTheSummedLogRatios() {
        double logRatio = -0.35;
        ModelType constantRatio = fixedRatioType(logRatio);
        long units = 40_000;
        List<Params> two = List.of(Params.resolve(constantRatio, Map.of("T", 1.0, "sweeps", units)),
                Params.resolve(constantRatio, Map.of("T", 2.0, "sweeps", units)));
        ParallelTempering pt = ParallelTempering.create(constantRatio, two, 31);
        for (long i = 0; i < units; i++) {
            pt.advance();
        }
        // Attempts are independent here (the ratio does not depend on the state): a binomial error.
        double p = Math.exp(2 * logRatio);
        double stderr = Math.sqrt(p * (1 - p) / (units / 2.0));
        assertEquals(p, pt.acceptance(0), K_SIGMA * stderr);
    }

    @Test
    void nanLogWeightRatioFailsTheTask() {
        ModelType broken = fixedRatioType(Double.NaN);
        List<Params> two = List.of(Params.resolve(broken, Map.of("T", 1.0)), Params.resolve(broken, Map.of("T", 2.0)));
        assertThrows(IllegalStateException.class, () -> ReplicaRunner.run(broken, two, 1));
    }

    @Test
    void singleMemberLadderEqualsTheRunWithoutTemperingBitForBit() {
        Params p = ladder(2_000, 1.3).get(0);
        TaskResult tempered = ReplicaRunner.run(PARAMAGNET, List.of(p), 41);
        TaskResult plain = ReplicaRunner.run(withoutTempering(PARAMAGNET), List.of(p), 41);
        Map<String, Estimate> withAcceptance = tempered.members().get(0).scalars();
        Map<String, Estimate> without = plain.members().get(0).scalars();
        for (String o : without.keySet()) {
            assertEquals(without.get(o), withAcceptance.get(o), o);
        }
        assertEquals(0.0, withAcceptance.get(ParallelTempering.SWAP_RATE).mean(), "no pair, no exchange");
    }

    @Test
    void sameSeedGivesTheSameBitsAndAnotherSeedOtherBits() {
        List<Params> members = ladder(500, LADDER);
        TaskResult run = ReplicaRunner.run(PARAMAGNET, members, 3);
        assertEquals(run, ReplicaRunner.run(PARAMAGNET, members, 3));
        assertNotEquals(run, ReplicaRunner.run(PARAMAGNET, members, 4));
    }

    @Test
    void ladderTypesThatDoNotOptInStillBuildOneModelForAllMembers() {
        List<Integer> ladderSizes = new ArrayList<>();
        ModelType ownLadder = new DelegatingType(fixedRatioType(0)) {
            @Override
            public Model create(List<Params> members, UniformRandomProvider rng) {
                ladderSizes.add(members.size());
                return new Model() {
                    @Override
                    public void advance() {
                    }

                    @Override
                    public void measure(Recorder out) {
                        for (int k = 0; k < members.size(); k++) {
                            out.member(k).record("x", members.get(k).getDouble("T"));
                        }
                    }
                };
            }

            @Override
            public boolean parallelTempering() {
                return false;
            }
        };
        List<Params> three = DoubleStream.of(1, 2, 3).mapToObj(t -> Params.resolve(ownLadder, Map.of("T", t))).toList();
        TaskResult run = ReplicaRunner.run(ownLadder, three, 1);
        assertEquals(List.of(3), ladderSizes);
        for (int k = 0; k < 3; k++) {
            assertEquals(k + 1.0, run.members().get(k).scalars().get("x").mean());
        }
    }

    /** The same type with tempering switched off: no acceptance observable, one model per task. */
    private static ModelType withoutTempering(ModelType type) {
        return new DelegatingType(type) {
            @Override
            public boolean parallelTempering() {
                return false;
            }

            @Override
            public Optional<String> ladderAxis() {
                return Optional.empty();
            }

            @Override
            public List<ObservableSpec> observables() {
                return type.observables().stream().filter(o -> !o.equals(ParallelTempering.SWAP_RATE_OBSERVABLE)).toList();
            }
        };
    }

    /** A tempering type whose models do nothing and whose log weight ratio is a constant (0 to itself). */
    private static ModelType fixedRatioType(double logRatio) {
        return new ModelType() {
            @Override
            public String name() {
                return "test-fixed-ratio";
            }

            @Override
            public String description() {
                return "test only: a log weight ratio that does not depend on the state";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public long memoryBytes(Params p) {
                return 0;
            }

            @Override
            public List<ParamSpec> parameters() {
                return List.of(ParamSpec.positive("T", null, "ladder parameter"),
                        ParamSpec.count("sweeps", 10L, 1, "measured units"),
                        ParamSpec.count("thermalization", 0L, 0, "discarded units"));
            }

            @Override
            public List<ObservableSpec> observables() {
                return List.of(ObservableSpec.of("x", "anything"), ParallelTempering.SWAP_RATE_OBSERVABLE);
            }

            @Override
            public Map<String, Object> example() {
                return Map.of("T", 1.0);
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
            public Model create(Params params, UniformRandomProvider rng) {
                return new TemperedModel() {
                    private double t = params.getDouble("T");

                    @Override
                    public double logWeightRatio(Params to) {
                        return to.getDouble("T") == t ? 0.0 : logRatio;
                    }

                    @Override
                    public void moveTo(Params to) {
                        t = to.getDouble("T");
                    }

                    @Override
                    public void advance() {
                    }

                    @Override
                    public void measure(Recorder out) {
                        out.record("x", t);
                    }
                };
            }
        };
    }

    /** Forwards everything to {@code type}; tests override what they change. */
    private static class DelegatingType implements ModelType {
        private final ModelType type;

        DelegatingType(ModelType type) {
            this.type = type;
        }

        @Override
        public String name() {
            return type.name();
        }

        @Override
        public String description() {
            return type.description();
        }

        @Override
        public String version() {
            return type.version();
        }

        @Override
        public List<ParamSpec> parameters() {
            return type.parameters();
        }

        @Override
        public List<ObservableSpec> observables() {
            return type.observables();
        }

        @Override
        public Map<String, Object> example() {
            return type.example();
        }

        @Override
        public Optional<String> ladderAxis() {
            return type.ladderAxis();
        }

        @Override
        public boolean parallelTempering() {
            return type.parallelTempering();
        }

        @Override
        public Model create(Params params, UniformRandomProvider rng) {
            return type.create(params, rng);
        }

        @Override
        public long memoryBytes(Params params) {
            return type.memoryBytes(params);
        }
    }

    /** The tempered random-field spins, their fields drawn once per task as a shared disorder sample. */
    private static final class SharedFieldsType extends RandomFieldParamagnetType.Tempered {
        final List<Object> built = new ArrayList<>();
        int draws;

        @Override
        public String name() {
            return "test-random-field-shared";
        }

        @Override
        public Optional<Object> disorderSample(Params p, UniformRandomProvider disorder) {
            draws++;
            return Optional.of(RandomFieldParamagnetType.drawFields(p, disorder));
        }

        @Override
        public Model create(Params p, UniformRandomProvider rng, Object sample) {
            built.add(sample);
            return new RandomFieldParamagnetType.RandomFieldParamagnet((double[]) sample, p.getDouble("T"), rng);
        }
    }

    private static final ModelType TEMPERED_FIELDS = RandomFieldParamagnetType.TEMPERED;

    @Test
    void aSharedDisorderSampleIsDrawnOnceAndGivesTheBitsOfOneDrawPerMember() {
        SharedFieldsType shared = new SharedFieldsType();
        List<Params> members = new ArrayList<>();
        for (double t : new double[]{0.5, 1.0, 2.0}) {
            members.add(Params.resolve(shared, Map.of("N", 16, "T", t, "sweeps", 500L, "thermalization", 10L)));
        }
        TaskResult once = ReplicaRunner.run(shared, members, 3, 4);
        assertEquals(1, shared.draws, "one draw per task");
        assertEquals(3, shared.built.size());
        assertTrue(shared.built.stream().allMatch(o -> o == shared.built.get(0)), "every member on the same sample");
        // The same fields as a draw per member from fresh generators of the seed: the same bits.
        TaskResult perMember = ReplicaRunner.run(TEMPERED_FIELDS, members, 3, 4);
        for (int k = 0; k < members.size(); k++) {
            assertEquals(perMember.members().get(k).scalars(), once.members().get(k).scalars());
        }
    }
}
