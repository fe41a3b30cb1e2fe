package io.phasesweep.math;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Fdlibm} against {@link StrictMath}, bit for bit, on arguments drawn to reach every branch:
 * the phase differences a kernel meets, arguments across the whole medium range, hard cases within
 * a few ulps of multiples of pi/2 (where reduction cancels), the range boundaries, tiny and
 * subnormal arguments, random bit patterns over all exponents (large ones, NaN and infinities
 * take the StrictMath fallback); and, independently of StrictMath, against sine and cosine to 50
 * digits, within 1 ulp.
 */
class FdlibmTest {
    /** pi to 100 digits. */
    private static final BigDecimal PI = new BigDecimal("3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068");
    private static final MathContext DIGITS = new MathContext(60, RoundingMode.HALF_EVEN);

    @Test
    void sineAndCosineAreStrictMathsBitsOnAMillionArguments() {
        assertSameBits(1_000_000, 1);
    }

    @Test
    @Tag("long")
    void sineAndCosineAreStrictMathsBitsOnAHundredMillionArguments() {
        assertSameBits(100_000_000, 2);
    }

    @Test
    void specialValuesAreStrictMaths() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-27, -0x1p-27,
                Math.nextDown(0x1p-27), 0.3, Math.PI / 4, Math.nextUp(Math.PI / 4), Math.nextDown(Math.PI / 4),
                Math.PI / 2, -Math.PI / 2, 3 * Math.PI / 4, Math.PI, 0x1p19 * Math.PI / 2,
                Math.nextUp(0x1p19 * Math.PI / 2), 1e6, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : special) {
            assertEquals(Double.doubleToLongBits(StrictMath.sin(x)), Double.doubleToLongBits(Fdlibm.sin(x)), "sin " + x);
            assertEquals(Double.doubleToLongBits(StrictMath.cos(x)), Double.doubleToLongBits(Fdlibm.cos(x)), "cos " + x);
        }
    }

    /** Within one ulp of sine and cosine computed to 60 digits, on arguments up to 8e5. */
    @Test
    void errorIsBelowOneUlp() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            double x = switch (i % 3) {
                case 0 -> (2 * random.nextDouble() - 1) * 7;
                case 1 -> (2 * random.nextDouble() - 1) * 8e5;
                default -> nearMultipleOfHalfPi(random);
            };
            BigDecimal[] exact = sinCos(x);
            assertWithinOneUlp(exact[0], Fdlibm.sin(x), "sin " + x);
            assertWithinOneUlp(exact[1], Fdlibm.cos(x), "cos " + x);
        }
    }

    private static void assertWithinOneUlp(BigDecimal exact, double computed, String what) {
        BigDecimal error = new BigDecimal(computed).subtract(exact).abs();
        assertTrue(error.compareTo(new BigDecimal(Math.ulp(computed))) < 0,
                what + ": " + computed + " vs " + exact.round(new MathContext(20)) + ", error " + error.round(new MathContext(3)));
    }

    /** {sin x, cos x} to about 60 digits: x - k pi/2 in exact arithmetic with a 100-digit pi, then Taylor series. */
    private static BigDecimal[] sinCos(double value) {
        BigDecimal x = new BigDecimal(value);
        BigDecimal halfPi = PI.divide(BigDecimal.valueOf(2), new MathContext(100));
        BigDecimal k = x.divide(halfPi, new MathContext(100)).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal r = x.subtract(k.multiply(halfPi), new MathContext(100));
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal c = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal tiny = new BigDecimal("1e-70");
        // term = r^n / n!, alternating in pairs: sin = r - r^3/3! + ..., cos = 1 - r^2/2! + ...
        for (int n = 0; term.abs().compareTo(tiny) > 0 || n < 2; n++) {
            int sign = (n / 2) % 2 == 0 ? 1 : -1;
            if (n % 2 == 0) {
                c = sign > 0 ? c.add(term, DIGITS) : c.subtract(term, DIGITS);
            } else {
                s = sign > 0 ? s.add(term, DIGITS) : s.subtract(term, DIGITS);
            }
            term = term.multiply(r, DIGITS).divide(BigDecimal.valueOf(n + 1), DIGITS);
        }
        int quadrant = k.remainder(BigDecimal.valueOf(4)).intValue() & 3;
        return switch (quadrant) {
            case 0 -> new BigDecimal[]{s, c};
            case 1 -> new BigDecimal[]{c, s.negate()};
            case 2 -> new BigDecimal[]{s.negate(), c.negate()};
            default -> new BigDecimal[]{c.negate(), s};
        };
    }

    private static void assertSameBits(long count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long mismatches = 0;
        String first = null;
        for (long i = 0; i < count; i++) {
            double x = argument(random, (int) (i % 8));
            long sin = Double.doubleToLongBits(Fdlibm.sin(x));
            long cos = Double.doubleToLongBits(Fdlibm.cos(x));
            if (sin != Double.doubleToLongBits(StrictMath.sin(x)) || cos != Double.doubleToLongBits(StrictMath.cos(x))) {
                mismatches++;
                if (first == null) {
                    first = String.format("x = %s (0x%016x): sin %s vs %s, cos %s vs %s", x, Double.doubleToRawLongBits(x),
                            Fdlibm.sin(x), StrictMath.sin(x), Fdlibm.cos(x), StrictMath.cos(x));
                }
            }
        }
        assertEquals(0, mismatches, "arguments whose bits differ from StrictMath's, the first: " + first);
    }

    /** One argument of kind 0..7: see the class comment. */
    private static double argument(SplittableRandom random, int kind) {
        return switch (kind) {
            case 0 -> (2 * random.nextDouble() - 1) * 2 * Math.PI;
            case 1 -> (2 * random.nextDouble() - 1) * 100;
            case 2 -> (2 * random.nextDouble() - 1) * 0x1p19 * Math.PI / 2 * 1.001;
            case 3, 4 -> nearMultipleOfHalfPi(random);
            case 5 -> (2 * random.nextDouble() - 1) * Math.scalb(1.0, -random.nextInt(1080));
            case 6 -> Double.longBitsToDouble(random.nextLong());
            default -> nearBoundary(random);
        };
    }

    /** Within 64 ulps of k pi/2 (the double nearest), k up to 2^19 or, half the time, up to 32. */
    private static double nearMultipleOfHalfPi(SplittableRandom random) {
        long k = random.nextBoolean() ? random.nextLong(-32, 33) : random.nextLong(-(1L << 19), (1L << 19) + 1);
        // Ulps counted on |x| (about 0, on the tiny numbers of either sign).
        long bits = Double.doubleToRawLongBits(Math.abs(k * (Math.PI / 2))) + random.nextInt(-64, 65);
        return Math.copySign(Double.longBitsToDouble(Math.abs(bits)), k < 0 ? -1.0 : 1.0);
    }

    /** Within 64 ulps of a boundary of the reduction or of the cosine kernel's branches. */
    private static double nearBoundary(SplittableRandom random) {
        double[] boundaries = {Math.PI / 4, 3 * Math.PI / 4, 0x1p19 * Math.PI / 2, 0.3, 0.78125, 0x1p-27,
                Math.PI / 2 + 0.3, Math.PI / 2 + 0.78125, Math.PI / 2 - 0.3};
        double x = boundaries[random.nextInt(boundaries.length)];
        x = Double.longBitsToDouble(Double.doubleToRawLongBits(x) + random.nextInt(-64, 65));
        return random.nextBoolean() ? x : -x;
    }
}
