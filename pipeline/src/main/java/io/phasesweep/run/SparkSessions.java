package io.phasesweep.run;

import io.phasesweep.config.SparkSettings;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** Builds the Spark session for a sweep: local[*] on a laptop, whatever spark-submit chose elsewhere. */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession start(String appName, SparkSettings settings) {
        String master = settings.effectiveMaster();
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(master)
                // The UI is a network port: off unless asked for, and then on loopback only.
                .config("spark.ui.enabled", settings.ui())
                .config("spark.ui.showConsoleProgress", false)
                // Tasks carry parameters, not data: waiting for locality only idles cores.
                .config("spark.locality.wait", "0")
                .config("spark.sql.adaptive.enabled", false);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            b.config(e.getKey(), e.getValue());
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("phasesweep.log.level", "WARN").toUpperCase());
        return spark;
    }
}
