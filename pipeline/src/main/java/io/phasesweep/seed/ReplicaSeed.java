package io.phasesweep.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The seed of one replica: the first 64 bits of SHA-256 over (sweep seed, the grid point's axis
 * values, replica index). It depends on nothing else: not on partitioning, executor, time, axis
 * order in the file, or the sweep's other points, so any run, split or resume reproduces it.
 * Axes enter sorted by name, each as name, type and the value's exact bits.
 */
public final class ReplicaSeed {
    private static final byte[] DOMAIN = "phasesweep/replica-seed/v1".getBytes(StandardCharsets.UTF_8);

    private ReplicaSeed() {
    }

    /** @param axisNames the point's axis names, parallel to {@code values} */
    public static long of(long sweepSeed, java.util.List<String> axisNames, Object[] values, int replica) {
        MessageDigest sha = sha256();
        sha.update(DOMAIN);
        sha.update(longBytes(sweepSeed));
        int[] order = IntStream.range(0, axisNames.size()).boxed()
                .sorted(Comparator.comparing(axisNames::get))
                .mapToInt(Integer::intValue).toArray();
        for (int i : order) {
            updateNamed(sha, axisNames.get(i), values[i]);
        }
        sha.update(longBytes(replica));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    /** A value as its type tag and exact bits; null (an optional parameter left out) as its own tag. */
    static byte[] valueBytes(Object v) {
        if (v == null) {
            return new byte[]{'n'};
        }
        if (v instanceof Integer || v instanceof Long) {
            return ByteBuffer.allocate(9).put((byte) 'i').putLong(((Number) v).longValue()).array();
        }
        if (v instanceof Double d) {
            // Normalise -0.0 to 0.0: the two are the same parameter value.
            return ByteBuffer.allocate(9).put((byte) 'd').putLong(Double.doubleToLongBits(d + 0.0)).array();
        }
        if (v instanceof Boolean b) {
            return new byte[]{'b', (byte) (b ? 1 : 0)};
        }
        byte[] s = ((String) v).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + s.length).put((byte) 's').putLong(s.length).put(s).array();
    }

    /** Name (length-prefixed, so no two name/value pairs run together alike), then the value. */
    static void updateNamed(MessageDigest sha, String name, Object value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        sha.update(longBytes(n.length));
        sha.update(n);
        sha.update(valueBytes(value));
    }

    static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
