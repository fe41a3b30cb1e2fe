package io.phasesweep.bench;

/** JVM flags of the benchmark forks: the collector {@code bin/phasesweep} runs the kernels under. */
final class ForkFlags {
    /** The JVM would pick G1 here (2 CPUs) and SerialGC on one; the launcher fixes ParallelGC. */
    static final String GC = "-XX:+UseParallelGC";

    private ForkFlags() {
    }
}
