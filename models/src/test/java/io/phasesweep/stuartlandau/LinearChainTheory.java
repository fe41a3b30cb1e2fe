package io.phasesweep.stuartlandau;

/**
 * The noisy ring linearised about its synchronised state, solved exactly: each lattice mode
 * k = 1 .. N - 1 of (r, phi) is a two-dimensional Ornstein-Uhlenbeck process
 * d(r, phi) = M(kappa_k) (r, phi) dt + sqrt(2D) dW with M of {@link PhaseReduction#linearisation}
 * and kappa_k = 2 - 2 cos(2 pi k / N). From a flat start its covariance is
 * Sigma(t) = Sigma_inf - e^(Mt) Sigma_inf e^(M^T t), Sigma_inf solving M S + S M^T = -2D I, and the
 * interface width is &lt;W^2&gt;(t) = (1/N) sum_k Sigma_phi,phi(kappa_k, t). Every lattice effect is in
 * it (amplitude modes, the kappa^2 terms of the phase diffusion, the noise's projection); only the
 * non-linear terms (lambda, and those of order D^2) are not.
 */
final class LinearChainTheory {
    private LinearChainTheory() {
    }

    static double meanSquaredWidth(double t, int n, double k, double c1, double c2, double d) {
        double sum = 0;
        for (int mode = 1; mode < n; mode++) {
            double kappa = 2 - 2 * Math.cos(2 * Math.PI * mode / n);
            sum += phaseVariance(t, PhaseReduction.linearisation(k, c1, c2, kappa), d);
        }
        return sum / n;
    }

    /** Sigma_phi,phi(t) of d(r, phi) = M (r, phi) dt + sqrt(2D) dW from (0, 0); M row by row, stable. */
    static double phaseVariance(double t, double[] m, double d) {
        // Sigma_inf = [[a, b], [b, c]]: the three independent equations of M S + S M^T = -2D I.
        double[][] lhs = {
                {2 * m[0], 2 * m[1], 0},
                {m[2], m[0] + m[3], m[1]},
                {0, 2 * m[2], 2 * m[3]}};
        double[] s = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(lhs)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(new double[]{-2 * d, 0, -2 * d})).toArray();
        double[] e = exp(m, t);
        // (E S E^T)_phi,phi with E's second row (e[2], e[3]).
        double decayed = e[2] * e[2] * s[0] + 2 * e[2] * e[3] * s[1] + e[3] * e[3] * s[2];
        return s[2] - decayed;
    }

    /** e^(M t) of a 2 x 2 matrix, row by row, from its eigenvalues (no overflow for stable M). */
    static double[] exp(double[] m, double t) {
        double half = (m[0] + m[3]) / 2;
        double disc = half * half - (m[0] * m[3] - m[1] * m[2]);
        double[] nMinus = {m[0] - half, m[1], m[2], m[3] - half};
        double a;
        double b;
        if (disc > 1e-24) {
            double root = Math.sqrt(disc);
            double up = Math.exp((half + root) * t);
            double down = Math.exp((half - root) * t);
            a = (up + down) / 2;
            b = (up - down) / (2 * root);
        } else if (disc < -1e-24) {
            double root = Math.sqrt(-disc);
            double decay = Math.exp(half * t);
            a = decay * Math.cos(root * t);
            b = decay * Math.sin(root * t) / root;
        } else {
            a = Math.exp(half * t);
            b = a * t;
        }
        return new double[]{a + b * nMinus[0], b * nMinus[1], b * nMinus[2], a + b * nMinus[3]};
    }
}
