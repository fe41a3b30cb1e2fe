package io.phasesweep.vicsek;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replica of the Vicsek model: N particles in a periodic box of side L, each with a position
 * and a heading, kept as its unit vector (cos theta, sin theta) in primitive arrays.
 *
 * <p>One {@link #advance() unit} is one synchronous time step: every particle's new heading is
 * computed from the positions and headings before the step (the neighbour sums of {@link CellList}),
 * then every particle moves with its new heading, x_i += v0 (cos theta_i', sin theta_i').
 * The noise is drawn in particle index order, after the sums, so the random numbers a particle
 * gets do not depend on the cell it sits in: a configuration rotated by 90 degrees follows the
 * rotated trajectory with the same seed.
 *
 * <ul>
 *   <li>angular noise: theta_i' = arg(S_i) + eta (u - 1/2), u uniform in [0, 1), with S_i the sum
 *   of the unit headings of the particles within distance 1 (i included); applied as a rotation of
 *   S_i / |S_i| by the noise angle, so only the noise angle needs a sine and a cosine;</li>
 *   <li>vectorial noise (Gregoire and Chate): theta_i' = arg(S_i + (eta / 2 pi) n_i xi_i), n_i the
 *   number of those particles and xi_i a random unit vector (drawn by rejection from the square
 *   around the unit disc, no trigonometry).</li>
 * </ul>
 * Where the vector to take the argument of is exactly zero (neighbours that cancel), the particle
 * keeps its heading. Sines and cosines are {@link StrictMath}'s, so the bits are the same on every
 * JVM and CPU. Nothing is allocated per step.
 */
public final class VicsekModel implements Model {
    /** How the noise enters the new heading. */
    public enum Noise { ANGULAR, VECTORIAL }

    static final String POLARIZATION = "polarization";
    static final String POLARIZATION2 = "polarization2";
    static final String POLARIZATION4 = "polarization4";

    private final int n;
    private final double box;
    private final double speed;
    private final double eta;
    private final Noise noise;
    private final UniformRandomProvider rng;
    private final double[] x;
    private final double[] y;
    private final double[] cos;
    private final double[] sin;
    private final double[] sumCos;
    private final double[] sumSin;
    private final int[] count;
    private final CellList cells;

    /**
     * A replica from a given configuration (copied): positions in [0, box), unit headings.
     *
     * @param eta   noise amplitude in [0, 2 pi]
     */
    VicsekModel(double box, double speed, double eta, Noise noise, double[] x, double[] y, double[] cos,
                double[] sin, UniformRandomProvider rng) {
        this.n = x.length;
        this.box = box;
        this.speed = speed;
        this.eta = eta;
        this.noise = noise;
        this.rng = rng;
        this.x = x.clone();
        this.y = y.clone();
        this.cos = cos.clone();
        this.sin = sin.clone();
        this.sumCos = new double[n];
        this.sumSin = new double[n];
        this.count = new int[n];
        this.cells = new CellList(n, box);
    }

    /**
     * N particles placed uniformly in the box, with uniformly random headings or all heading along
     * +x ({@code ordered}); everything drawn from {@code rng}, which then drives the noise.
     */
    static VicsekModel start(int n, double box, double speed, double eta, Noise noise, boolean ordered,
                             UniformRandomProvider rng) {
        double[] x = new double[n];
        double[] y = new double[n];
        double[] c = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = wrap(box * rng.nextDouble(), box);
            y[i] = wrap(box * rng.nextDouble(), box);
            double theta = ordered ? 0.0 : 2 * Math.PI * rng.nextDouble();
            c[i] = StrictMath.cos(theta);
            s[i] = StrictMath.sin(theta);
        }
        return new VicsekModel(box, speed, eta, noise, x, y, c, s, rng);
    }

    @Override
    public void advance() {
        cells.rebuild(x, y, cos, sin);
        cells.sumNeighbourHeadings(sumCos, sumSin, count);
        if (noise == Noise.ANGULAR) {
            for (int i = 0; i < n; i++) {
                double delta = eta * (rng.nextDouble() - 0.5);
                turn(i, sumCos[i], sumSin[i], StrictMath.cos(delta), StrictMath.sin(delta));
            }
        } else {
            double weight = eta / (2 * Math.PI);
            for (int i = 0; i < n; i++) {
                // A uniform direction: a point uniform in the unit disc (by rejection), normalised below.
                double u;
                double v;
                double r2;
                do {
                    u = 2 * rng.nextDouble() - 1;
                    v = 2 * rng.nextDouble() - 1;
                    r2 = u * u + v * v;
                } while (r2 > 1.0 || r2 == 0.0);
                double scale = weight * count[i] / Math.sqrt(r2);
                turn(i, sumCos[i] + scale * u, sumSin[i] + scale * v, 1.0, 0.0);
            }
        }
    }

    /** Heads particle i along (a, b) turned by the angle whose cosine and sine are given, then moves it. */
    private void turn(int i, double a, double b, double cosTurn, double sinTurn) {
        double norm = Math.sqrt(a * a + b * b);
        if (norm > 0) {
            double ca = a / norm;
            double sa = b / norm;
            cos[i] = ca * cosTurn - sa * sinTurn;
            sin[i] = sa * cosTurn + ca * sinTurn;
        } else {
            double c = cos[i];
            cos[i] = c * cosTurn - sin[i] * sinTurn;
            sin[i] = sin[i] * cosTurn + c * sinTurn;
        }
        x[i] = wrap(x[i] + speed * cos[i], box);
        y[i] = wrap(y[i] + speed * sin[i], box);
    }

    /** Back into [0, box) after a move shorter than the box. */
    static double wrap(double position, double box) {
        if (position >= box) {
            position -= box;
        } else if (position < 0) {
            position += box;
            // -1e-17 + box rounds to box itself: that point is the origin.
            if (position >= box) {
                position = 0;
            }
        }
        return position;
    }

    /** phi = |sum_i v_i| / (N v0): 1 when all move alike, about sqrt(pi / 4N) for random headings. */
    public double polarization() {
        double c = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            c += cos[i];
            s += sin[i];
        }
        return Math.sqrt(c * c + s * s) / n;
    }

    @Override
    public void measure(Recorder out) {
        double phi = polarization();
        double phi2 = phi * phi;
        out.record(POLARIZATION, phi);
        out.record(POLARIZATION2, phi2);
        out.record(POLARIZATION4, phi2 * phi2);
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** Positions and headings; the cell list and the sums are scratch, rebuilt every step. */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(x).doubles(y).doubles(cos).doubles(sin);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(x);
        in.doubles(y);
        in.doubles(cos);
        in.doubles(sin);
    }

    /** Copies of the positions x, y and headings cos, sin, for tests. */
    double[][] state() {
        return new double[][] {x.clone(), y.clone(), cos.clone(), sin.clone()};
    }

    /** Number of particles within distance 1 of each particle (itself included) in the last step, for tests. */
    int[] neighbourCounts() {
        return count.clone();
    }

    CellList cells() {
        return cells;
    }
}
