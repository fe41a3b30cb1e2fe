package io.phasesweep.aggregate;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;
import io.phasesweep.stats.Estimate;
import io.phasesweep.stats.Jackknife;
import io.phasesweep.stats.Spread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Combines the replicas of one grid point. Pure and order-independent: inputs are sorted by
 * replica first, so any partitioning of the work sums in the same order and gives the same bits.
 *
 * <ul>
 *   <li>Observables: the plain mean over replicas (each replica ran the same number of
 *   measurements). Its error propagates the replicas' binning errors, sqrt(sum se_r^2)/R; when the
 *   replicas scatter more than those errors allow (chi^2/dof > 1: replicas trapped in different
 *   free-energy valleys, or different samples of quenched disorder), it is the spread between
 *   replicas / sqrt(R) (or the propagated error, if larger). For equal errors that is the Particle
 *   Data Group's sqrt(chi^2/dof) scaling; for unequal ones it stays the standard error of the
 *   plain mean. Replicas with no error (a frozen series) fall back to the spread between
 *   replicas.</li>
 *   <li>Once-per-replica observables ({@link ObservableSpec#once}: final size, absorption time):
 *   one value per replica and no error within it (its replica row has stderr NaN), so the error
 *   is the sample standard error, spread over replicas / sqrt(R), whatever the rows' stderr
 *   says; NaN for a single replica, where there is no spread to measure.</li>
 *   <li>Derived quantities: the formula on pooled means, with a jackknife error over replicas; for
 *   a single replica, over the aligned blocks of its own time series (its derived row in the
 *   replicas table carries that error).</li>
 * </ul>
 */
public final class PointStatistics {

    private PointStatistics() {
    }

    public static List<PointValue> of(ModelType type, Params params, List<ReplicaValue> values) {
        Map<String, List<ReplicaValue>> byObservable = values.stream()
                .sorted(Comparator.comparingInt(ReplicaValue::replica))
                .collect(Collectors.groupingBy(ReplicaValue::observable, TreeMap::new, Collectors.toList()));
        List<PointValue> out = new ArrayList<>();
        for (ObservableSpec o : type.observables()) {
            List<ReplicaValue> rs = byObservable.get(o.name());
            if (rs != null && !rs.isEmpty()) {
                out.add(observable(o, rs));
            }
        }
        for (DerivedQuantity d : type.derived()) {
            if (d.ofParametersOnly()) {
                // Exact: the same value for every replica, nothing to resample.
                List<ReplicaValue> own = byObservable.get(d.name());
                if (own != null && !own.isEmpty()) {
                    out.add(new PointValue(d.name(), d.formula().evaluate(new double[0], params), 0.0, own.size()));
                }
                continue;
            }
            List<List<ReplicaValue>> inputs = d.inputs().stream().map(byObservable::get).toList();
            if (inputs.stream().anyMatch(l -> l == null || l.isEmpty())) {
                continue;
            }
            int r = inputs.get(0).size();
            double[][] samples = new double[r][d.inputs().size()];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < inputs.size(); j++) {
                    samples[i][j] = inputs.get(j).get(i).value();
                }
            }
            Estimate e = Jackknife.of(samples, m -> d.formula().evaluate(m, params));
            double stderr = e.stderr();
            List<ReplicaValue> own = byObservable.get(d.name());
            if (r == 1 && own != null && own.size() == 1) {
                // No spread over replicas to measure: the replica's own jackknife over its blocks.
                stderr = own.get(0).stderr();
            }
            out.add(new PointValue(d.name(), e.mean(), stderr, r));
        }
        return out;
    }

    /** The point value of one observable, by its kind: see the class comment. */
    static PointValue observable(ObservableSpec o, List<ReplicaValue> rs) {
        return o.isOnce() ? once(o.name(), rs) : measured(o.name(), rs);
    }

    /** One value per replica and no error within it: the sample standard error over replicas. */
    private static PointValue once(String name, List<ReplicaValue> rs) {
        double mean = 0;
        for (ReplicaValue v : rs) {
            mean += v.value();
        }
        mean /= rs.size();
        return new PointValue(name, mean, spreadError(rs, mean), rs.size());
    }

    /** Spread over replicas / sqrt(R): the standard error of the mean of R independent values; NaN for R = 1. */
    private static double spreadError(List<ReplicaValue> rs, double mean) {
        return Spread.standardError(rs.stream().mapToDouble(ReplicaValue::value).toArray(), mean);
    }

    private static PointValue measured(String name, List<ReplicaValue> rs) {
        int r = rs.size();
        double sum = 0;
        double sumSq = 0;
        boolean allHaveErrors = true;
        for (ReplicaValue v : rs) {
            sum += v.value();
            sumSq += v.stderr() * v.stderr();
            allHaveErrors &= v.stderr() > 0;
        }
        double mean = sum / r;
        if (!allHaveErrors) {
            return new PointValue(name, mean, spreadError(rs, mean), r);
        }
        double chi2 = 0;
        for (ReplicaValue v : rs) {
            double d = v.value() - mean;
            chi2 += d * d / (v.stderr() * v.stderr());
        }
        double stderr = Math.sqrt(sumSq) / r;
        if (r > 1 && chi2 / (r - 1) > 1) {
            // The replicas disagree: the spread between them measures the mean's error. (PDG's
            // sqrt(chi^2/dof) factor equals this for equal errors, but for a plain mean of unequal
            // ones it multiplies the largest error by a chi^2 the smallest one sets: replicas of
            // quenched disorder with errors 1e-6 and 1e-3 scattered by 0.01 gave ~10^3.)
            stderr = Math.max(stderr, spreadError(rs, mean));
        }
        return new PointValue(name, mean, stderr, r);
    }
}
