/**
 * The contact process (Harris, Ann. Probab. 2, 969 (1974)): the simplest lattice model with an
 * absorbing-state phase transition, in the directed-percolation (DP) universality class.
 *
 * <p><b>Model.</b> Sites of a periodic ring (dim = 1, L sites) or square lattice (dim = 2, L x L)
 * are healthy or infected. In continuous time, an infected site recovers at rate 1 and infects each
 * of its 2 dim nearest neighbours at rate lambda / (2 dim) (a no-op if the neighbour is already
 * infected); with h &gt; 0, every healthy site is also infected spontaneously at rate h. Time is in
 * units of the recovery time. With h = 0 the empty lattice is absorbing; in infinite volume the
 * infection survives with positive density for lambda &gt; lambda_c and dies for lambda &lt;= lambda_c.
 *
 * <p><b>Simulation: exact, event by event.</b> The infected sites sit in an int array with an index
 * map for O(1) removal (swap the last into the hole). The total rate is R = (1 + lambda) n + h V
 * (n infected, V sites); the next event comes after an exponential waiting time of rate R (not the
 * deterministic 1/n increments some papers use: the exponential is the exact continuous-time
 * process). An event is spontaneous with probability h V / R (a uniformly chosen site, infected if
 * healthy: null events on infected sites keep the rates exact without a list of healthy sites);
 * otherwise a uniformly chosen infected site recovers with probability 1 / (1 + lambda) or else
 * tries to infect a uniformly chosen neighbour. Nothing is allocated per event.
 *
 * <p><b>What is measured.</b> From a fully infected lattice ({@code start = full}) the density
 * rho(t) decays towards its stationary value (active), to 0 exponentially (absorbing), or at
 * lambda_c as the power law rho ~ t^-delta. From one infected site ({@code start = seed}) the
 * survival probability P(t) ~ t^-delta' (delta' = delta in DP, by time-reversal symmetry) and the
 * mean number infected N(t) ~ t^theta at lambda_c. The late-time slopes of these series on log-log
 * axes (density_slope, survival_slope, infected_slope: {@link io.phasesweep.contact.DecayAnalysis})
 * locate lambda_c where they cross -delta; the phase classifier names each point from them.
 *
 * <p><b>Reference values</b> (rates as above):
 * <ul>
 *   <li>lambda_c(1D) = 3.29785(2): J. Marro and R. Dickman, <i>Nonequilibrium Phase Transitions in
 *   Lattice Models</i> (Cambridge University Press, 1999), from series expansions; also
 *   R. Dickman and J. Kamphorst Leal da Silva, Phys. Rev. E 58, 4266 (1998).</li>
 *   <li>lambda_c(2D) = 1.64877(3): R. Dickman, Phys. Rev. E 60, R2441 (1999); C. A. Voigt and
 *   R. M. Ziff, Phys. Rev. E 56, R6241 (1997) give 1.64874(4); earlier A. G. Moreira and
 *   R. Dickman, Phys. Rev. E 54, R3090 (1996), 1.6488(1).</li>
 *   <li>delta(1D) = 0.159464(6), theta(1D) = 0.313686(8): I. Jensen, J. Phys. A 32, 5233 (1999)
 *   (series for DP). delta(2D) = 0.4505(10), theta(2D) = 0.2295(10): Voigt and Ziff (1997),
 *   P. Grassberger and Y.-C. Zhang, Physica A 224, 169 (1996).</li>
 * </ul>
 * These values are quoted from the literature as the issue states them; see the README for which
 * could be checked against a source here.
 */
package io.phasesweep.contact;
