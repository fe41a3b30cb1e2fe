package io.phasesweep.kuramoto;

import io.phasesweep.model.SeriesQuantity;
import io.phasesweep.stats.LogLogFit;

import java.util.ArrayList;
import java.util.List;

/**
 * Growth exponent and saturation of an interface width W(t) sampled at log-spaced times.
 *
 * <p>Saturation: if W grows by less than {@link #FLAT_SLOPE} in d ln W / d ln t over the last
 * {@link #TAIL} samples (within two standard errors, from the errors of W), w_sat is their mean,
 * with the mean of their errors as its error (an upper bound: it treats the tail samples as fully
 * correlated), and t_sat is where the fitted growth law reaches it (the Family-Vicsek crossover
 * time); otherwise both are NaN. The growth window then ends at t_max or, for a saturated
 * interface, where W last stays below half of w_sat, and spans {@link #WINDOW_DECADES} decades back
 * from there: late enough to be past the lattice-scale transient (random deposition at t < 1/K),
 * early enough to be before saturation. beta is the least-squares slope of ln W against ln t in
 * that window ({@link LogLogFit#ordinary}), with its standard error; the window is reported as
 * beta_t_from/beta_t_to.
 */
public final class GrowthAnalysis {
    static final int TAIL = 5;
    static final double FLAT_SLOPE = 0.05;
    static final double WINDOW_DECADES = 1.5;
    static final int MIN_POINTS = 5;

    private GrowthAnalysis() {
    }

    /** @param dw the errors of w (NaN where unknown) */
    public static List<SeriesQuantity.Value> analyse(double[] t, double[] w, double[] dw) {
        int n = t.length;
        double wSat = Double.NaN;
        double wSatErr = Double.NaN;
        double tEnd = t[n - 1];
        if (n >= TAIL + MIN_POINTS && flat(t, w, dw, n - TAIL, n)) {
            double sum = 0;
            double errSum = 0;
            for (int i = n - TAIL; i < n; i++) {
                sum += w[i];
                errSum += dw[i];
            }
            wSat = sum / TAIL;
            wSatErr = errSum / TAIL;
        }
        List<SeriesQuantity.Value> out = new ArrayList<>();
        // A saturated interface: the window ends where W last stays below half the plateau.
        if (!Double.isNaN(wSat)) {
            int below = 0;
            while (below < n && w[below] < 0.5 * wSat) {
                below++;
            }
            tEnd = below > 0 ? t[below - 1] : t[0];
        }
        double tStart = tEnd / Math.pow(10, WINDOW_DECADES);
        int from = 0;
        while (from < n && t[from] < tStart * (1 - 1e-12)) {
            from++;
        }
        int to = from;
        while (to < n && t[to] <= tEnd * (1 + 1e-12)) {
            to++;
        }
        double beta = Double.NaN;
        double betaErr = Double.NaN;
        double tSat = Double.NaN;
        if (to - from >= MIN_POINTS) {
            LogLogFit.Result fit = LogLogFit.ordinary(t, w, from, to);
            beta = fit.slope();
            betaErr = fit.slopeStderr();
            if (!Double.isNaN(wSat) && beta > 0) {
                tSat = Math.exp((Math.log(wSat) - fit.intercept()) / beta);
            }
        }
        out.add(new SeriesQuantity.Value("beta", beta, betaErr));
        out.add(new SeriesQuantity.Value("beta_t_from", to - from >= MIN_POINTS ? t[from] : Double.NaN, Double.NaN));
        out.add(new SeriesQuantity.Value("beta_t_to", to - from >= MIN_POINTS ? t[to - 1] : Double.NaN, Double.NaN));
        if (Double.isNaN(tSat)) {
            // Documented as a pair: a plateau without a crossover time is no saturation we can state.
            wSat = Double.NaN;
            wSatErr = Double.NaN;
        }
        out.add(new SeriesQuantity.Value("w_sat", wSat, wSatErr));
        out.add(new SeriesQuantity.Value("t_sat", tSat, Double.NaN));
        return out;
    }

    /**
     * Whether W is flat over [from, to): its log-log slope is below FLAT_SLOPE, or within two
     * standard errors of it, the error propagated from dw (so a noisy plateau still counts as one).
     */
    private static boolean flat(double[] t, double[] w, double[] dw, int from, int to) {
        double slope = LogLogFit.ordinary(t, w, from, to).slope();
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += Math.log(t[i]) / (to - from);
        }
        double sxx = 0;
        double variance = 0;
        for (int i = from; i < to; i++) {
            double d = Math.log(t[i]) - mean;
            double rel = Double.isFinite(dw[i]) && w[i] > 0 ? dw[i] / w[i] : 0;
            sxx += d * d;
            variance += d * d * rel * rel;
        }
        return slope - 2 * Math.sqrt(variance) / sxx < FLAT_SLOPE;
    }
}
