package io.phasesweep.io;

import io.phasesweep.config.SparkSettings;
import org.apache.hadoop.conf.Configuration;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Hadoop settings a sweep gives: Spark's {@code spark.hadoop.*} properties, prefix removed,
 * from the config's {@code spark.conf} block and from the JVM's system properties (where
 * {@code spark-submit --conf} puts them), over Hadoop's defaults ({@code core-site.xml} and
 * {@code hdfs-site.xml} on the class path, e.g. from {@code HADOOP_CONF_DIR}). Small and
 * serializable, so that executors (which write checkpoints) build the same configuration.
 */
public record HadoopSettings(Map<String, String> entries) implements Serializable {
    private static final String PREFIX = "spark.hadoop.";

    public HadoopSettings {
        entries = Map.copyOf(entries);
    }

    /** The settings of a config, before Spark starts. */
    public static HadoopSettings of(SparkSettings spark) {
        return of(spark.conf());
    }

    /** The settings of the JVM's system properties and of the Spark properties {@code sparkConf}, which win. */
    public static HadoopSettings of(Map<String, String> sparkConf) {
        Map<String, String> entries = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> entries.put(k.substring(PREFIX.length()), System.getProperty(k)));
        sparkConf.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                entries.put(k.substring(PREFIX.length()), v);
            }
        });
        return new HadoopSettings(entries);
    }

    /** The settings of a running Spark application (its {@code spark.hadoop.*} properties). */
    public static HadoopSettings of(org.apache.spark.SparkConf spark) {
        Map<String, String> entries = new TreeMap<>();
        for (scala.Tuple2<String, String> kv : spark.getAllWithPrefix(PREFIX)) {
            entries.put(kv._1(), kv._2());
        }
        return new HadoopSettings(entries);
    }

    public Configuration conf() {
        Configuration conf = new Configuration();
        entries.forEach(conf::set);
        return conf;
    }
}
