package io.phasesweep.cli;

import io.phasesweep.config.ConfigLoader;
import io.phasesweep.config.Reference;
import io.phasesweep.config.SweepConfig;
import io.phasesweep.io.Tables;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The config file and the command-line overrides every config-reading command accepts. */
final class ConfigOptions {
    @Parameters(index = "0", paramLabel = "CONF", description = "sweep config file (HOCON)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override any config key, e.g. --set sweep.replicas=8 --set spark.partitions=7")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (overrides output.dir): a local"
            + " path or a Hadoop file system URI, e.g. hdfs://namenode:8020/sweeps/x")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] (overrides spark.master)")
    String master;

    /** The config, and (io's knowledge, hence here rather than in config) no parameter shadowing a column. */
    SweepConfig load() {
        SweepConfig config = ConfigLoader.loadTo(file, sets, master, out);
        Tables.requireNoCollision(config.plan().modelType());
        return config;
    }

    /** Each config key's effective value and origin; after {@link #load()} accepted the config. */
    List<Reference.Setting> settings() {
        return ConfigLoader.settingsTo(file, sets, master, out);
    }
}
