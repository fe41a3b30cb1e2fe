package io.phasesweep.kuramoto;

import io.phasesweep.model.ParamSpec;
import io.phasesweep.model.Params;
import io.phasesweep.ode.Scheme;
import io.phasesweep.oscillator.OscillatorParameters;

import java.util.List;
import java.util.Locale;

/**
 * What kuramoto1d and kuramoto2d share besides the oscillator schedule: the parameters of the
 * coupling, noise and disorder, the coupling function's odd and even parts, and the stability
 * warning of the step, which differ between ring and lattice only in the Laplacian's bound.
 */
final class KuramotoParameters {
    private KuramotoParameters() {
    }

    /**
     * size, K, D, sigma, coupling_function, alpha and c, then the oscillators' schedule and start.
     *
     * @param size     N or L
     * @param coupling the description of K
     * @param scalars  what is averaged after the transient
     */
    static List<ParamSpec> of(ParamSpec size, String coupling, String scalars) {
        return OscillatorParameters.withSchedule(List.of(
                size,
                ParamSpec.nonNegative("K", 1.0, coupling),
                ParamSpec.nonNegative("D", 0.0, "noise strength: sqrt(2D) xi_i(t)"),
                ParamSpec.nonNegative("sigma", 0.0, "width of the quenched Gaussian natural frequencies omega_i"),
                ParamSpec.choice("coupling_function", "sakaguchi",
                        "sakaguchi: sin(phi - alpha) + sin(alpha); odd_even: sin(phi) + c (1 - cos(phi))", "sakaguchi", "odd_even"),
                ParamSpec.real("alpha", 0.0, "Sakaguchi phase lag (non-oddity of the coupling)"),
                ParamSpec.real("c", 0.0, "even part of the odd_even coupling function")),
                scalars, "initial phases: flat (all 0), perturbed (+-0.25 rad), random");
    }

    private static boolean sakaguchi(Params p) {
        return p.getString("coupling_function").equals("sakaguchi");
    }

    /** a of Gamma(phi) = a sin(phi) + b (1 - cos(phi)): cos(alpha) (Sakaguchi) or 1 (odd_even). */
    static double oddPart(Params p) {
        return sakaguchi(p) ? StrictMath.cos(p.getDouble("alpha")) : 1.0;
    }

    /** b of Gamma(phi) = a sin(phi) + b (1 - cos(phi)): sin(alpha) (Sakaguchi) or c (odd_even). */
    static double evenPart(Params p) {
        return sakaguchi(p) ? StrictMath.sin(p.getDouble("alpha")) : p.getDouble("c");
    }

    /**
     * Linear stability of the step: near any state the drift's Jacobian is K Gamma'(phi) times the
     * graph Laplacian, whose eigenvalues lie in [-laplacianBound, 0] (4 on the ring, 8 on the square
     * lattice), and |Gamma'| is at most 1 (Sakaguchi) or sqrt(1 + c^2) (odd_even). A step with dt
     * times that rate beyond the scheme's stability limit makes the integration blow up or, with
     * slips counted modulo 2 pi, produce smooth-looking noise: that is warned about.
     */
    static List<String> stabilityWarnings(Params p, int laplacianBound) {
        double slope = sakaguchi(p) ? 1.0 : Math.hypot(1.0, p.getDouble("c"));
        double rate = laplacianBound * p.getDouble("K") * slope;
        Scheme scheme = OscillatorParameters.integrator(p);
        double limit = scheme.realAxisLimit();
        double dt = p.getDouble("dt");
        if (dt * rate <= limit) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "dt = %s is beyond the stability range of %s for K = %s"
                        + " (dt * %d K max|Gamma'| = %.3g > %s): the results are numerical artefacts; use dt <= %.3g",
                dt, scheme.label(), p.getDouble("K"), laplacianBound, dt * rate, limit, limit / rate));
    }
}
