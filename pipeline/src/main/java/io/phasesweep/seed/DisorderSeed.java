package io.phasesweep.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seed of one replica's quenched disorder: the first 64 bits of SHA-256 over (sweep seed, the
 * values of the parameters the model's disorder depends on, replica index), under a domain of its
 * own so it never equals a {@link ReplicaSeed}. Only those parameters enter, whether swept or
 * fixed: replica r sees the same disorder at every value of the other axes (every temperature),
 * on every pass and for any partitioning. Parameters enter sorted by name, encoded as in
 * {@link ReplicaSeed}.
 */
public final class DisorderSeed {
    private static final byte[] DOMAIN = "phasesweep/disorder-seed/v1".getBytes(StandardCharsets.UTF_8);

    private DisorderSeed() {
    }

    /** @param disorderValues each disorder parameter's resolved value, by name (null: an optional one left out) */
    public static long of(long sweepSeed, Map<String, Object> disorderValues, int replica) {
        MessageDigest sha = ReplicaSeed.sha256();
        sha.update(DOMAIN);
        sha.update(ReplicaSeed.longBytes(sweepSeed));
        for (Map.Entry<String, Object> e : new TreeMap<>(disorderValues).entrySet()) {
            ReplicaSeed.updateNamed(sha, e.getKey(), e.getValue());
        }
        sha.update(ReplicaSeed.longBytes(replica));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }
}
