package io.phasesweep.kuramoto;

import io.phasesweep.model.Params;

/**
 * The chain's phases as a KPZ interface: the coefficients of dh/dt = nu d²h + (lambda/2)(dh)² + eta
 * that a point's parameters give, the dimensionless KPZ coupling and the EW-to-KPZ crossover time.
 *
 * <p>Both coupling functions are Gamma(phi) = A sin(phi) + B (1 - cos(phi)) (A = cos alpha, B =
 * sin alpha for Sakaguchi; A = 1, B = c for odd_even). For slowly varying phases, phi = h(x +- 1) - h(x)
 * ~ +-h' + h''/2, so K sum Gamma ~ K A h'' + K B (h')² (lattice spacing 1): nu = K A and lambda = 2 K B.
 * The noise sqrt(2D) xi is the KPZ noise of strength D; the dimensionless coupling is
 * g = lambda² D / nu³ (per lattice spacing), and KPZ's non-linearity takes over from EW's linear
 * growth at t_x ~ nu⁵ / (D² lambda⁴), the only time these coefficients make (Krug, Adv. Phys. 46, 139
 * (1997); Gutierrez and Cuerno, Phys. Rev. E 102, 052212 (2020) for the chain). With columnar
 * disorder alone (D = 0, frequencies of spread sigma) no dimensionless coupling exists; the
 * crossover time is t_x ~ nu^(5/3) / (sigma lambda)^(4/3). Prefactors are set to 1: t / t_x is
 * what compares points. NaN where there is no crossover (lambda = 0: EW, or linear growth, at all
 * times), no randomness, or where the continuum limit does not hold (nu <= 0: |alpha| >= pi/2).
 */
public record ContinuumCoefficients(double nu, double lambda, double coupling, double crossoverTime) {

    public static ContinuumCoefficients of(Params p) {
        boolean sakaguchi = p.getString("coupling_function").equals("sakaguchi");
        double alpha = p.getDouble("alpha");
        double a = sakaguchi ? StrictMath.cos(alpha) : 1.0;
        double b = sakaguchi ? StrictMath.sin(alpha) : p.getDouble("c");
        double k = p.getDouble("K");
        return of(k * a, 2 * k * b, p.getDouble("D"), p.getDouble("sigma"));
    }

    /**
     * In units of 1 / nu, the time after which the lattice's early growth (random deposition, W^2 =
     * 2 D t, until about 1 / (4 nu)) and its corrections (relative O(1 / (nu t)) in W^2) are small
     * enough for the local exponent to be the continuum's within a few per cent.
     */
    public static final double CONTINUUM_TIMES = 20;

    /** From when the ring is the continuum equation; NaN without a continuum limit. */
    public double continuumTime() {
        return nu > 0 ? CONTINUUM_TIMES / nu : Double.NaN;
    }

    /**
     * From the coefficients of a phase equation dh/dt = nu h'' + (lambda/2) h'^2 + sqrt(2 noise) xi
     * + omega_i (frequencies of spread sigma) however a model derives them, e.g. a limit-cycle
     * chain's phase reduction.
     */
    public static ContinuumCoefficients of(double nu, double lambda, double noise, double sigma) {
        if (!(nu > 0)) {
            return new ContinuumCoefficients(nu, lambda, Double.NaN, Double.NaN);
        }
        double g = noise > 0 ? lambda * lambda * noise / (nu * nu * nu) : Double.NaN;
        double tx;
        if (lambda == 0) {
            tx = Double.NaN;
        } else if (noise > 0) {
            tx = Math.pow(nu, 5) / (noise * noise * Math.pow(lambda, 4));
        } else if (sigma > 0) {
            tx = Math.pow(nu, 5.0 / 3) / Math.pow(sigma * Math.abs(lambda), 4.0 / 3);
        } else {
            tx = Double.NaN;
        }
        return new ContinuumCoefficients(nu, lambda, g, tx);
    }
}
