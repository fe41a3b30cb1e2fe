package io.phasesweep.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The set-up the oscillator kernels' benchmarks share (JMH reads its annotations and methods in
 * each subclass, which names the benchmark, e.g. {@code KuramotoStepBenchmark.tenSteps}): one op is
 * {@link #STEPS_PER_OP} steps of the model's {@code steps(int)}, without measuring; bench/run
 * divides the time by ten and the oscillators. A subclass builds its model at its {@code size}
 * parameter, takes it past the start, and hands back its steps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", ForkFlags.GC})
public abstract class OscillatorStepBenchmark {
    static final int STEPS_PER_OP = 10;

    private IntConsumer steps;

    /** The model built at the benchmark's parameters and stepped past its start; its {@code steps(int)}. */
    abstract IntConsumer prepare();

    @Setup
    public void setUp() {
        steps = prepare();
    }

    @Benchmark
    public IntConsumer tenSteps() {
        steps.accept(STEPS_PER_OP);
        return steps;
    }
}
