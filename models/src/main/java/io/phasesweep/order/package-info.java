/** Observables and derived quantities common to models with an order parameter (Ising, Potts). */
package io.phasesweep.order;
