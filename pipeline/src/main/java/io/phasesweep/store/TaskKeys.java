package io.phasesweep.store;

import io.phasesweep.grid.SweepPlan;
import io.phasesweep.model.Params;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The content key of a task: SHA-256 of everything its bits depend on, and nothing else. That is
 * the model and its version (bumped whenever a kernel's bits change), the replica index, the
 * replica's seed and disorder seed, and every member point's resolved parameters (fixed values and
 * defaults included, each with its type and exact bits). Not the sweep's name, output, partitions,
 * pass or the position of the point in the grid: two sweeps that run the same task share its key.
 */
public final class TaskKeys {
    /** Changes only if this encoding does, which would orphan every stored task. */
    private static final String ENCODING = "phasesweep-task-key-1";

    private TaskKeys() {
    }

    /** The key of task {@code task} of {@code plan} (replica {@code task % replicas} of its group). */
    public static String of(SweepPlan plan, long task) {
        long group = task / plan.replicas();
        int replica = (int) (task % plan.replicas());
        long[] points = plan.members(group);
        Object[] first = plan.grid().point(points[0]);
        Params firstParams = plan.params(first);
        OptionalLong disorder = plan.disorderSeed(firstParams, replica);
        StringBuilder b = new StringBuilder(256)
                .append(ENCODING).append('\n')
                .append(plan.model()).append('\n')
                .append(plan.modelType().version()).append('\n')
                .append(replica).append('\n')
                .append(plan.seed(first, replica)).append('\n')
                .append(disorder.isPresent() ? Long.toString(disorder.getAsLong()) : "-").append('\n');
        for (int k = 0; k < points.length; k++) {
            Params p = k == 0 ? firstParams : plan.params(plan.grid().point(points[k]));
            for (Map.Entry<String, Object> e : new TreeMap<>(p.asMap()).entrySet()) {
                b.append(e.getKey()).append('=').append(exact(e.getValue())).append(';');
            }
            b.append('\n');
        }
        return sha256(b.toString());
    }

    /** A value's type and exact bits: 0.1 and 0.1000000000000001 differ, an int 3 and a double 3.0 too. */
    private static String exact(Object v) {
        if (v instanceof Double d) {
            return "d:" + Long.toHexString(Double.doubleToLongBits(d));
        }
        if (v == null) {
            return "null";
        }
        String text = v.toString();
        // Length-prefixed, so that no string value can imitate the separators around it.
        return v.getClass().getSimpleName().charAt(0) + ":" + text.length() + ":" + text;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
