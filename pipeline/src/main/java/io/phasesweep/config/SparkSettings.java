package io.phasesweep.config;

import java.util.Map;
import java.util.Optional;

/**
 * How to run on Spark. {@code master} empty means: the one spark-submit chose, else {@code local[*]}.
 *
 * @param partitions task partitions; 0 chooses a multiple of the cores
 * @param ui         whether to start the Spark web UI (off by default; bound to loopback when on)
 * @param conf       further Spark properties, passed through as given
 */
public record SparkSettings(Optional<String> master, int partitions, boolean ui, Map<String, String> conf) {
    public static final String DEFAULT_MASTER = "local[*]";
    /** The master URLs Spark 4 accepts; anything else is refused before Spark starts. */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9]\\d{0,5})(,\\s*[1-9]\\d{0,5})?])?"
                    + "|local-cluster\\[\\s*[1-9]\\d{0,4}\\s*,\\s*[1-9]\\d{0,4}\\s*,\\s*[1-9]\\d{0,8}\\s*]"
                    + "|spark://[A-Za-z0-9._\\[\\]:-]+:\\d{1,5}(,[A-Za-z0-9._\\[\\]:-]+:\\d{1,5})*"
                    + "|yarn|k8s://\\S+");

    public SparkSettings {
        conf = Map.copyOf(conf);
    }

    /** The master in effect: the config's, else spark-submit's (a system property), else local[*]. */
    public String effectiveMaster() {
        return master.orElse(System.getProperty("spark.master", DEFAULT_MASTER));
    }

    /** Why {@code master} is not a Spark master URL, or empty if it is one. */
    public static Optional<String> rejectMaster(String master) {
        if (MASTER.matcher(master).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + master + "' is not a Spark master (expected local, local[N], local[*], local[N,F],"
                + " local-cluster[W,C,MB], spark://HOST:PORT, yarn or k8s://URL, with N >= 1)");
    }
}
