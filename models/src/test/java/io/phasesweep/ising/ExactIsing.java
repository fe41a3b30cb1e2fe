package io.phasesweep.ising;

/**
 * Exact reference values for the periodic L x L Ising model with J = 1, h = 0 (test data).
 */
final class ExactIsing {

    /** Thermal averages per spin from exact enumeration (L <= 5). */
    record Averages(double energy, double absMagnetization, double m2, double m4) {
    }

    private ExactIsing() {
    }

    static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));

    /** Sums Boltzmann weights over all 2^(L^2) states, with field h. */
    static Averages enumerate(int size, double temperature, double field) {
        int n = size * size;
        long states = 1L << n;
        double[] e = new double[(int) states];
        double[] m = new double[(int) states];
        double eMin = Double.POSITIVE_INFINITY;
        for (long c = 0; c < states; c++) {
            long bonds = 0;
            long mag = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int s = spin(c, y * size + x);
                    bonds += s * (spin(c, y * size + (x + 1) % size) + spin(c, ((y + 1) % size) * size + x));
                    mag += s;
                }
            }
            e[(int) c] = -bonds - field * mag;
            m[(int) c] = (double) mag / n;
            eMin = Math.min(eMin, e[(int) c]);
        }
        double z = 0, se = 0, sm = 0, sm2 = 0, sm4 = 0;
        for (int c = 0; c < states; c++) {
            double w = Math.exp(-(e[c] - eMin) / temperature);
            double mm = m[c] * m[c];
            z += w;
            se += w * e[c] / n;
            sm += w * Math.abs(m[c]);
            sm2 += w * mm;
            sm4 += w * mm * mm;
        }
        return new Averages(se / z, sm / z, sm2 / z, sm4 / z);
    }

    private static int spin(long config, int site) {
        return ((config >>> site) & 1) == 1 ? 1 : -1;
    }

    /**
     * Energy per spin from Kaufman's exact partition function of the L x L torus
     * (Ferdinand and Fisher 1969, eqs. 2.1-2.5), differentiated numerically in K = 1/T.
     */
    static double kaufmanEnergy(int size, double temperature) {
        double k = 1.0 / temperature;
        double h = 1e-5 * k;
        return -(logZ(size, k + h) - logZ(size, k - h)) / (2 * h) / ((double) size * size);
    }

    /** ln Z = ln(1/2) + (N/2) ln(2 sinh 2K) + ln(Z1 + Z2 + Z3 + Z4), evaluated with signs in log space. */
    static double logZ(int size, double k) {
        int n = size;
        double[] logAbs = new double[4];
        int[] sign = {1, 1, 1, 1};
        for (int r = 0; r < n; r++) {
            double gOdd = gamma(2 * r + 1, n, k);
            double gEven = gamma(2 * r, n, k);
            logAbs[0] += Math.log(2 * Math.cosh(n * gOdd / 2));
            logAbs[1] += Math.log(2 * Math.abs(Math.sinh(n * gOdd / 2)));
            logAbs[2] += Math.log(2 * Math.cosh(n * gEven / 2));
            double s4 = Math.sinh(n * gEven / 2);
            logAbs[3] += Math.log(2 * Math.abs(s4));
            if (s4 < 0) {
                sign[3] = -sign[3];
            }
        }
        double max = Math.max(Math.max(logAbs[0], logAbs[1]), Math.max(logAbs[2], logAbs[3]));
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += sign[i] * Math.exp(logAbs[i] - max);
        }
        return Math.log(0.5) + 0.5 * n * n * Math.log(2 * Math.sinh(2 * k)) + max + Math.log(sum);
    }

    /** cosh(gamma_l) = cosh 2K coth 2K - cos(pi l / n); gamma_0 = 2K + ln tanh K keeps its sign. */
    private static double gamma(int l, int n, double k) {
        if (l == 0) {
            return 2 * k + Math.log(Math.tanh(k));
        }
        double c = Math.cosh(2 * k) / Math.tanh(2 * k) - Math.cos(Math.PI * l / n);
        return Math.log(c + Math.sqrt(c * c - 1));
    }
}
