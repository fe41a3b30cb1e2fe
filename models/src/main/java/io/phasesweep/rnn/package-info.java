/**
 * Random recurrent rate networks and their transition to chaos: the model {@code rnn}
 * ({@link io.phasesweep.rnn.RecurrentNetworkType}, {@link io.phasesweep.rnn.RecurrentNetwork}) and
 * the dynamical mean-field theory of its tanh network ({@link io.phasesweep.rnn.MeanFieldTheory}).
 *
 * <p>dx_i/dt = -x_i + g sum_j J_ij phi(x_j) + I + sqrt(2 D) xi_i(t), J_ij ~ N(0, 1/N), J_ii = 0.
 * Without input and noise the silent state x = 0 is stable for g &lt; 1 (the spectrum of g J fills
 * the disc of radius g, so -1 + g J decays); for g &gt; 1 the network is chaotic, with a positive
 * largest Lyapunov exponent and a population variance Delta0 that grows from 0 like g - 1
 * (Sompolinsky, Crisanti and Sommers, Phys. Rev. Lett. 61, 259 (1988)).
 */
package io.phasesweep.rnn;
