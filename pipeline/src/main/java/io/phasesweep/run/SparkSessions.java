package io.phasesweep.run;

import io.phasesweep.config.SparkSettings;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** Builds the Spark session for a sweep: local[*] on a laptop, whatever spark-submit chose elsewhere. */
public final class SparkSessions {
    /** The executors' collector where they have JVMs of their own, unless the config names options. */
    static final String EXECUTOR_GC = "-XX:+UseParallelGC";

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
        boolean ownExecutorJvms = !(master.equals("local") || master.startsWith("local["));
        if (ownExecutorJvms && !settings.conf().containsKey("spark.executor.extraJavaOptions")) {
            // Executors in JVMs of their own run the kernels: give them the launcher's collector
            // (bin/phasesweep). Left to itself a JVM on two or more CPUs picks G1, whose barriers and
            // safepoint polls cost the kernels ~5 %.
            b.config("spark.executor.extraJavaOptions", EXECUTOR_GC);
        }
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            b.config(e.getKey(), e.getValue());
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("phasesweep.log.level", "WARN").toUpperCase());
        return spark;
    }
}
