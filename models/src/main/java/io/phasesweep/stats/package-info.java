/**
 * Error analysis for Monte Carlo data.
 *
 * <p>Within one replica the measurements form a correlated time series. {@link
 * io.phasesweep.stats.BinningAccumulator} averages them into bins of 2<sup>k</sup> consecutive
 * values at every level k at once (logarithmic binning, Flyvbjerg and Petersen, J. Chem. Phys. 91,
 * 461 (1989); Ambegaokar and Troyer, Am. J. Phys. 78, 150 (2010)). Once bins are longer than the
 * correlation time, the naive error of the bin means is the true error of the mean, and
 * {@code tau_int = (err_k / err_0)^2 / 2}.
 *
 * <p>Across independent replicas, non-linear functions of means (Binder cumulant, susceptibility)
 * get their errors from the {@link io.phasesweep.stats.Jackknife} (Efron, 1982).
 */
package io.phasesweep.stats;
