/**
 * Elementary functions in plain double arithmetic, for kernels that need them fast and with the
 * same bits on every JVM and CPU. Java 17's double arithmetic is IEEE 754 round-to-nearest
 * everywhere (strictfp is the only semantics since JEP 306), so a function written in it returns
 * the same bits wherever it runs; {@link java.lang.StrictMath} does too, but on Java 17 its sine
 * and cosine are native calls the JIT cannot inline. {@link io.phasesweep.math.Fdlibm} computes
 * StrictMath's own algorithm (fdlibm 5.3), so it returns StrictMath's bits, not merely close ones.
 */
package io.phasesweep.math;
