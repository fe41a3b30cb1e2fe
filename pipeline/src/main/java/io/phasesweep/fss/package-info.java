/**
 * Finite-size scaling on collected estimates; pure Java, no Spark types.
 *
 * <p>Near a continuous transition a quantity measured on linear size L behaves as
 * Y(x, L) = L^(sign * a) f((x - x_c) L^(1/nu)), with x the control parameter (T or K) and a an
 * exponent ratio (gamma/nu for the susceptibility, beta/nu for |m|, 0 for the Binder cumulant).
 * Estimators:
 * <ul>
 *   <li>{@link io.phasesweep.fss.Crossings}: where curves of scale-invariant quantities for
 *   successive sizes cross, extrapolated linearly in 1/L to L = infinity;</li>
 *   <li>{@link io.phasesweep.fss.DataCollapse}: x_c, 1/nu and a minimising the collapse quality
 *   of J. Houdayer and A. K. Hartmann, Phys. Rev. B 70, 014418 (2004) (after Kawashima and Ito,
 *   J. Phys. Soc. Jpn. 62, 435 (1993)): S = mean over points of (Y - Y_master)^2 / (dY^2 +
 *   dY_master^2), with the master curve estimated locally from the other sizes; S ~ 1 for a
 *   collapse within errors;</li>
 *   <li>{@link io.phasesweep.fss.PeakScaling}: heights Y_max ~ L^a and positions
 *   x_max = x_c + b L^(-1/nu) of maxima.</li>
 * </ul>
 * Errors come from a bootstrap over replicas ({@link io.phasesweep.fss.FssAnalysis}): every
 * estimator is rerun on resampled data, not read off a fit's curvature.
 */
package io.phasesweep.fss;
