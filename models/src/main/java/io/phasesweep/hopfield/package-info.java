/**
 * Associative memory: the Hopfield network and dense (p-body) Hebbian networks.
 *
 * <p>N neurons s_i = +-1 store P random unbiased patterns xi^mu (xi_i^mu = +-1 with probability 1/2
 * each, quenched). With the Mattis overlaps m_mu = (1/N) sum_i xi_i^mu s_i and F(x) = x^p / p,
 * <pre>
 *   H = -N sum_mu F(m_mu) = -(1 / (p N^(p-1))) sum_mu sum_{i_1..i_p} xi_{i_1}^mu .. xi_{i_p}^mu s_{i_1} .. s_{i_p},
 * </pre>
 * the sum running over all index tuples, coinciding indices included (the self-interaction terms
 * are part of H). A flip of s_i changes m_mu by -2 xi_i^mu s_i / N, and its energy change is
 * computed exactly from the P overlaps (O(P), no N x N coupling matrix; see
 * {@link io.phasesweep.hopfield.HopfieldNetwork#flipGain}).
 * <ul>
 *   <li>p = 2 is the Hopfield network with J_ij = (1/N) sum_mu xi_i^mu xi_j^mu: the diagonal
 *   contributes the constant -P/2 to H, so every energy change, and the dynamics, is exactly that of
 *   J_ii = 0 (the usual convention; Amit, Gutfreund and Sompolinsky).</li>
 *   <li>p &gt;= 3: the coinciding-index terms are lower-order interactions that are not constant.
 *   For p = 3, H = H_distinct - (1 - 2/(3N)) sum_mu m_mu: a quenched one-body field
 *   (1 - 2/(3N)) (1/N) sum_mu xi_i^mu on neuron i. For p = 4, H = H_distinct
 *   - (3/2)(1 - 4/(3N)) sum_mu m_mu^2 + const: a pairwise Hebbian term over all P patterns. In the
 *   Gaussian (signal-to-noise) approximation the crosstalk on a neuron of a retrieved pattern has
 *   variance P (2p-3)!! / N^(p-1) with these terms and P (p-1)! / N^(p-1) without (distinct indices
 *   only): 3/2 times larger for p = 3, 5/2 times for p = 4, at the same P. This is the convention of
 *   Krotov and Hopfield (2016), whose update compares F of the full sums with neuron i set to +1 and
 *   to -1, which is our energy difference; capacities computed for distinct indices only (Gardner's
 *   p-spin model) are for the other convention.</li>
 * </ul>
 *
 * <p>Load: alpha = P / N for p = 2 and alpha = P / (N^(p-1) / p!) for p &gt;= 3, the scale on which
 * the capacity of dense networks is finite (E. Gardner, J. Phys. A 20, 3453 (1987); D. Baldi and
 * S. S. Venkatesh, Phys. Rev. Lett. 58, 913 (1987), for the N^(p-1) scaling of the number of stable
 * patterns); P = max(1, round(alpha * scale)).
 *
 * <p>Dynamics: at T = 0, asynchronous updates in a fresh random order every sweep, each neuron set
 * to the sign of its local field (a tie keeps its state), until a sweep flips nothing, a fixed point
 * (H decreases with every flip, so one is always reached); at T &gt; 0, Glauber heat-bath sweeps, a
 * neuron flipping with probability 1 / (1 + exp(dE / T)). Two real replicas share the patterns and
 * draw from disjoint stretches of the replica's random stream, for their overlap q.
 *
 * <p>Reference values the tests and configs use:
 * <ul>
 *   <li>p = 2, P = 1 (the Mattis magnet, equivalent to Curie-Weiss by the gauge s_i -&gt; xi_i s_i):
 *   the retrieval overlap solves m = tanh(m / T) below T = 1 and vanishes above it; H = -N m^2 / 2.</li>
 *   <li>p = 2, T = 0: retrieval breaks down at alpha_c = 0.138 (D. J. Amit, H. Gutfreund and
 *   H. Sompolinsky, Phys. Rev. Lett. 55, 1530 (1985); Ann. Phys. 173, 30 (1987)); the overlap just
 *   below it is m = 0.967.</li>
 *   <li>p &gt;= 3, our convention: D. Krotov and J. J. Hopfield, "Dense associative memory for
 *   pattern recognition", NeurIPS 29 (2016), arXiv:1606.01164, estimate by signal to noise that
 *   retrieval without any error holds up to K_max = N^(p-1) / (2 (2p-3)!! ln N) patterns, i.e. in
 *   our normalisation alpha_KH(N) = p! / (2 (2p-3)!! ln N): 1 / ln N for p = 3 (0.217 at N = 100,
 *   0.189 at N = 200, 0.167 at N = 400) and 0.8 / ln N for p = 4 (0.217 at N = 40, 0.188 at N = 70).
 *   The criterion is strict (every bit stable); {@code retrieved} (overlap &gt; 0.9) tolerates a few
 *   per cent of errors, so its curves should cross at or somewhat above alpha_KH (for p = 2 the
 *   same estimate, N / (2 ln N), gives 0.072 at N = 1000 against alpha_c = 0.138).
 *   Gardner's replica-symmetric alpha_c(p) (1987, same normalisation) is finite as N grows but is
 *   computed for distinct indices only; its values are not used here.</li>
 * </ul>
 */
package io.phasesweep.hopfield;
