package io.phasesweep.bench;

import io.phasesweep.contact.ContactProcess;
import io.phasesweep.contact.ContactProcessType;
import io.phasesweep.model.Params;
import io.phasesweep.model.ReplicaRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Question: what does one event of the exact continuous-time contact process cost, on a ring and on
 * a square lattice, with the lattice in cache (4096 sites) and far beyond it (2^20 sites)? An event
 * is three draws (waiting time with a logarithm, infected site, recovery or neighbour), a random
 * read of the infected list and one or two of the index map: O(1) whatever the size, so the cost
 * per event should stay flat up to cache misses. Measured in the stationary active state slightly
 * above lambda_c (3.6 in 1D, 1.8 in 2D), after 20 events per site from the full lattice. One op is
 * 10 000 events; bench/run divides by 10 000. No C reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar ContactProcess}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class ContactProcessBenchmark {
    static final int EVENTS = 10_000;

    @Param({"1", "2"})
    public int dim;

    /** Sites of the lattice: L in 1D, L^2 in 2D. */
    @Param({"4096", "1048576"})
    public int size;

    private ContactProcess process;

    @Setup
    public void setUp() {
        int side = dim == 1 ? size : (int) Math.round(Math.sqrt(size));
        Params p = Params.resolve(ContactProcessType.INSTANCE,
                Map.of("dim", dim, "L", side, "lambda", dim == 1 ? 3.6 : 1.8, "transient", 0.0));
        process = (ContactProcess) ContactProcessType.INSTANCE.create(p, ReplicaRunner.rng(1));
        process.runEvents(20L * size);
    }

    /** Ten thousand events. */
    @Benchmark
    public ContactProcess events() {
        process.runEvents(EVENTS);
        return process;
    }
}
