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
    public SparkSettings {
        conf = Map.copyOf(conf);
    }
}
