package io.phasesweep.stats;

import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLogFitTest {
    static final double[] SIZES = {16, 32, 64, 128, 256};

    @Test
    void exactPowerLawGivesItsExponent() {
        double[] y = new double[SIZES.length];
        double[] dy = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            y[i] = 0.3 * Math.pow(SIZES[i], 1.5);
            dy[i] = 0.01 * y[i];
        }
        LogLogFit.Result fit = LogLogFit.weighted(SIZES, y, dy);
        assertEquals(1.5, fit.slope(), 1e-9);
        assertEquals(0.0, fit.chi2PerDof(), 1e-12);
        // Relative errors of 1% on an ln-size lever arm: sigma = 0.01 / sqrt(sum (u - mean u)^2).
        double mean = 0;
        for (double s : SIZES) {
            mean += Math.log(s) / SIZES.length;
        }
        double sxx = 0;
        for (double s : SIZES) {
            sxx += (Math.log(s) - mean) * (Math.log(s) - mean);
        }
        assertEquals(0.01 / Math.sqrt(sxx), fit.slopeStderr(), 1e-9);
    }

    /** Over many noisy data sets the one-sigma interval covers the true exponent about 68% of the time. */
    @Test
    void errorsCoverTheTrueExponent() {
        UniformRandomProvider rng = ReplicaRunner.rng(11);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int sets = 400;
        int covered = 0;
        for (int k = 0; k < sets; k++) {
            double[] y = new double[SIZES.length];
            double[] dy = new double[SIZES.length];
            for (int i = 0; i < SIZES.length; i++) {
                dy[i] = 0.03 * Math.pow(SIZES[i], 0.5);
                y[i] = Math.pow(SIZES[i], 0.5) + dy[i] * gauss.sample();
            }
            LogLogFit.Result fit = LogLogFit.weighted(SIZES, y, dy);
            covered += Math.abs(fit.slope() - 0.5) < fit.slopeStderr() ? 1 : 0;
        }
        // The scale factor max(1, sqrt(chi2/dof)) only widens: coverage between 68% and ~80%;
        // the binomial spread over 400 sets is 2.3%.
        double coverage = (double) covered / sets;
        assertTrue(coverage > 0.63 && coverage < 0.85, "coverage " + coverage);
    }

    @Test
    void withoutErrorsTheResidualsGiveTheErrorAndTwoPointsGiveNone() {
        double[] y = {1.0, 1.5, 1.9, 2.9};
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        LogLogFit.Result fit = LogLogFit.weighted(new double[]{1, 2, 4, 8}, y, nan);
        var ols = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            ols.addData(Math.log(new double[]{1, 2, 4, 8}[i]), Math.log(y[i]));
        }
        assertEquals(ols.getSlope(), fit.slope(), 1e-9);
        assertEquals(ols.getSlopeStdErr(), fit.slopeStderr(), 1e-9);
        assertFalse(fit.weighted());
        // Without errors chi2PerDof is the residual variance, the OLS mean square error.
        assertEquals(ols.getMeanSquareError(), fit.chi2PerDof(), 1e-12);
        LogLogFit.Result two = LogLogFit.weighted(new double[]{16, 64}, new double[]{4, 8}, new double[]{Double.NaN, Double.NaN});
        assertEquals(0.5, two.slope(), 1e-12);
        assertTrue(Double.isNaN(two.slopeStderr()));
    }

    /** The closed-form and the iterative solver are the same least squares: they agree to rounding. */
    @Test
    void ordinaryAndUnweightedFitsAgree() {
        double[] x = {3, 5, 9, 17, 33, 65};
        double[] y = {0.2, 0.0, 0.41, 0.52, 0.93, 1.4};
        double[] nan = new double[x.length];
        java.util.Arrays.fill(nan, Double.NaN);
        // The zero is left out by ordinary (no logarithm); weighted gets the same five points.
        LogLogFit.Result ols = LogLogFit.ordinary(x, y, 0, x.length);
        double[] x5 = {3, 9, 17, 33, 65};
        double[] y5 = {0.2, 0.41, 0.52, 0.93, 1.4};
        LogLogFit.Result lm = LogLogFit.weighted(x5, y5, java.util.Arrays.copyOf(nan, 5));
        assertEquals(ols.slope(), lm.slope(), 1e-12);
        assertEquals(ols.intercept(), lm.intercept(), 1e-12);
        assertEquals(ols.slopeStderr(), lm.slopeStderr(), 1e-12);
        assertEquals(ols.chi2PerDof(), lm.chi2PerDof(), 1e-12);
        // and the slope is the textbook one: Sxy / Sxx
        double mu = 0;
        double mv = 0;
        for (int i = 0; i < 5; i++) {
            mu += Math.log(x5[i]) / 5;
            mv += Math.log(y5[i]) / 5;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 5; i++) {
            sxy += (Math.log(x5[i]) - mu) * (Math.log(y5[i]) - mv);
            sxx += (Math.log(x5[i]) - mu) * (Math.log(x5[i]) - mu);
        }
        assertEquals(sxy / sxx, ols.slope(), 1e-12);
    }
}
