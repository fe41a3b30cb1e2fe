package io.phasesweep.fss;

import io.phasesweep.model.ReplicaRunner;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerLawFitTest {
    static final double[] SIZES = {16, 32, 64, 128, 256};

    @Test
    void exactPowerLawGivesItsExponent() {
        double[] y = new double[SIZES.length];
        double[] dy = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            y[i] = 0.3 * Math.pow(SIZES[i], 1.5);
            dy[i] = 0.01 * y[i];
        }
        PowerLawFit.Result fit = PowerLawFit.fit(SIZES, y, dy);
        assertEquals(1.5, fit.exponent(), 1e-9);
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
        assertEquals(0.01 / Math.sqrt(sxx), fit.stderr(), 1e-9);
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
            PowerLawFit.Result fit = PowerLawFit.fit(SIZES, y, dy);
            covered += Math.abs(fit.exponent() - 0.5) < fit.stderr() ? 1 : 0;
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
        PowerLawFit.Result fit = PowerLawFit.fit(new double[]{1, 2, 4, 8}, y, nan);
        var ols = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            ols.addData(Math.log(new double[]{1, 2, 4, 8}[i]), Math.log(y[i]));
        }
        assertEquals(ols.getSlope(), fit.exponent(), 1e-9);
        assertEquals(ols.getSlopeStdErr(), fit.stderr(), 1e-9);
        assertTrue(Double.isNaN(fit.chi2PerDof()));
        PowerLawFit.Result two = PowerLawFit.fit(new double[]{16, 64}, new double[]{4, 8}, new double[]{Double.NaN, Double.NaN});
        assertEquals(0.5, two.exponent(), 1e-12);
        assertTrue(Double.isNaN(two.stderr()));
    }
}
