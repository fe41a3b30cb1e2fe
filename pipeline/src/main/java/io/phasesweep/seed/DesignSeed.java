package io.phasesweep.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The seed of a sampled design's points (a Sobol scramble, random or latin-hypercube draws): the
 * first 64 bits of SHA-256 over the sweep seed under a domain of its own, so it never equals a
 * {@link ReplicaSeed} or {@link DisorderSeed}. The sweep seed alone enters: the design is drawn
 * once, on the driver, before any task exists, and the same sweep seed always draws it again.
 */
public final class DesignSeed {
    private static final byte[] DOMAIN = "phasesweep/design-seed/v1".getBytes(StandardCharsets.UTF_8);

    private DesignSeed() {
    }

    public static long of(long sweepSeed) {
        MessageDigest sha = ReplicaSeed.sha256();
        sha.update(DOMAIN);
        sha.update(ReplicaSeed.longBytes(sweepSeed));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }
}
