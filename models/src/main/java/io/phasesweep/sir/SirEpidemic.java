package io.phasesweep.sir;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.series.TimeGrid;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.Arrays;

/**
 * Continuous-time SIR on a {@link SpatialNetwork}, exact and event-driven (see the package
 * documentation): an indexed binary min-heap holds at most one pending event per node, its
 * recovery time while infected or its earliest scheduled infection time while susceptible.
 *
 * <p>When node u is infected at time t it draws its recovery time t + Exp(gamma) and, for each
 * susceptible neighbour v in adjacency order, a transmission time t + Exp(beta); a transmission
 * that comes before u's recovery and before v's current pending time replaces it. Since the
 * transmission clocks of different edges are independent exponentials, v is infected at the
 * earliest of them that beats its infector's recovery: the Markovian SIR process, event for event.
 *
 * <p>The seeds are infected at t = 0 in the order given. Each infected node remembers the seed its
 * chain of infections began at (its infector's), and the front radius is the largest distance of an
 * infected node from its own seed: with one seed, the distance from the seed.
 *
 * <p>One unit of the framework is {@code output_interval} of time (the last ends at t_max); events
 * pending beyond a unit's end stay in the heap, so the bits do not depend on where units end.
 */
public final class SirEpidemic implements Model {
    static final byte SUSCEPTIBLE = 0;
    static final byte INFECTED = 1;
    static final byte RECOVERED = 2;

    private final SpatialNetwork network;
    private final int[] offsets;
    private final int[] neighbours;
    private final int nodes;
    private final double beta;
    private final double gamma;
    private final double outputInterval;
    private final double tMax;
    private final long units;
    private final double majorThreshold;
    /** The neighbour whose transmission is pending for a susceptible node (a seed: itself). */
    private final int[] infector;
    /** The seed an infected node's chain of infections began at. */
    private final int[] origin;
    private final UniformRandomProvider rng;
    private final TimeGrid prevalence;
    private final TimeGrid front;

    private final byte[] state;
    /** Pending event time per node (meaningful while the node is in the heap). */
    private final double[] key;
    private final int[] heap;
    /** Index of each node in the heap, -1 when absent. */
    private final int[] position;
    private int heapSize;
    private int susceptible;
    private int infected;
    private int recovered;
    private double clock;
    private long unitsDone;
    private double unitArea;
    private double unitLength;
    private int peak;
    private double peakTime;
    private double lastEvent;
    private double radius;

    SirEpidemic(SpatialNetwork network, double beta, double gamma, double outputInterval, double tMax, long units,
                double majorThreshold, int[] seeds, TimeGrid prevalence, TimeGrid front, UniformRandomProvider rng) {
        this.network = network;
        this.offsets = network.offsets();
        this.neighbours = network.neighbours();
        this.nodes = network.nodes();
        this.beta = beta;
        this.gamma = gamma;
        this.outputInterval = outputInterval;
        this.tMax = tMax;
        this.units = units;
        this.majorThreshold = majorThreshold;
        this.prevalence = prevalence;
        this.front = front;
        this.rng = rng;
        this.state = new byte[nodes];
        this.key = new double[nodes];
        this.heap = new int[nodes];
        this.position = new int[nodes];
        this.infector = new int[nodes];
        this.origin = new int[nodes];
        Arrays.fill(position, -1);
        susceptible = nodes;
        for (int s : seeds) {
            infector[s] = s;
            infect(s, 0.0);
        }
        peak = seeds.length;
        peakTime = 0;
    }

    private double exponential(double rate) {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        return -Math.log(1 - rng.nextDouble()) / rate;
    }

    /**
     * Node u (susceptible, possibly with a pending infection) becomes infected at time t; its chain
     * of infections began at its infector's origin, from which the front radius is measured.
     */
    private void infect(int u, double t) {
        state[u] = INFECTED;
        susceptible--;
        infected++;
        origin[u] = infector[u] == u ? u : origin[infector[u]];
        radius = Math.max(radius, network.distance(origin[u], u));
        double recovery = t + exponential(gamma);
        schedule(u, recovery);
        for (int e = offsets[u]; e < offsets[u + 1]; e++) {
            int v = neighbours[e];
            if (state[v] != SUSCEPTIBLE) {
                continue;
            }
            double at = t + exponential(beta);
            if (at < recovery && (position[v] < 0 || at < key[v])) {
                schedule(v, at);
                infector[v] = u;
            }
        }
    }

    /** Inserts node u with time {@code at}, or moves it there if already in the heap. */
    private void schedule(int u, double at) {
        if (position[u] < 0) {
            position[u] = heapSize;
            heap[heapSize++] = u;
            key[u] = at;
            siftUp(position[u]);
        } else {
            double old = key[u];
            key[u] = at;
            if (at < old) {
                siftUp(position[u]);
            } else {
                siftDown(position[u]);
            }
        }
    }

    private void siftUp(int i) {
        int u = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!(key[u] < key[p])) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = u;
        position[u] = i;
    }

    private void siftDown(int i) {
        int u = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && key[heap[child + 1]] < key[heap[child]]) {
                child++;
            }
            int c = heap[child];
            if (!(key[c] < key[u])) {
                break;
            }
            heap[i] = c;
            position[c] = i;
            i = child;
        }
        heap[i] = u;
        position[u] = i;
    }

    private void removeTop() {
        int u = heap[0];
        position[u] = -1;
        heapSize--;
        if (heapSize > 0) {
            heap[0] = heap[heapSize];
            position[heap[0]] = 0;
            siftDown(0);
        }
    }

    /** Time of the next event, infinite when none is pending (no node infected). */
    double nextEventTime() {
        return heapSize > 0 ? key[heap[0]] : Double.POSITIVE_INFINITY;
    }

    /** Applies the next event (the caller checked one is pending) and moves the clock to it. */
    private void event() {
        int u = heap[0];
        double t = key[u];
        prevalence.holdUntil(t, infected);
        front.holdUntil(t, radius);
        clock = t;
        lastEvent = t;
        if (state[u] == SUSCEPTIBLE) {
            infect(u, t);
            if (infected > peak) {
                peak = infected;
                peakTime = t;
            }
        } else {
            removeTop();
            state[u] = RECOVERED;
            infected--;
            recovered++;
        }
    }

    @Override
    public void advance() {
        unitsDone++;
        double end = unitsDone >= units ? tMax : unitsDone * outputInterval;
        double start = clock;
        double area = 0;
        while (heapSize > 0 && key[heap[0]] <= end) {
            area += infected * (key[heap[0]] - clock);
            event();
        }
        area += infected * (end - clock);
        clock = end;
        unitArea = area;
        unitLength = end - start;
    }

    @Override
    public boolean done() {
        return heapSize == 0;
    }

    /** The infected fraction averaged over the last unit (its exact time integral). */
    @Override
    public void measure(Recorder out) {
        out.record(SirNetworkType.MEAN_PREVALENCE, unitLength > 0 ? unitArea / (unitLength * nodes) : (double) infected / nodes);
    }

    @Override
    public void finish(Recorder out) {
        double finalSize = (double) (infected + recovered) / nodes;
        boolean major = finalSize > majorThreshold;
        out.record(SirNetworkType.FINAL_SIZE, finalSize);
        out.record(SirNetworkType.MAJOR_OUTBREAK, major ? 1 : 0);
        out.record(SirNetworkType.MAJOR_OUTBREAK_SIZE, major ? finalSize : 0);
        out.record(SirNetworkType.PEAK_PREVALENCE, (double) peak / nodes);
        out.record(SirNetworkType.PEAK_TIME, peakTime);
        // Censored at t_max when infection is still under way.
        out.record(SirNetworkType.DURATION, heapSize == 0 ? lastEvent : tMax);
        out.record(SirNetworkType.MEAN_DEGREE, 2.0 * network.edges() / nodes);
        // The next event (if any) lies beyond t_max >= every output time not yet passed.
        prevalence.holdForever(infected);
        front.holdForever(radius);
        for (int k = 0; k < prevalence.known(); k++) {
            out.series(SirNetworkType.PREVALENCE, prevalence.time(k), prevalence.value(k) / nodes);
            out.series(SirNetworkType.FRONT_RADIUS, front.time(k), front.value(k));
            // Minor outbreaks would mix a radius stuck near 0 into the front's mean and spread.
            if (major) {
                out.series(SirNetworkType.FRONT_ADVANCE, front.time(k), k == 0 ? 0 : front.value(k) - front.value(k - 1));
            }
        }
    }

    /**
     * Runs up to {@code events} events, fewer if the epidemic ends first (tests and benchmarks:
     * units, series and averages are not updated); returns how many ran.
     */
    public long runEvents(long events) {
        long e = 0;
        for (; e < events && heapSize > 0; e++) {
            event();
        }
        return e;
    }

    int susceptibleCount() {
        return susceptible;
    }

    int infectedCount() {
        return infected;
    }

    int recoveredCount() {
        return recovered;
    }

    double clock() {
        return clock;
    }

    double frontRadius() {
        return radius;
    }

    /**
     * Whether counts, states and heap agree: S + I + R = N, each count matches the node states,
     * every infected node is in the heap, no recovered one is, and the heap is ordered. O(N).
     */
    boolean consistent() {
        int[] counts = new int[3];
        for (int i = 0; i < nodes; i++) {
            counts[state[i]]++;
            if (state[i] == INFECTED && position[i] < 0) {
                return false;
            }
            if (state[i] == RECOVERED && position[i] >= 0) {
                return false;
            }
            if (position[i] >= 0 && heap[position[i]] != i) {
                return false;
            }
        }
        for (int k = 1; k < heapSize; k++) {
            if (key[heap[k]] < key[heap[(k - 1) / 2]]) {
                return false;
            }
        }
        return susceptible + infected + recovered == nodes && counts[0] == susceptible && counts[1] == infected
                && counts[2] == recovered;
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    /** Node states, the heap (keys, order, positions), counters and both series; the network is rebuilt by create. */
    @Override
    public void checkpoint(StateWriter out) {
        out.bytes(state).doubles(key).ints(heap).ints(position).ints(infector).ints(origin).writeInt(heapSize);
        out.writeInt(susceptible).writeInt(infected).writeInt(recovered);
        out.writeDouble(clock).writeLong(unitsDone).writeDouble(unitArea).writeDouble(unitLength);
        out.writeInt(peak).writeDouble(peakTime).writeDouble(lastEvent).writeDouble(radius);
        prevalence.checkpoint(out);
        front.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        in.bytes(state);
        in.doubles(key);
        in.ints(heap);
        in.ints(position);
        in.ints(infector);
        in.ints(origin);
        heapSize = in.readInt();
        susceptible = in.readInt();
        infected = in.readInt();
        recovered = in.readInt();
        clock = in.readDouble();
        unitsDone = in.readLong();
        unitArea = in.readDouble();
        unitLength = in.readDouble();
        peak = in.readInt();
        peakTime = in.readDouble();
        lastEvent = in.readDouble();
        radius = in.readDouble();
        prevalence.restore(in);
        front.restore(in);
    }
}
