package io.phasesweep.couzin;

import io.phasesweep.model.Params;
import io.phasesweep.model.PhaseClassifier;

import java.util.Locale;
import java.util.Map;

/**
 * Names a point's collective state from its mean polarization P, milling m and group size (the
 * points table's means: averages over the measured snapshots and the replicas). In this order,
 * the first that applies:
 * <ol>
 *   <li>{@code fragmented}: group_size &lt; {@value #COHESIVE}: on average more than a tenth of the
 *   individuals are outside the largest group, so P and m, taken over all of them, describe no
 *   single group (the paper's break-up at small dr_a);</li>
 *   <li>{@code torus}: m &gt; {@value #MILLING} and P &lt; {@value #DISORDERED} (the torus);</li>
 *   <li>{@code swarm}: m &lt;= {@value #MILLING} and P &lt; {@value #DISORDERED}: cohesive, neither
 *   milling nor polarised;</li>
 *   <li>{@code highly_parallel}: P &gt; {@value #HIGHLY_PARALLEL} (the issue's);</li>
 *   <li>{@code dynamic_parallel}: {@value #PARALLEL} &lt;= P &lt;= {@value #HIGHLY_PARALLEL} and
 *   m &lt;= {@value #MILLING};</li>
 *   <li>{@code mixed}: anything else: P between {@value #DISORDERED} and {@value #PARALLEL}, or a
 *   polarised mill. Mostly points whose replicas ended in different states (the torus and the
 *   dynamic parallel group coexist at small dr_o, the paper's collective memory); a point is
 *   named by its means, so the state most of its replicas reached names it when they agree enough.</li>
 * </ol>
 * A point without one of the three means (every replica failed) is {@code undetermined}.
 * Between the states the measured values leave wide gaps (at the paper's parameters, N = 100:
 * swarm P 0.15 to 0.25 and m 0.15 to 0.25, torus P about 0.1 and m 0.9, dynamic parallel P 0.91,
 * highly parallel P 0.999), and the thresholds lie in them. The swarm threshold P &lt; 0.1 is
 * not used: it lies at the value of independent random headings (0.092 for N = 100), below the
 * swarms this model forms, whose centre of mass wanders (P grows with N: 0.13 at N = 50,
 * 0.24 at N = 400).
 */
final class SchoolPhases implements PhaseClassifier {
    static final double COHESIVE = 0.9;
    static final double MILLING = 0.5;
    static final double DISORDERED = 0.3;
    static final double PARALLEL = 0.5;
    static final double HIGHLY_PARALLEL = 0.95;

    private static final double[] MISSING = {Double.NaN, Double.NaN};

    @Override
    public Phase classify(Map<String, double[]> values, Params params) {
        double[] p = values.getOrDefault(CouzinSchool.POLARIZATION, MISSING);
        double[] m = values.getOrDefault(CouzinSchool.MILLING, MISSING);
        double[] g = values.getOrDefault(CouzinSchool.GROUP_SIZE, MISSING);
        String evidence = String.format(Locale.ROOT, "polarization = %.3f +- %.2g, milling = %.3f +- %.2g,"
                + " group_size = %.3f", p[0], p[1], m[0], m[1], g[0]);
        return new Phase(name(p[0], m[0], g[0]), evidence);
    }

    static String name(double polarization, double milling, double groupSize) {
        if (Double.isNaN(polarization) || Double.isNaN(milling) || Double.isNaN(groupSize)) {
            return "undetermined";
        }
        if (groupSize < COHESIVE) {
            return "fragmented";
        }
        if (polarization < DISORDERED) {
            return milling > MILLING ? "torus" : "swarm";
        }
        if (polarization > HIGHLY_PARALLEL) {
            return "highly_parallel";
        }
        if (polarization >= PARALLEL && milling <= MILLING) {
            return "dynamic_parallel";
        }
        return "mixed";
    }
}
