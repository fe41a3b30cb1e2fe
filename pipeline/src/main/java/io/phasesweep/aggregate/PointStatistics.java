package io.phasesweep.aggregate;

import io.phasesweep.model.DerivedQuantity;
import io.phasesweep.model.ModelType;
import io.phasesweep.model.ObservableSpec;
import io.phasesweep.model.Params;
import io.phasesweep.stats.Estimate;
import io.phasesweep.stats.Jackknife;

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
 *   replicas scatter more than those errors allow (chi^2/dof > 1, e.g. replicas trapped in
 *   different free-energy valleys), it is scaled by sqrt(chi^2/dof), as the Particle Data Group
 *   does for inconsistent measurements. Replicas with no error (a frozen series) fall back to the
 *   spread between replicas.</li>
 *   <li>Derived quantities: the formula on pooled means, with a jackknife error over replicas.</li>
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
                out.add(observable(o.name(), rs));
            }
        }
        for (DerivedQuantity d : type.derived()) {
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
            out.add(new PointValue(d.name(), e.mean(), e.stderr(), r));
        }
        return out;
    }

    static PointValue observable(String name, List<ReplicaValue> rs) {
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
        double spread = 0;
        double chi2 = 0;
        for (ReplicaValue v : rs) {
            double d = v.value() - mean;
            spread += d * d;
            if (allHaveErrors) {
                chi2 += d * d / (v.stderr() * v.stderr());
            }
        }
        double stderr;
        if (allHaveErrors) {
            stderr = Math.sqrt(sumSq) / r;
            if (r > 1 && chi2 / (r - 1) > 1) {
                stderr *= Math.sqrt(chi2 / (r - 1));
            }
        } else {
            stderr = r > 1 ? Math.sqrt(spread / (r - 1) / r) : Double.NaN;
        }
        return new PointValue(name, mean, stderr, r);
    }
}
