package io.phasesweep.config;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The {@code spark} block: master, partitions, web UI and pass-through Spark properties. */
final class SparkReader {
    private static final Set<String> KEYS = Reference.keys("spark");

    private final TypedValues values;

    SparkReader(TypedValues values) {
        this.values = values;
    }

    SparkSettings read() {
        Optional<String> master = Optional.empty();
        int partitions = (int) Reference.integer("spark.partitions");
        boolean ui = Reference.bool("spark.ui");
        Map<String, String> conf = new TreeMap<>();
        if (values.has("spark")) {
            values.requireObject("spark");
            values.checkKeys(values.config().getObject("spark"), "spark.", KEYS);
            if (values.has("spark.master")) {
                master = Optional.of(values.string("spark.master"));
                SparkSettings.rejectMaster(master.get()).ifPresent(why -> {
                    throw values.error("spark.master", why);
                });
            }
            if (values.has("spark.partitions")) {
                partitions = (int) values.integer("spark.partitions", 0, 1_000_000);
            }
            if (values.has("spark.ui")) {
                ui = values.bool("spark.ui");
            }
            if (values.has("spark.conf")) {
                values.requireObject("spark.conf");
                for (Map.Entry<String, ConfigValue> e : values.config().getObject("spark.conf").entrySet()) {
                    ConfigValueType t = e.getValue().valueType();
                    if (t == ConfigValueType.OBJECT || t == ConfigValueType.LIST || t == ConfigValueType.NULL) {
                        throw TypedValues.errorAt(e.getValue(), "spark.conf.\"" + e.getKey() + "\"",
                                "must be a string, number or boolean (quote dotted Spark keys)");
                    }
                    conf.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
                }
            }
        }
        return new SparkSettings(master, partitions, ui, conf);
    }

    /** Where the master was set (for memory errors that depend on it), else the config file. */
    String masterOrigin() {
        return values.has("spark.master") ? TypedValues.where(values.config().getValue("spark.master").origin())
                : values.source();
    }
}
