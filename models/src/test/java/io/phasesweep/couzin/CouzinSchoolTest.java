package io.phasesweep.couzin;

import io.phasesweep.model.CollectingRecorder;
import io.phasesweep.model.InvalidParameterException;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.Schedule;
import io.phasesweep.model.TestParams;
import io.phasesweep.stats.Estimate;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CouzinSchoolTest {
    private static final CouzinSchoolType TYPE = CouzinSchoolType.INSTANCE;
    /** theta tau at the paper's values: 40 deg/s for 0.1 s. */
    private static final double MAX_TURN = Math.toRadians(4.0);

    private static Params params(Object... keyValues) {
        Object[] all = new Object[keyValues.length + 4];
        all[0] = "dr_o";
        all[1] = 2.0;
        all[2] = "dr_a";
        all[3] = 10.0;
        System.arraycopy(keyValues, 0, all, 4, keyValues.length);
        return TestParams.of(TYPE, all);
    }

    private static CouzinSchool school(Params p, double[] position, double[] heading) {
        return CouzinSchoolType.create(p, position, heading, ReplicaRunner.rng(1));
    }

    private static double angle(double[] a, int i, double[] b, int j) {
        double c = a[3 * i] * b[3 * j] + a[3 * i + 1] * b[3 * j + 1] + a[3 * i + 2] * b[3 * j + 2];
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }

    @Test
    void withoutNoiseALoneIndividualSwimsInAStraightLine() {
        Params p = params("sigma", 0.0);
        double[] heading = {0.48, -0.6, 0.64};
        CouzinSchool one = school(p, new double[] {1, 2, 3}, heading);
        one.steps(1000);
        double[] end = one.positions();
        // 1000 steps of s tau = 0.3 along the heading; the heading itself never changes.
        assertArrayEquals(new double[] {1 + 300 * 0.48, 2 - 300 * 0.6, 3 + 300 * 0.64}, end, 1e-9);
        assertArrayEquals(heading, one.headings(), 1e-15);
        assertEquals(1000, one.stepsDone());
    }

    @Test
    void withoutNoiseIndividualsOutOfEachOthersRangeSwimInStraightLines() {
        // r_a = 13: 100 units apart nobody interacts.
        Params p = params("sigma", 0.0, "N", 3);
        double[] position = {0, 0, 0, 100, 0, 0, 0, 100, 0};
        double[] heading = {1, 0, 0, 0, 1, 0, 0, 0, -1};
        CouzinSchool school = school(p, position, heading);
        school.steps(200);
        assertArrayEquals(new double[] {60, 0, 0, 100, 60, 0, 0, 100, -60}, school.positions(), 1e-9);
        assertArrayEquals(heading, school.headings(), 0.0);
    }

    /**
     * The angular error alone (no neighbours, turning unlimited): the heading moves by |phi| each
     * step, phi ~ N(0, sigma^2), so E|phi| = sigma sqrt(2 / pi) and E phi^2 = sigma^2, in uniformly
     * random directions: the headings' mean over many steps decorrelates from the first one.
     */
    @Test
    void angularErrorIsAGaussianAngleAboutARandomPerpendicularAxis() {
        double sigma = 0.05;
        Params p = params("sigma", sigma, "turning_rate", 3600.0);
        CouzinSchool one = CouzinSchoolType.create(p, new double[3], new double[] {0, 0, 1}, ReplicaRunner.rng(5));
        int steps = 40_000;
        double sum = 0;
        double squares = 0;
        double[] previous = one.headings();
        for (int k = 0; k < steps; k++) {
            one.steps(1);
            double[] now = one.headings();
            double a = angle(previous, 0, now, 0);
            sum += a;
            squares += a * a;
            previous = now;
        }
        double mean = sum / steps;
        // |phi| has s.d. sigma sqrt(1 - 2/pi) = 0.6 sigma: the mean to 0.4 %, 4 standard errors 1.5 %.
        assertEquals(sigma * Math.sqrt(2 / Math.PI), mean, 0.015 * mean);
        assertEquals(sigma * sigma, squares / steps, 0.03 * sigma * sigma);
    }

    @Test
    void turnsAreLimitedToThetaTauPerStepAndReachTheDesiredDirectionWhenCloser() {
        // Attraction alone (dr_o = 0): j straight to i's left, 5 units away, both heading +x.
        Params p = params("sigma", 0.0, "dr_o", 0.0, "N", 2);
        CouzinSchool two = school(p, new double[] {0, 0, 0, 0, 5, 0}, new double[] {1, 0, 0, 1, 0, 0});
        two.steps(1);
        double[] h = two.headings();
        assertEquals(MAX_TURN, angle(new double[] {1, 0, 0}, 0, h, 0), 1e-12, "i turns theta tau towards j");
        assertEquals(Math.sin(MAX_TURN), h[1], 1e-12, "in the plane of v and d, towards +y");
        assertEquals(-Math.sin(MAX_TURN), h[4], 1e-12, "j towards -y");
        // A desired direction 3 degrees off (within theta tau = 4) is taken exactly: a lone
        // individual with a neighbour ahead along it.
        double off = Math.toRadians(3);
        double[] target = {20 * Math.cos(off), 20 * Math.sin(off), 0};
        Params far = params("sigma", 0.0, "dr_o", 0.0, "dr_a", 30.0, "N", 2);
        CouzinSchool pair = school(far, new double[] {0, 0, 0, target[0], target[1], 0}, new double[] {1, 0, 0, 1, 0, 0});
        pair.steps(1);
        double[] turned = pair.headings();
        assertEquals(Math.cos(off), turned[0], 1e-12);
        assertEquals(Math.sin(off), turned[1], 1e-12);
    }

    /**
     * Two individuals 0.5 apart (inside r_r = 1), side by side and parallel, with a third in both
     * one's zone of orientation heading the other way: repulsion alone decides, both turn apart by
     * theta tau, and the third's heading is ignored.
     */
    @Test
    void repulsionOverridesOrientationAndAttraction() {
        Params p = params("sigma", 0.0, "dr_o", 10.0, "N", 3);
        double[] position = {0, 0, 0, 0, 0.5, 0, 3, 0.25, 0};
        double[] heading = {1, 0, 0, 1, 0, 0, 0, 0, 1};
        CouzinSchool school = school(p, position, heading);
        school.steps(1);
        double[] h = school.headings();
        assertEquals(Math.cos(MAX_TURN), h[0], 1e-12);
        assertEquals(-Math.sin(MAX_TURN), h[1], 1e-12, "i turns away from j, to -y");
        assertEquals(0.0, h[2], 1e-12, "the third one's +z heading is not followed");
        assertEquals(Math.sin(MAX_TURN), h[4], 1e-12, "j turns away from i, to +y");
        double[] c = school.positions();
        assertTrue(c[4] - c[1] > 0.5, "they move apart: " + (c[4] - c[1]));
    }

    /**
     * With the paper's 90 degree blind cone a neighbour straight behind is not seen: i keeps its
     * heading. Without the cone it is, and i turns towards it. The zone of repulsion sees all round.
     */
    @Test
    void aNeighbourInTheBlindConeIsIgnoredExceptForRepulsion() {
        double[] heading = {1, 0, 0, 0, 1, 0};
        // j 5 units behind i (attraction, dr_o = 0), heading +y.
        double[] behind = {0, 0, 0, -5, 0, 0};
        CouzinSchool blind = school(params("sigma", 0.0, "dr_o", 0.0, "N", 2), behind, heading);
        blind.steps(1);
        assertArrayEquals(new double[] {1, 0, 0}, java.util.Arrays.copyOf(blind.headings(), 3), 0.0);
        CouzinSchool seeing = school(params("sigma", 0.0, "dr_o", 0.0, "N", 2, "blind_angle", 0.0), behind, heading);
        seeing.steps(1);
        assertEquals(MAX_TURN, angle(new double[] {1, 0, 0}, 0, seeing.headings(), 0), 1e-12);
        // Just inside the cone's edge (angle 180 - 44 degrees from the heading) unseen, just outside (134) seen.
        for (double degrees : new double[] {136, 134}) {
            double a = Math.toRadians(degrees);
            double[] at = {0, 0, 0, 5 * Math.cos(a), 5 * Math.sin(a), 0};
            CouzinSchool edge = school(params("sigma", 0.0, "dr_o", 0.0, "N", 2), at, heading);
            edge.steps(1);
            double turned = angle(new double[] {1, 0, 0}, 0, edge.headings(), 0);
            assertEquals(degrees > 135 ? 0.0 : MAX_TURN, turned, 1e-12, degrees + " degrees");
        }
        // j 0.5 behind and slightly aside, in the cone but inside r_r: i turns away from it.
        double[] close = {0, 0, 0, -0.5, 0.1, 0};
        CouzinSchool repelled = school(params("sigma", 0.0, "N", 2), close, heading);
        repelled.steps(1);
        double[] h = repelled.headings();
        assertEquals(MAX_TURN, angle(new double[] {1, 0, 0}, 0, h, 0), 1e-12);
        assertTrue(h[1] < 0, "away from j's side: " + h[1]);
    }

    /** A random rotation of the whole school: a unit quaternion from four Gaussians, as a matrix. */
    private static double[] rotation(UniformRandomProvider rng) {
        var gauss = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        double w = gauss.sample();
        double x = gauss.sample();
        double y = gauss.sample();
        double z = gauss.sample();
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    private static double[] rotate(double[] r, double[] v, double[] shift) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            for (int row = 0; row < 3; row++) {
                out[i + row] = r[3 * row] * v[i] + r[3 * row + 1] * v[i + 1] + r[3 * row + 2] * v[i + 2] + shift[row];
            }
        }
        return out;
    }

    /**
     * P and m are invariant under a rotation of every position and heading (and m under a shift of
     * the whole school); without noise the rules are too, so the rotated school evolves into the
     * rotated trajectory, with the same P and m at every step (to rounding, which the chaos of 100
     * individuals amplifies only slowly over 30 steps).
     */
    @Test
    void rotatingEveryPositionAndHeadingLeavesPolarizationAndMillingUnchanged() {
        Params p = params("sigma", 0.0, "dr_o", 1.0, "dr_a", 12.0);
        CouzinSchool start = (CouzinSchool) TYPE.create(p, ReplicaRunner.rng(11));
        start.steps(300);
        double[] position = start.positions();
        double[] heading = start.headings();
        UniformRandomProvider rng = ReplicaRunner.rng(12);
        for (int trial = 0; trial < 5; trial++) {
            double[] r = rotation(rng);
            CouzinSchool a = school(p, position, heading);
            CouzinSchool b = school(p, rotate(r, position, new double[] {40, -7, 3}), rotate(r, heading, new double[3]));
            assertEquals(a.polarization(), b.polarization(), 1e-12);
            assertEquals(a.milling(), b.milling(), 1e-12);
            assertEquals(a.largestGroup(), b.largestGroup());
            for (int step = 0; step < 30; step++) {
                a.steps(1);
                b.steps(1);
                assertEquals(a.polarization(), b.polarization(), 1e-9, "step " + step);
                assertEquals(a.milling(), b.milling(), 1e-9, "step " + step);
            }
        }
    }

    @Test
    void aRingSwimmingRoundItsCentreMillsWithoutPolarization() {
        int n = 60;
        double[] position = new double[3 * n];
        double[] circling = new double[3 * n];
        double[] parallel = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            position[3 * i] = 8 * Math.cos(a);
            position[3 * i + 1] = 8 * Math.sin(a);
            circling[3 * i] = -Math.sin(a);
            circling[3 * i + 1] = Math.cos(a);
            parallel[3 * i + 2] = 1;
        }
        CouzinSchool mill = school(params("N", n), position, circling);
        assertEquals(1.0, mill.milling(), 1e-12);
        assertEquals(0.0, mill.polarization(), 1e-12);
        CouzinSchool school = school(params("N", n), position, parallel);
        assertEquals(1.0, school.polarization(), 1e-12);
        assertEquals(0.0, school.milling(), 1e-12, "r_ic x z summed round the ring cancels");
    }

    /** Two groups 100 apart, r_a = 2: a chain of three 1.5 apart and a pair 1 apart. */
    @Test
    void groupSizeIsTheLargestChainWithinTheAttractionRangeAndDistancesAreToNearestNeighbours() {
        Params p = params("N", 5, "dr_o", 0.5, "dr_a", 0.5);
        double[] position = {0, 0, 0, 1.5, 0, 0, 3, 0, 0, 100, 0, 0, 101, 0, 0};
        double[] heading = {1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0};
        CollectingRecorder out = new CollectingRecorder();
        school(p, position, heading).measure(out);
        assertEquals(java.util.List.of("polarization=1.0", "milling=0.0", "nearest_neighbour_distance=1.3",
                "group_size=0.6"), out.entries);
        // 2.1 apart breaks the chain (r_a = 2): three groups of 2, 1, 2... the largest is 2 of 5.
        position[6] = 3.6;
        out = new CollectingRecorder();
        school(p, position, heading).measure(out);
        assertEquals("group_size=0.4", out.entries.get(3));
    }

    /** The four states of the paper from single replicas at representative points (a few seconds). */
    @Test
    void theFourStatesOfThePaperFormFromRandomStarts() {
        Map<String, double[]> points = Map.of(
                "swarm", new double[] {0, 15},
                "torus", new double[] {1, 15},
                "dynamic_parallel", new double[] {3, 10},
                "highly_parallel", new double[] {10, 10});
        for (var e : points.entrySet()) {
            Params p = TestParams.of(TYPE, "dr_o", e.getValue()[0], "dr_a", e.getValue()[1], "transient", 200.0,
                    "t_max", 350.0);
            Map<String, Estimate> s = ReplicaRunner.run(TYPE, p, 3);
            double polarization = s.get(CouzinSchool.POLARIZATION).mean();
            double milling = s.get(CouzinSchool.MILLING).mean();
            double group = s.get(CouzinSchool.GROUP_SIZE).mean();
            String what = e.getKey() + ": P = " + polarization + ", m = " + milling + ", group " + group;
            assertEquals(e.getKey(), SchoolPhases.name(polarization, milling, group), what);
            assertEquals(1.0, group, what);
            switch (e.getKey()) {
                case "torus" -> assertTrue(milling > 0.8 && polarization < 0.2, what);
                case "highly_parallel" -> assertTrue(polarization > 0.99, what);
                case "dynamic_parallel" -> assertTrue(polarization > 0.85 && polarization < 0.95, what);
                default -> assertTrue(polarization < 0.3 && milling < 0.4, what);
            }
            // About 1 apart: r_r keeps neighbours out of each other's zone of repulsion.
            double spacing = s.get(CouzinSchool.NEAREST_NEIGHBOUR_DISTANCE).mean();
            assertTrue(spacing > 0.8 && spacing < 2.5, what + ", spacing " + spacing);
        }
    }

    /** Without attraction beyond the turning circle (r_a = 3 here) the individuals drift apart. */
    @Test
    void withoutOrientationASmallZoneOfAttractionCannotHoldTheGroup() {
        Params p = TestParams.of(TYPE, "dr_o", 0.0, "dr_a", 2.0, "transient", 200.0, "t_max", 250.0);
        Map<String, Estimate> s = ReplicaRunner.run(TYPE, p, 4);
        double group = s.get(CouzinSchool.GROUP_SIZE).mean();
        assertTrue(group < 0.2, "group " + group);
        assertEquals("fragmented", SchoolPhases.name(s.get(CouzinSchool.POLARIZATION).mean(),
                s.get(CouzinSchool.MILLING).mean(), group));
    }

    /** The long tier: the four states at their points in each of five replicas, 600 s each. */
    @Test
    @Tag("long")
    void theFourStatesFormInEveryReplica() {
        Map<String, double[]> points = Map.of(
                "swarm", new double[] {0, 12},
                "torus", new double[] {0.5, 15},
                "dynamic_parallel", new double[] {4, 8},
                "highly_parallel", new double[] {8, 4});
        for (var e : points.entrySet()) {
            Params p = TestParams.of(TYPE, "dr_o", e.getValue()[0], "dr_a", e.getValue()[1]);
            for (long seed = 20; seed < 25; seed++) {
                Map<String, Estimate> s = ReplicaRunner.run(TYPE, p, seed);
                assertEquals(e.getKey(), SchoolPhases.name(s.get(CouzinSchool.POLARIZATION).mean(),
                        s.get(CouzinSchool.MILLING).mean(), s.get(CouzinSchool.GROUP_SIZE).mean()), "seed " + seed);
            }
        }
    }

    @Test
    void theClassifierAppliesItsThresholdsInOrder() {
        assertEquals("fragmented", SchoolPhases.name(0.999, 0.01, 0.85));
        assertEquals("torus", SchoolPhases.name(0.29, 0.51, 1.0));
        assertEquals("swarm", SchoolPhases.name(0.29, 0.5, 1.0));
        assertEquals("mixed", SchoolPhases.name(0.3, 0.2, 1.0));
        assertEquals("dynamic_parallel", SchoolPhases.name(0.5, 0.2, 1.0));
        assertEquals("mixed", SchoolPhases.name(0.6, 0.6, 1.0));
        assertEquals("dynamic_parallel", SchoolPhases.name(0.95, 0.0, 0.9));
        assertEquals("highly_parallel", SchoolPhases.name(0.951, 0.0, 1.0));
        assertEquals("undetermined", SchoolPhases.name(Double.NaN, 0.0, 1.0));
        var phase = new SchoolPhases().classify(Map.of("polarization", new double[] {0.1, 0.01},
                "milling", new double[] {0.9, 0.02}, "group_size", new double[] {1.0, 0.0}), params());
        assertEquals("torus", phase.name());
        assertEquals("polarization = 0.100 +- 0.010, milling = 0.900 +- 0.020, group_size = 1.000", phase.evidence());
    }

    @Test
    void theTransientEndsExactlyWhereMeasuringStarts() {
        Params p = params("transient", 2.5, "t_max", 10.0, "output_interval", 1.0);
        assertEquals(new Schedule(3, 7), TYPE.schedule(p));
        CouzinSchool school = (CouzinSchool) TYPE.create(p, ReplicaRunner.rng(1));
        for (int unit = 0; unit < 3; unit++) {
            school.advance();
        }
        assertEquals(25, school.stepsDone(), "10 + 10 + 5 steps");
        school.advance();
        assertEquals(35, school.stepsDone());
        assertEquals(new Schedule(0, 60), TYPE.schedule(params("transient", 0.0, "t_max", 30.0, "output_interval", 0.5)));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        var interval = assertThrows(InvalidParameterException.class, () -> params("output_interval", 0.25));
        assertTrue(interval.getMessage().contains("output_interval") && interval.getMessage().contains("dt"),
                interval.getMessage());
        var short_ = assertThrows(InvalidParameterException.class, () -> params("transient", 600.0, "t_max", 600.5));
        assertTrue(short_.getMessage().startsWith("t_max"), short_.getMessage());
        var steps = assertThrows(InvalidParameterException.class, () -> params("transient", 0.05));
        assertTrue(steps.getMessage().startsWith("transient"), steps.getMessage());
        var blind = assertThrows(InvalidParameterException.class, () -> params("blind_angle", 400.0));
        assertTrue(blind.getMessage().contains("blind_angle") && blind.getMessage().contains("360"), blind.getMessage());
        var missing = assertThrows(InvalidParameterException.class, () -> TestParams.of(TYPE, "dr_o", 1.0));
        assertTrue(missing.getMessage().contains("dr_a"), missing.getMessage());
        assertThrows(InvalidParameterException.class, () -> params("N", 1));
        assertThrows(InvalidParameterException.class, () -> params("dr_o", -1.0));
        assertTrue(TYPE.warnings(params()).isEmpty());
        assertTrue(TYPE.warnings(params("speed", 20.0)).get(0).contains("zone of repulsion"));
        assertTrue(TYPE.warnings(params("start_radius", 80.0)).get(0).contains("fragmented"));
    }
}
