package io.phasesweep.fss;

import io.phasesweep.model.ReplicaRunner;
import io.phasesweep.model.Scaling;
import io.phasesweep.stats.Jackknife;
import io.phasesweep.stats.Spread;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs every estimator on the measured curves and on bootstrap resamples of them. A bootstrap
 * sample redraws, at every (size, x) point independently, that point's replicas with replacement
 * and recomputes the quantity from the pooled resampled means; an estimate's error is the spread
 * of the estimator over the samples. Deterministic: the resampling is seeded.
 */
public final class FssAnalysis {

    /**
     * Analysis settings: the scaling window in the control parameter (crossings and collapses use
     * only points inside it; peaks are searched on all points), bootstrap samples, seed.
     */
    public record Settings(double windowLo, double windowHi, int bootstrap, long seed) {
    }

    /** A quantity at one (size, x): the replicas' means of its inputs and the formula on pooled means. */
    public record Point(double size, double x, double[][] replicas, ToDoubleFunction<double[]> formula) {
    }

    /** One quantity over all sizes and x, with its finite-size-scaling form. */
    public record Quantity(String name, Scaling scaling, List<Point> points) {
    }

    /** One row of the fss table. */
    public record Result(String quantity, double estimate, double stderr, Method method, String observable,
                         double chi2PerDof, String sizes, int samples) {
    }

    private FssAnalysis() {
    }

    /**
     * Runs every estimator on all sizes and again without the smallest size (when at least three
     * remain for crossings, two for collapses): corrections to scaling show up as the difference.
     * Crossings of single size pairs are reported once.
     */
    public static List<Result> run(List<Quantity> quantities, Settings settings) {
        List<Result> out = new ArrayList<>();
        List<Double> sizes = quantities.stream().flatMap(q -> q.points().stream()).map(Point::size)
                .distinct().sorted().toList();
        List<List<Double>> subsets = new ArrayList<>();
        subsets.add(sizes);
        if (sizes.size() >= 3) {
            subsets.add(sizes.subList(1, sizes.size()));
        }
        for (List<Double> subset : subsets) {
            List<Quantity> restricted = quantities.stream().map(q -> new Quantity(q.name(), q.scaling(),
                    q.points().stream().filter(p -> subset.contains(p.size())).toList())).toList();
            boolean allSizes = subset.size() == sizes.size();
            // Central curves and bootstrap samples once per quantity: every windowed estimator uses them.
            Map<Quantity, Sampled> sampled = new java.util.IdentityHashMap<>();
            for (Quantity q : restricted) {
                sampled.put(q, new Sampled(curves(q, settings, null), samples(q, settings)));
            }
            double critical = Double.NaN;
            for (Quantity q : restricted) {
                if (q.scaling().exponent().isEmpty()) {
                    for (Result r : crossings(q.name(), sampled.get(q))) {
                        if (Estimand.CRITICAL_POINT.is(r.quantity()) && Double.isFinite(r.estimate())) {
                            critical = r.estimate();
                        }
                        if (allSizes || !Estimand.CROSSING.is(r.quantity())) {
                            out.add(r);
                        }
                    }
                }
            }
            for (Quantity q : restricted) {
                out.addAll(collapse(q, sampled.get(q), settings, critical));
                if (q.scaling().sign() > 0) {
                    for (Result r : peaks(q, settings, critical)) {
                        // Peaks already drop unbracketed sizes, so two subsets can give the same row.
                        if (out.stream().noneMatch(o -> o.method() == r.method() && o.quantity().equals(r.quantity())
                                && o.observable().equals(r.observable()) && o.sizes().equals(r.sizes()))) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        out.addAll(finals(out, quantities, sizes));
        return out;
    }

    /**
     * One {@code final} row per quantity, by a fixed rule: x_c and nu from the collapse of the
     * scale-invariant quantity (the Binder cumulant), each exponent ratio from the collapse of its
     * own quantity; the estimate on the larger sizes (smallest dropped), its error the bootstrap
     * error combined in quadrature with the shift from the all-sizes estimate, a measure of the
     * corrections to scaling that the statistical error alone does not cover. With only two sizes
     * the all-sizes estimate is final and has no such term.
     */
    static List<Result> finals(List<Result> results, List<Quantity> quantities, List<Double> sizes) {
        String all = join(sizes.toArray(Double[]::new));
        String large = sizes.size() >= 3 ? join(sizes.subList(1, sizes.size()).toArray(Double[]::new)) : all;
        List<Result> out = new ArrayList<>();
        for (Quantity q : quantities) {
            List<String> names = new ArrayList<>();
            if (q.scaling().exponent().isEmpty()) {
                names.add(Estimand.CRITICAL_POINT.label());
                names.add(Estimand.NU.label());
            } else {
                names.add(q.scaling().exponent().get());
            }
            for (String name : names) {
                Result a = find(results, name, Method.COLLAPSE, q.name(), all);
                Result b = find(results, name, Method.COLLAPSE, q.name(), large);
                if (a == null || b == null) {
                    continue;
                }
                double shift = large.equals(all) ? 0.0 : b.estimate() - a.estimate();
                out.add(new Result(name, b.estimate(), Math.hypot(b.stderr(), shift), Method.FINAL, q.name(),
                        b.chi2PerDof(), b.sizes(), b.samples()));
            }
        }
        return out;
    }

    private static Result find(List<Result> results, String quantity, Method method, String observable, String sizes) {
        return results.stream().filter(r -> r.quantity().equals(quantity) && r.method() == method
                && r.observable().equals(observable) && r.sizes().equals(sizes)).findFirst().orElse(null);
    }

    // ---- curves -------------------------------------------------------------------------

    /** Curves per size (sorted by size) in the window; resampled when rng is given. */
    static Map<Double, Curve> curves(Quantity q, Settings s, UniformRandomProvider rng) {
        Map<Double, List<Point>> bySize = q.points().stream()
                .filter(p -> p.x() >= s.windowLo() && p.x() <= s.windowHi())
                .collect(Collectors.groupingBy(Point::size, TreeMap::new, Collectors.toList()));
        Map<Double, Curve> curves = new LinkedHashMap<>();
        for (Map.Entry<Double, List<Point>> e : bySize.entrySet()) {
            List<Point> pts = new ArrayList<>(e.getValue());
            pts.sort((a, b) -> Double.compare(a.x(), b.x()));
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            double[] dy = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                Point p = pts.get(i);
                x[i] = p.x();
                io.phasesweep.stats.Estimate central = Jackknife.of(p.replicas(), p.formula());
                dy[i] = central.stderr();
                y[i] = rng == null ? central.mean() : p.formula().applyAsDouble(resampledMean(p.replicas(), rng));
            }
            curves.put(e.getKey(), new Curve(x, y, dy));
        }
        return curves;
    }

    private static double[] resampledMean(double[][] replicas, UniformRandomProvider rng) {
        int r = replicas.length;
        double[] mean = new double[replicas[0].length];
        for (int i = 0; i < r; i++) {
            double[] pick = replicas[rng.nextInt(r)];
            for (int j = 0; j < mean.length; j++) {
                mean[j] += pick[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= r;
        }
        return mean;
    }

    /** Bootstrap samples of the curves; sample b uses its own seeded stream. */
    private static List<Map<Double, Curve>> samples(Quantity q, Settings s) {
        List<Map<Double, Curve>> samples = new ArrayList<>();
        for (int b = 0; b < s.bootstrap(); b++) {
            samples.add(curves(q, s, ReplicaRunner.rng(s.seed() * 1_000_003L + b)));
        }
        return samples;
    }

    // ---- estimators ---------------------------------------------------------------------

    /** The measured curves (per size) and their bootstrap resamples. */
    private record Sampled(Map<Double, Curve> central, List<Map<Double, Curve>> boots) {
    }

    /** Crossings of successive sizes and their extrapolation (for an invariant quantity). */
    static List<Result> crossings(Quantity q, Settings s) {
        return crossings(q.name(), new Sampled(curves(q, s, null), samples(q, s)));
    }

    private static List<Result> crossings(String name, Sampled sampled) {
        Map<Double, Curve> central = sampled.central();
        List<Map<Double, Curve>> boots = sampled.boots();
        Double[] sizes = central.keySet().toArray(Double[]::new);
        List<Result> out = new ArrayList<>();
        List<Double> pairSize = new ArrayList<>();
        List<Double> pairX = new ArrayList<>();
        List<Double> pairErr = new ArrayList<>();
        List<double[]> pairBoot = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            double x = Crossings.crossing(central.get(sizes[i]), central.get(sizes[i + 1]));
            double[] boot = new double[boots.size()];
            for (int b = 0; b < boots.size(); b++) {
                boot[b] = Crossings.crossing(boots.get(b).get(sizes[i]), boots.get(b).get(sizes[i + 1]));
            }
            double err = sd(boot);
            String pair = join(new Double[]{sizes[i], sizes[i + 1]});
            out.add(new Result(Estimand.CROSSING.label(), x, err, Method.CROSSING, name, Double.NaN, pair, finite(boot)));
            if (Double.isFinite(x) && err > 0) {
                pairSize.add(sizes[i]);
                pairX.add(x);
                pairErr.add(err);
                pairBoot.add(boot);
            }
        }
        if (pairX.isEmpty()) {
            return out;
        }
        double[] l = unbox(pairSize);
        double[] err = unbox(pairErr);
        double[] fit = Crossings.extrapolate(l, unbox(pairX), err);
        double[] boot = new double[boots.size()];
        for (int b = 0; b < boots.size(); b++) {
            double[] xb = new double[l.length];
            for (int k = 0; k < l.length; k++) {
                xb[k] = pairBoot.get(k)[b];
            }
            boot[b] = Arrays.stream(xb).allMatch(Double::isFinite) ? Crossings.extrapolate(l, xb, err)[0] : Double.NaN;
        }
        Method method = l.length == 1 ? Method.CROSSING : Method.CROSSING_EXTRAPOLATION;
        out.add(new Result(Estimand.CRITICAL_POINT.label(), fit[0], sd(boot), method, name, fit[1], join(sizes), finite(boot)));
        return out;
    }

    private static List<Result> collapse(Quantity q, Sampled sampled, Settings s, double critical) {
        Map<Double, Curve> central = sampled.central();
        if (central.size() < 2) {
            return List.of();
        }
        double[] sizes = central.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        int sign = q.scaling().sign();
        double xc0 = Double.isFinite(critical) ? critical : 0.5 * (s.windowLo() + s.windowHi());
        double xScale = Math.max(1e-6, Math.min(s.windowHi() - s.windowLo(), Math.abs(xc0) + 1e-3));
        if (!Double.isFinite(xScale)) {
            xScale = Math.max(1e-3, Math.abs(xc0));
        }
        List<double[]> starts = new ArrayList<>();
        for (double invNu : new double[]{0.8, 1.5}) {
            for (double a : sign == 0 ? new double[]{0.0} : new double[]{0.2, 1.0, 2.0}) {
                starts.add(new double[]{xc0, invNu, a});
            }
        }
        DataCollapse.Fit fit = DataCollapse.fit(sizes, List.copyOf(central.values()), sign, starts, xScale);
        if (!Double.isFinite(fit.quality())) {
            // Too few overlapping points to measure a collapse: the "fit" is its starting point.
            return List.of();
        }
        List<Map<Double, Curve>> boots = sampled.boots();
        double[] bx = new double[boots.size()];
        double[] bnu = new double[boots.size()];
        double[] ba = new double[boots.size()];
        double[] from = {fit.criticalPoint(), fit.inverseNu(), fit.exponent()};
        for (int b = 0; b < boots.size(); b++) {
            DataCollapse.Fit f = DataCollapse.fit(sizes, List.copyOf(boots.get(b).values()), sign, List.of(from), xScale);
            boolean converged = Double.isFinite(f.quality());
            bx[b] = converged ? f.criticalPoint() : Double.NaN;
            bnu[b] = converged ? 1.0 / f.inverseNu() : Double.NaN;
            ba[b] = converged ? f.exponent() : Double.NaN;
        }
        String sz = join(central.keySet().toArray(Double[]::new));
        List<Result> out = new ArrayList<>();
        out.add(new Result(Estimand.CRITICAL_POINT.label(), fit.criticalPoint(), sd(bx), Method.COLLAPSE, q.name(), fit.quality(), sz, finite(bx)));
        out.add(new Result(Estimand.NU.label(), 1.0 / fit.inverseNu(), sd(bnu), Method.COLLAPSE, q.name(), fit.quality(), sz, finite(bnu)));
        q.scaling().exponent().ifPresent(name ->
                out.add(new Result(name, fit.exponent(), sd(ba), Method.COLLAPSE, q.name(), fit.quality(), sz, finite(ba))));
        return out;
    }

    private static List<Result> peaks(Quantity q, Settings window, double critical) {
        // Maxima of small systems lie well away from x_c: peaks are located on the whole range,
        // and sizes whose maximum the data do not bracket are left out.
        Settings s = new Settings(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, window.bootstrap(), window.seed());
        Map<Double, Curve> all = curves(q, s, null);
        List<Double> bracketed = all.entrySet().stream()
                .filter(e -> Double.isFinite(PeakScaling.peak(e.getValue()).height())).map(Map.Entry::getKey).toList();
        if (bracketed.size() < 2) {
            return List.of();
        }
        Quantity kept = new Quantity(q.name(), q.scaling(),
                q.points().stream().filter(p -> bracketed.contains(p.size())).toList());
        // Each size's curve stands alone: keep the bracketed ones rather than recomputing them.
        Map<Double, Curve> central = new LinkedHashMap<>(all);
        central.keySet().retainAll(bracketed);
        List<Map<Double, Curve>> boots = samples(kept, s);
        double[] sizes = central.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[][] c = peakTable(central);
        String sz = join(central.keySet().toArray(Double[]::new));
        String exponent = q.scaling().exponent().orElseThrow();
        double[] height = PeakScaling.heightExponent(sizes, c[1]);
        double[] bh = new double[boots.size()];
        double[][][] bootPeaks = new double[boots.size()][][];
        for (int b = 0; b < boots.size(); b++) {
            bootPeaks[b] = peakTable(boots.get(b));
            bh[b] = Arrays.stream(bootPeaks[b][1]).allMatch(v -> v > 0)
                    ? PeakScaling.heightExponent(sizes, bootPeaks[b][1])[0] : Double.NaN;
        }
        List<Result> out = new ArrayList<>();
        out.add(new Result(exponent, height[0], sd(bh), Method.PEAK_HEIGHT, q.name(), height[1], sz, finite(bh)));
        if (sizes.length >= 4) {
            double guess = Double.isFinite(critical) ? critical : c[0][c[0].length - 1];
            try {
                double[] pos = PeakScaling.position(sizes, c[0], guess);
                double[] bx = new double[boots.size()];
                double[] bnu = new double[boots.size()];
                for (int b = 0; b < boots.size(); b++) {
                    try {
                        double[] p = PeakScaling.position(sizes, bootPeaks[b][0], pos[0]);
                        bx[b] = p[0];
                        bnu[b] = 1.0 / p[1];
                    } catch (RuntimeException e) {
                        bx[b] = Double.NaN;
                        bnu[b] = Double.NaN;
                    }
                }
                out.add(new Result(Estimand.CRITICAL_POINT.label(), pos[0], sd(bx), Method.PEAK_POSITION, q.name(), Double.NaN, sz, finite(bx)));
                out.add(new Result(Estimand.NU.label(), 1.0 / pos[1], sd(bnu), Method.PEAK_POSITION, q.name(), Double.NaN, sz, finite(bnu)));
            } catch (RuntimeException e) {
                // The three-parameter fit did not converge on these peaks: report nothing rather than noise.
            }
        }
        return out;
    }

    private static double[][] peakTable(Map<Double, Curve> curves) {
        double[][] t = new double[2][curves.size()];
        int i = 0;
        for (Curve c : curves.values()) {
            PeakScaling.Peak p = PeakScaling.peak(c);
            t[0][i] = p.x();
            t[1][i] = p.height();
            i++;
        }
        return t;
    }

    // ---- helpers ------------------------------------------------------------------------

    /** Sample standard deviation of the finite values (NaN if fewer than 2). */
    static double sd(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
        if (f.length < 2) {
            return Double.NaN;
        }
        return Spread.standardDeviation(f, Arrays.stream(f).average().orElseThrow());
    }

    private static int finite(double[] v) {
        return (int) Arrays.stream(v).filter(Double::isFinite).count();
    }

    private static double[] unbox(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The sizes column: whole sizes as integers ({@code 8,16}), others as doubles ({@code 12.5,25}). */
    static String join(Double[] sizes) {
        return Arrays.stream(sizes).map(FssAnalysis::sizeLabel).collect(Collectors.joining(","));
    }

    public static String sizeLabel(double size) {
        return size == Math.rint(size) && Math.abs(size) < 1e15 ? Long.toString((long) size) : Double.toString(size);
    }
}
