package io.phasesweep.couzin;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

import java.util.Arrays;

/**
 * One replica of the zonal school of Couzin et al. (2002): N individuals with positions c_i and
 * unit headings v_i in unbounded 3D space, updated synchronously every time step tau (the rules
 * are in {@link io.phasesweep.couzin package-info}).
 *
 * <p>A step is one pass over the N (N - 1) / 2 pairs, which adds each pair's contribution to both
 * individuals' repulsion, orientation and attraction sums (the zones are symmetric, only the blind
 * cone is not), then one pass over the individuals that turns each heading towards its noisy
 * desired direction by at most theta tau, and one that moves every individual along its new
 * heading. The pair loop is O(N^2): at the paper's N = 100 a cell list would save little (a
 * cohesive group lies mostly within every individual's attraction range). Every array is
 * allocated once, in the constructor; a step allocates nothing. Trigonometry goes through
 * {@link StrictMath}, so the bits are the same on every JVM and CPU.
 *
 * <p>A unit is {@code stepsPerUnit} steps; the transient's last unit is shortened so that the
 * measured units start exactly after {@code transientSteps} steps.
 */
public final class CouzinSchool implements Model {
    static final String POLARIZATION = "polarization";
    static final String MILLING = "milling";
    static final String NEAREST_NEIGHBOUR_DISTANCE = "nearest_neighbour_distance";
    static final String GROUP_SIZE = "group_size";

    private final int n;
    private final double repulsion2;
    private final double orientation2;
    private final double attraction2;
    /** j is seen by i when the cosine of the angle between v_i and c_j - c_i is at least this. */
    private final double visibleCosine;
    private final double cosTurn;
    private final double sinTurn;
    /** s tau: the distance moved per step. */
    private final double stride;
    private final double sigma;
    private final int stepsPerUnit;
    private final long transientSteps;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gauss;

    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final double[] vx;
    private final double[] vy;
    private final double[] vz;
    /** Headings after this step's turn, written for every i before any individual moves. */
    private final double[] nextX;
    private final double[] nextY;
    private final double[] nextZ;
    /** Per individual: the repulsion, orientation and attraction sums, three components each. */
    private final double[] repulsion;
    private final double[] orientation;
    private final double[] attraction;
    private final int[] repulsionCount;
    private final int[] orientationCount;
    private final int[] attractionCount;
    /** Scratch of {@link #measure}: nearest squared distances, union-find parents and sizes. */
    private final double[] nearest2;
    private final int[] parent;
    private final int[] componentSize;

    private long stepsDone;

    /**
     * @param repulsionRadius r_r; {@code orientationRadius} r_o = r_r + dr_o, {@code attractionRadius} r_a = r_o + dr_a
     * @param blindAngle      full opening angle of the blind cone behind each individual, radians in [0, 2 pi]
     * @param maxTurn         theta tau, the largest turn in one step, radians
     * @param stride          s tau, the distance moved in one step
     * @param sigma           s.d. of the angular error of the desired direction, radians
     * @param position        x, y, z of each individual, interleaved (3N values; copied)
     * @param heading         unit headings, interleaved like {@code position} (copied)
     * @param rng             the replica's stream, for the angular errors
     */
    CouzinSchool(int n, double repulsionRadius, double orientationRadius, double attractionRadius, double blindAngle,
                 double maxTurn, double stride, double sigma, int stepsPerUnit, long transientSteps, double[] position,
                 double[] heading, UniformRandomProvider rng) {
        this.n = n;
        this.repulsion2 = repulsionRadius * repulsionRadius;
        this.orientation2 = orientationRadius * orientationRadius;
        this.attraction2 = attractionRadius * attractionRadius;
        // The blind cone holds the directions more than pi - blind/2 from the heading. Without one
        // everything is seen (no rounding of cos may hide a neighbour straight behind); a cone of
        // the whole sphere hides everything.
        this.visibleCosine = blindAngle == 0 ? Double.NEGATIVE_INFINITY
                : blindAngle >= 2 * Math.PI ? Double.POSITIVE_INFINITY
                : -StrictMath.cos(blindAngle / 2);
        this.cosTurn = maxTurn >= Math.PI ? -1.0 : StrictMath.cos(maxTurn);
        this.sinTurn = maxTurn >= Math.PI ? 0.0 : StrictMath.sin(maxTurn);
        this.stride = stride;
        this.sigma = sigma;
        this.stepsPerUnit = stepsPerUnit;
        this.transientSteps = transientSteps;
        this.rng = rng;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        x = new double[n];
        y = new double[n];
        z = new double[n];
        vx = new double[n];
        vy = new double[n];
        vz = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = position[3 * i];
            y[i] = position[3 * i + 1];
            z[i] = position[3 * i + 2];
            vx[i] = heading[3 * i];
            vy[i] = heading[3 * i + 1];
            vz[i] = heading[3 * i + 2];
        }
        nextX = new double[n];
        nextY = new double[n];
        nextZ = new double[n];
        repulsion = new double[3 * n];
        orientation = new double[3 * n];
        attraction = new double[3 * n];
        repulsionCount = new int[n];
        orientationCount = new int[n];
        attractionCount = new int[n];
        nearest2 = new double[n];
        parent = new int[n];
        componentSize = new int[n];
    }

    @Override
    public void advance() {
        long left = transientSteps - stepsDone;
        steps(left > 0 ? (int) Math.min(stepsPerUnit, left) : stepsPerUnit);
    }

    /** Advances {@code count} time steps without measuring: the kernel alone, for tests and benchmarks. */
    public void steps(int count) {
        for (int k = 0; k < count; k++) {
            step();
        }
    }

    private void step() {
        accumulateNeighbours();
        for (int i = 0; i < n; i++) {
            turn(i);
        }
        // Synchronous update: every heading was decided from the old state before anyone moves.
        double[] px = x;
        double[] py = y;
        double[] pz = z;
        for (int i = 0; i < n; i++) {
            vx[i] = nextX[i];
            vy[i] = nextY[i];
            vz[i] = nextZ[i];
            px[i] += stride * vx[i];
            py[i] += stride * vy[i];
            pz[i] += stride * vz[i];
        }
        stepsDone++;
    }

    /** The zone sums of every individual from the current state: each pair once, for both partners. */
    private void accumulateNeighbours() {
        Arrays.fill(repulsion, 0.0);
        Arrays.fill(orientation, 0.0);
        Arrays.fill(attraction, 0.0);
        Arrays.fill(repulsionCount, 0);
        Arrays.fill(orientationCount, 0);
        Arrays.fill(attractionCount, 0);
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            double zi = z[i];
            double hxi = vx[i];
            double hyi = vy[i];
            double hzi = vz[i];
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - xi;
                double dy = y[j] - yi;
                double dz = z[j] - zi;
                double d2 = dx * dx + dy * dy + dz * dz;
                // r_a >= r_r, so beyond r_a nothing interacts; coincident individuals have no direction.
                if (d2 >= attraction2 || d2 == 0) {
                    continue;
                }
                double inverse = 1 / Math.sqrt(d2);
                double ux = dx * inverse;
                double uy = dy * inverse;
                double uz = dz * inverse;
                if (d2 < repulsion2) {
                    // Collision avoidance sees all round: the blind cone applies to the other zones only.
                    repulsion[3 * i] -= ux;
                    repulsion[3 * i + 1] -= uy;
                    repulsion[3 * i + 2] -= uz;
                    repulsionCount[i]++;
                    repulsion[3 * j] += ux;
                    repulsion[3 * j + 1] += uy;
                    repulsion[3 * j + 2] += uz;
                    repulsionCount[j]++;
                    continue;
                }
                boolean orient = d2 < orientation2;
                // u points from i to j: i sees j ahead of its blind cone, j sees i along -u.
                if (hxi * ux + hyi * uy + hzi * uz >= visibleCosine) {
                    if (orient) {
                        orientation[3 * i] += vx[j];
                        orientation[3 * i + 1] += vy[j];
                        orientation[3 * i + 2] += vz[j];
                        orientationCount[i]++;
                    } else {
                        attraction[3 * i] += ux;
                        attraction[3 * i + 1] += uy;
                        attraction[3 * i + 2] += uz;
                        attractionCount[i]++;
                    }
                }
                if (-(vx[j] * ux + vy[j] * uy + vz[j] * uz) >= visibleCosine) {
                    if (orient) {
                        orientation[3 * j] += hxi;
                        orientation[3 * j + 1] += hyi;
                        orientation[3 * j + 2] += hzi;
                        orientationCount[j]++;
                    } else {
                        attraction[3 * j] -= ux;
                        attraction[3 * j + 1] -= uy;
                        attraction[3 * j + 2] -= uz;
                        attractionCount[j]++;
                    }
                }
            }
        }
    }

    /** Desired direction of i, its angular error, and the turn towards it by at most theta tau. */
    private void turn(int i) {
        double hx = vx[i];
        double hy = vy[i];
        double hz = vz[i];
        double dx;
        double dy;
        double dz;
        int k = 3 * i;
        if (repulsionCount[i] > 0) {
            dx = repulsion[k];
            dy = repulsion[k + 1];
            dz = repulsion[k + 2];
        } else if (orientationCount[i] > 0 && attractionCount[i] > 0) {
            // (d_o / |d_o| + d_a / |d_a|) / 2; the factor 1/2 drops out when d is normalised below.
            double no = norm(orientation[k], orientation[k + 1], orientation[k + 2]);
            double na = norm(attraction[k], attraction[k + 1], attraction[k + 2]);
            double so = no > 0 ? 1 / no : 0;
            double sa = na > 0 ? 1 / na : 0;
            dx = orientation[k] * so + attraction[k] * sa;
            dy = orientation[k + 1] * so + attraction[k + 1] * sa;
            dz = orientation[k + 2] * so + attraction[k + 2] * sa;
        } else if (orientationCount[i] > 0) {
            dx = orientation[k];
            dy = orientation[k + 1];
            dz = orientation[k + 2];
        } else if (attractionCount[i] > 0) {
            dx = attraction[k];
            dy = attraction[k + 1];
            dz = attraction[k + 2];
        } else {
            dx = hx;
            dy = hy;
            dz = hz;
        }
        double length = norm(dx, dy, dz);
        if (length > 0) {
            dx /= length;
            dy /= length;
            dz /= length;
        } else {
            // Contributions that cancel exactly leave no preference: keep the heading.
            dx = hx;
            dy = hy;
            dz = hz;
        }
        if (sigma > 0) {
            // A Gaussian angle about a uniformly random axis perpendicular to d: d is moved by |angle|
            // towards a uniformly random direction e of the plane perpendicular to it.
            double angle = sigma * gauss.sample();
            double azimuth = 2 * Math.PI * rng.nextDouble();
            perpendicular(dx, dy, dz);
            double e1x = ex;
            double e1y = ey;
            double e1z = ez;
            double e2x = dy * e1z - dz * e1y;
            double e2y = dz * e1x - dx * e1z;
            double e2z = dx * e1y - dy * e1x;
            double ca = StrictMath.cos(azimuth);
            double sa = StrictMath.sin(azimuth);
            double cr = StrictMath.cos(angle);
            double sr = StrictMath.sin(angle);
            double tx = ca * e1x + sa * e2x;
            double ty = ca * e1y + sa * e2y;
            double tz = ca * e1z + sa * e2z;
            dx = cr * dx + sr * tx;
            dy = cr * dy + sr * ty;
            dz = cr * dz + sr * tz;
        }
        double c = hx * dx + hy * dy + hz * dz;
        double nx;
        double ny;
        double nz;
        if (c >= cosTurn) {
            nx = dx;
            ny = dy;
            nz = dz;
        } else {
            // Rotate v by theta tau towards d, in the plane of the two.
            double wx = dx - c * hx;
            double wy = dy - c * hy;
            double wz = dz - c * hz;
            double w = norm(wx, wy, wz);
            if (w > 0) {
                wx /= w;
                wy /= w;
                wz /= w;
            } else {
                // d = -v: every plane through v holds it; take a fixed one.
                perpendicular(hx, hy, hz);
                wx = ex;
                wy = ey;
                wz = ez;
            }
            nx = cosTurn * hx + sinTurn * wx;
            ny = cosTurn * hy + sinTurn * wy;
            nz = cosTurn * hz + sinTurn * wz;
        }
        // Unit length against the slow drift of repeated rounding.
        double r = norm(nx, ny, nz);
        nextX[i] = nx / r;
        nextY[i] = ny / r;
        nextZ[i] = nz / r;
    }

    /** Output of {@link #perpendicular}: fields, not an array, so that a step allocates nothing. */
    private double ex;
    private double ey;
    private double ez;

    /** A unit vector perpendicular to the unit vector a: a crossed with the axis it has least of. */
    private void perpendicular(double ax, double ay, double az) {
        double px;
        double py;
        double pz;
        double bx = Math.abs(ax);
        double by = Math.abs(ay);
        double bz = Math.abs(az);
        if (bx <= by && bx <= bz) {
            px = 0;
            py = az;
            pz = -ay;
        } else if (by <= bz) {
            px = -az;
            py = 0;
            pz = ax;
        } else {
            px = ay;
            py = -ax;
            pz = 0;
        }
        double length = norm(px, py, pz);
        ex = px / length;
        ey = py / length;
        ez = pz / length;
    }

    private static double norm(double a, double b, double c) {
        return Math.sqrt(a * a + b * b + c * c);
    }

    @Override
    public void measure(Recorder out) {
        out.record(POLARIZATION, polarization());
        out.record(MILLING, milling());
        groups();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.sqrt(nearest2[i]);
        }
        out.record(NEAREST_NEIGHBOUR_DISTANCE, sum / n);
        int largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, componentSize[i]);
        }
        out.record(GROUP_SIZE, (double) largest / n);
    }

    /** P = |sum_i v_i| / N. */
    double polarization() {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < n; i++) {
            sx += vx[i];
            sy += vy[i];
            sz += vz[i];
        }
        return norm(sx, sy, sz) / n;
    }

    /**
     * m = |sum_i r_ic x v_i| / N, r_ic the unit vector from the centre of mass to c_i (an
     * individual exactly at the centre adds nothing).
     */
    double milling() {
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int i = 0; i < n; i++) {
            cx += x[i];
            cy += y[i];
            cz += z[i];
        }
        cx /= n;
        cy /= n;
        cz /= n;
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < n; i++) {
            double rx = x[i] - cx;
            double ry = y[i] - cy;
            double rz = z[i] - cz;
            double r = norm(rx, ry, rz);
            if (r == 0) {
                continue;
            }
            rx /= r;
            ry /= r;
            rz /= r;
            sx += ry * vz[i] - rz * vy[i];
            sy += rz * vx[i] - rx * vz[i];
            sz += rx * vy[i] - ry * vx[i];
        }
        return norm(sx, sy, sz) / n;
    }

    /**
     * One pass over the pairs: each individual's nearest squared distance into {@link #nearest2},
     * and the connected components of the graph joining pairs closer than r_a (union-find with
     * path halving, union by size); afterwards {@code componentSize[root]} holds each component's
     * size and is 0 elsewhere.
     */
    private void groups() {
        Arrays.fill(nearest2, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            componentSize[i] = 1;
        }
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            double zi = z[i];
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - xi;
                double dy = y[j] - yi;
                double dz = z[j] - zi;
                double d2 = dx * dx + dy * dy + dz * dz;
                nearest2[i] = Math.min(nearest2[i], d2);
                nearest2[j] = Math.min(nearest2[j], d2);
                if (d2 < attraction2) {
                    union(i, j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (parent[i] != i) {
                componentSize[i] = 0;
            }
        }
    }

    private int root(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int i, int j) {
        int a = root(i);
        int b = root(j);
        if (a == b) {
            return;
        }
        if (componentSize[a] < componentSize[b]) {
            int t = a;
            a = b;
            b = t;
        }
        parent[b] = a;
        componentSize[a] += componentSize[b];
    }

    /** The largest group's share of N (the measured {@code group_size}), from the current state. */
    double largestGroup() {
        groups();
        int largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, componentSize[i]);
        }
        return (double) largest / n;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** Positions, headings and the step count; everything else is rebuilt from the parameters. */
    @Override
    public void checkpoint(StateWriter out) {
        out.doubles(x).doubles(y).doubles(z).doubles(vx).doubles(vy).doubles(vz).writeLong(stepsDone);
    }

    @Override
    public void restore(StateReader in) {
        in.doubles(x);
        in.doubles(y);
        in.doubles(z);
        in.doubles(vx);
        in.doubles(vy);
        in.doubles(vz);
        stepsDone = in.readLong();
    }

    /** Positions, interleaved x, y, z (a copy). */
    double[] positions() {
        return interleave(x, y, z);
    }

    /** Unit headings, interleaved (a copy). */
    double[] headings() {
        return interleave(vx, vy, vz);
    }

    private double[] interleave(double[] a, double[] b, double[] c) {
        double[] out = new double[3 * n];
        for (int i = 0; i < n; i++) {
            out[3 * i] = a[i];
            out[3 * i + 1] = b[i];
            out[3 * i + 2] = c[i];
        }
        return out;
    }

    long stepsDone() {
        return stepsDone;
    }
}
