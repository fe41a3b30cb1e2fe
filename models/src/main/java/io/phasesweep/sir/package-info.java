/**
 * SIR epidemics on random spatial networks ({@code sir_network}).
 *
 * <p><b>Network.</b> N nodes uniform on the periodic unit interval (dim = 1) or unit square
 * (dim = 2), node i with an expected degree kappa_i: k_mean for all ({@code degrees = fixed}) or
 * drawn from an exponential or power-law distribution of mean k_mean
 * ({@link io.phasesweep.sir.DegreeDistribution}). Nodes i, j at minimum-image distance d are joined
 * with probability p(d) = min(1, kappa_i kappa_j K(d) / Z), with kernel K(r) = exp(-r / ell)
 * ({@code exponential}) or (1 + r / ell)^(-a) ({@code power_law}). For fixed degrees Z is fixed so
 * that the expected degree is exactly k_mean over the actual periodic box, clipping included:
 * (N - 1) times the torus average of p equals k_mean, the average computed by radial quadrature
 * ({@link io.phasesweep.sir.SpatialKernel}), so a kernel much wider than the box gives the
 * Erdos-Renyi graph G(N, k_mean / (N - 1)) and a node's degree is exactly
 * Binomial(N - 1, k_mean / (N - 1)). For distributed degrees Z = (N - 1) k_mean I_K, I_K the torus
 * integral of K, so that a node's degree is Binomial(N - 1, kappa_i / (N - 1)) given kappa_i (mixed
 * Poisson as N grows) as long as no pair is clipped; pairs with kappa_i kappa_j K(d) &gt; Z (hubs
 * close together on a short kernel) lower the mean degree below k_mean, by the amount
 * {@link io.phasesweep.sir.SpatialKernel#expectedMeanDegree} computes (a warning above 1 %). Every
 * kernel is built by exact cell-pair sampling in O(N log N + E) expected time (Bringmann, Keusch
 * and Lengler; see {@link io.phasesweep.sir.DyadicEdgeSampler}).
 *
 * <p><b>Epidemic.</b> Markovian SIR: an infected node infects each susceptible neighbour at rate
 * beta and recovers at rate gamma; time in the units of the rates. Simulated exactly, event-driven
 * (Kiss, Miller and Simon, <i>Mathematics of Epidemics on Networks</i>, Springer 2017, ch. 9):
 * each infection draws the node's recovery time and per-edge transmission times, and an indexed
 * heap delivers the earliest pending event. The seed is the node nearest the centre of the box, at
 * t = 0, or a random fraction of the nodes ({@code seed_fraction}). With R0 given,
 * beta = gamma T / (1 - T), T = R0 / kappa_excess and kappa_excess = (N - 2) / (N - 1)
 * E[kappa^2] / E[kappa] the mean excess degree of the mixed-binomial degrees.
 *
 * <p><b>Reference value.</b> For Poisson-like degrees (well mixed: k_mean large, kernel wider than
 * the box) the final size of a major outbreak solves z = 1 - exp(-R0 z) as N grows (the attack rate
 * depends on the transmissibility T alone, Kenah and Robins, Phys. Rev. E 76, 036113 (2007)):
 * z = 0.5828 at R0 = 1.5, 0.7968 at 2, 0.9405 at 3; no major outbreak for R0 &lt; 1. For other
 * degree distributions (generating functions G0, G1 = G0' / G0'(1)) Newman (Phys. Rev. E 66, 016128
 * (2002)): u = G1(1 - T + T u), z = 1 - G0(1 - T + T u); with a random fraction f infected at t = 0,
 * theta = 1 - T + T (1 - f) G1(theta), z = 1 - (1 - f) G0(theta) (Miller, Slim and Volz, J. Math.
 * Biol. 64, 855 (2012)).
 */
package io.phasesweep.sir;
