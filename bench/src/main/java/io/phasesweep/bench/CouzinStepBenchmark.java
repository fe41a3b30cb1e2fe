package io.phasesweep.bench;

import io.phasesweep.couzin.CouzinSchool;
import io.phasesweep.couzin.CouzinSchoolType;
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
 * Question: what does one time step of the Couzin school cost per individual, at the paper's
 * N = 100 and at 400, in a cohesive dynamic parallel group (dr_o = 3, dr_a = 10, the paper's other
 * values)? A step visits all N (N - 1) / 2 pairs once (a distance, and for the pairs within r_a a
 * square root, the zone sums of both partners and two blind-cone tests), then turns every heading
 * (a Gaussian and a uniform draw, four StrictMath sines and cosines): the cost per individual grows
 * like N, and per pair it should stay flat. One op is ten steps; bench/run divides by 10 N. No C
 * reference.
 *
 * <p>Run: {@code bench/run kernels}, or {@code java -jar bench/target/benchmarks.jar CouzinStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public class CouzinStepBenchmark {
    @Param({"100", "400"})
    public int size;

    private CouzinSchool school;

    @Setup
    public void setUp() {
        Params p = Params.resolve(CouzinSchoolType.INSTANCE, Map.of("N", size, "dr_o", 3.0, "dr_a", 10.0));
        school = (CouzinSchool) CouzinSchoolType.INSTANCE.create(p, ReplicaRunner.rng(1));
        // Into the polarised group first: 150 s from the random start.
        school.steps(1500);
    }

    /** Ten time steps of every individual. */
    @Benchmark
    public CouzinSchool tenSteps() {
        school.steps(10);
        return school;
    }
}
