package io.phasesweep.contact;

import io.phasesweep.model.Model;
import io.phasesweep.model.Recorder;
import io.phasesweep.series.TimeGrid;
import io.phasesweep.state.StateReader;
import io.phasesweep.state.StateWriter;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The contact process on a periodic chain (dim = 1, L sites) or square lattice (dim = 2, L x L),
 * simulated exactly in continuous time, one event at a time (see the package documentation).
 *
 * <p>State: the infected sites in {@code infected[0..n)} in no particular order, and for every site
 * its index there, or -1 when healthy ({@code slot}); removal swaps the last entry into the hole,
 * so every event is O(1) and nothing is allocated after construction. One unit of the framework is
 * {@code output_interval} of time (the last one ends at t_max); the event drawn after the last one
 * of a unit stays pending into the next, since the waiting time is memoryless only while the state
 * does not change, and keeping it makes the bits independent of where units end.
 */
public final class ContactProcess implements Model {
    private final int dim;
    private final int side;
    private final int sites;
    private final double lambda;
    /** Total contact-process rate per infected site: recovery 1 plus infection lambda. */
    private final double ratePerInfected;
    /** Spontaneous infection rate of the whole lattice, h per site (healthy or not: see advance). */
    private final double spontaneousRate;
    private final double outputInterval;
    private final double tMax;
    private final long units;
    private final UniformRandomProvider rng;
    private final TimeGrid grid;

    private final int[] infected;
    private final int[] slot;
    private int n;
    private double clock;
    private double nextEvent;
    private long unitsDone;
    private boolean measuring;
    /** Time-integral of n over the last unit, and that unit's length. */
    private double unitArea;
    private double unitLength;
    /** Since measuring started: the integral of n over time, and the time during which n > 0. */
    private double survivingArea;
    private double survivingTime;
    /** When n first reached 0; NaN while it has not. */
    private double extinction = Double.NaN;

    /**
     * @param units  the number of units from 0 to {@code tMax}; unit k (1-based) ends at
     *               min(k outputInterval, tMax)
     * @param grid   the output times of the series
     */
    ContactProcess(int dim, int side, double lambda, double h, boolean seed, double outputInterval, double tMax,
                   long units, TimeGrid grid, UniformRandomProvider rng) {
        this.dim = dim;
        this.side = side;
        this.sites = dim == 1 ? side : side * side;
        this.lambda = lambda;
        this.ratePerInfected = 1 + lambda;
        this.spontaneousRate = h * sites;
        this.outputInterval = outputInterval;
        this.tMax = tMax;
        this.units = units;
        this.grid = grid;
        this.rng = rng;
        this.infected = new int[sites];
        this.slot = new int[sites];
        java.util.Arrays.fill(slot, -1);
        if (seed) {
            // Site 0: on a periodic lattice every site is equivalent.
            infect(0);
        } else {
            for (int s = 0; s < sites; s++) {
                infect(s);
            }
        }
        nextEvent = clock + waitingTime();
    }

    /** Rate of all events in the current state: (1 + lambda) n + h sites. */
    private double totalRate() {
        return ratePerInfected * n + spontaneousRate;
    }

    /** Exponential waiting time to the next event; infinite in the absorbing state. */
    private double waitingTime() {
        double rate = totalRate();
        // 1 - u lies in (0, 1], so the logarithm is finite.
        return rate > 0 ? -Math.log(1 - rng.nextDouble()) / rate : Double.POSITIVE_INFINITY;
    }

    private void infect(int s) {
        slot[s] = n;
        infected[n++] = s;
    }

    private void recover(int s) {
        int hole = slot[s];
        int last = infected[--n];
        infected[hole] = last;
        slot[last] = hole;
        slot[s] = -1;
    }

    /**
     * Neighbour k (0 .. 2 dim - 1) of site s, periodic: in 1D s + 1, s - 1; in 2D (site y L + x)
     * x + 1, x - 1, y + 1, y - 1.
     */
    int neighbour(int s, int k) {
        if (dim == 1) {
            return k == 0 ? (s + 1 == side ? 0 : s + 1) : (s == 0 ? side - 1 : s - 1);
        }
        int x = s % side;
        int row = s - x;
        return switch (k) {
            case 0 -> x + 1 == side ? row : s + 1;
            case 1 -> x == 0 ? s + side - 1 : s - 1;
            case 2 -> s + side >= sites ? x : s + side;
            default -> s < side ? sites - side + x : s - side;
        };
    }

    /**
     * One event at the current state. Spontaneous events (rate h per site) pick any site and infect
     * it if healthy: a null event on an infected site, which leaves the process exact and needs no
     * list of healthy sites. Contact events pick an infected site uniformly (each carries rate
     * 1 + lambda): with probability 1/(1 + lambda) it recovers, otherwise it infects a uniformly chosen
     * neighbour if that one is healthy. One uniform u decides both: u (1 + lambda) &lt; 1 recovers,
     * and otherwise (u (1 + lambda) - 1) / lambda is uniform on [0, 1) and names the neighbour.
     */
    private void event() {
        if (spontaneousRate > 0 && rng.nextDouble() * totalRate() >= ratePerInfected * n) {
            int s = rng.nextInt(sites);
            if (slot[s] < 0) {
                infect(s);
            }
            return;
        }
        int s = infected[rng.nextInt(n)];
        double v = rng.nextDouble() * ratePerInfected;
        if (v < 1) {
            recover(s);
            return;
        }
        int neighbours = 2 * dim;
        // Rounding could give (v - 1) / lambda = 1 for v just below 1 + lambda: stay on the last neighbour.
        int k = Math.min(neighbours - 1, (int) ((v - 1) / lambda * neighbours));
        int t = neighbour(s, k);
        if (slot[t] < 0) {
            infect(t);
        }
    }

    @Override
    public void advance() {
        unitsDone++;
        double end = unitsDone >= units ? tMax : unitsDone * outputInterval;
        double start = clock;
        double area = 0;
        while (nextEvent <= end) {
            double held = nextEvent - clock;
            area += n * held;
            if (measuring && n > 0) {
                survivingTime += held;
            }
            grid.holdUntil(nextEvent, n);
            clock = nextEvent;
            event();
            if (n == 0 && Double.isNaN(extinction)) {
                extinction = clock;
            }
            nextEvent = clock + waitingTime();
        }
        double held = end - clock;
        area += n * held;
        if (measuring && n > 0) {
            survivingTime += held;
        }
        clock = end;
        unitArea = area;
        unitLength = end - start;
        if (measuring) {
            survivingArea += area;
        }
    }

    @Override
    public void startMeasuring() {
        measuring = true;
    }

    /** The density averaged over the last unit (the exact time integral of n / sites, not a snapshot). */
    @Override
    public void measure(Recorder out) {
        out.record(ContactProcessType.DENSITY, unitArea / (unitLength * sites));
    }

    @Override
    public void finish(Recorder out) {
        // Censored at t_max: a replica alive at the end counts t_max, so the mean stays defined.
        out.record(ContactProcessType.SURVIVAL_TIME, Double.isNaN(extinction) ? tMax : extinction);
        out.record(ContactProcessType.SURVIVING_TIME, survivingTime);
        out.record(ContactProcessType.DENSITY_INTEGRAL, survivingArea / sites);
        // The run ends at t_max with the next event beyond it: the state is known at every output
        // time not yet passed (all <= t_max), whether or not it is absorbing.
        grid.holdForever(n);
        for (int k = 0; k < grid.known(); k++) {
            double t = grid.time(k);
            double count = grid.value(k);
            out.series(ContactProcessType.DENSITY_SERIES, t, count / sites);
            out.series(ContactProcessType.SURVIVAL, t, count > 0 ? 1.0 : 0.0);
            out.series(ContactProcessType.INFECTED, t, count);
        }
    }

    /** Number of infected sites now. */
    public int infectedCount() {
        return n;
    }

    int sites() {
        return sites;
    }

    double clock() {
        return clock;
    }

    /**
     * Whether the list, the index map and the count agree: every listed site points back to its
     * slot, and exactly n sites are marked infected. O(sites); for tests.
     */
    boolean consistent() {
        int marked = 0;
        for (int s = 0; s < sites; s++) {
            if (slot[s] >= 0) {
                marked++;
                if (slot[s] >= n || infected[slot[s]] != s) {
                    return false;
                }
            }
        }
        return marked == n;
    }

    /**
     * Runs {@code events} events from the current state, fewer if it is absorbed first (tests and
     * benchmarks: units, the series and the averages are not updated); the clock follows.
     */
    public void runEvents(long events) {
        for (long e = 0; e < events && totalRate() > 0; e++) {
            clock = nextEvent;
            event();
            nextEvent = clock + waitingTime();
        }
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    @Override
    public void checkpoint(StateWriter out) {
        out.writeInt(n).ints(infected).ints(slot);
        out.writeDouble(clock).writeDouble(nextEvent).writeLong(unitsDone).writeBoolean(measuring);
        out.writeDouble(unitArea).writeDouble(unitLength).writeDouble(survivingArea).writeDouble(survivingTime);
        out.writeDouble(extinction);
        grid.checkpoint(out);
    }

    @Override
    public void restore(StateReader in) {
        n = in.readInt();
        in.ints(infected);
        in.ints(slot);
        clock = in.readDouble();
        nextEvent = in.readDouble();
        unitsDone = in.readLong();
        measuring = in.readBoolean();
        unitArea = in.readDouble();
        unitLength = in.readDouble();
        survivingArea = in.readDouble();
        survivingTime = in.readDouble();
        extinction = in.readDouble();
        grid.restore(in);
    }
}
