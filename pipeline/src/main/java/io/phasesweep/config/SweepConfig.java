package io.phasesweep.config;

import io.phasesweep.grid.SweepPlan;

import java.nio.file.Path;

/**
 * A validated sweep configuration.
 *
 * @param resolvedJson the whole resolved config as JSON, for the manifest
 * @param fss          finite-size-scaling analysis to run after the sweep, if configured
 * @param confirmTasks task count above which a run needs --yes
 * @param hash         SHA-256 of what determines the results (model, seed, replicas, grid, params)
 * @param warnings     what the model doubts about the parameters, with the number of grid points concerned
 * @param checkpointInterval task time between checkpoints ({@code checkpoint.interval}); zero: none
 * @param refine       boundary refinement passes after the configured grid ({@code sweep.refine}), if configured
 * @param output       the output directory as given: a local path or a Hadoop file system URI ({@link OutputPath})
 */
public record SweepConfig(String name, SweepPlan plan, String output, SparkSettings spark,
                          java.util.Optional<FssSettings> fss, long confirmTasks, String source, String resolvedJson,
                          String hash, java.util.Map<String, Long> warnings, java.time.Duration checkpointInterval,
                          java.util.Optional<RefineSettings> refine) {
    public SweepConfig {
        warnings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(warnings));
    }


    /** The same sweep written to {@code output} (e.g. the output path with its symbolic links followed). */
    public SweepConfig withOutput(String output) {
        return new SweepConfig(name, plan, output, spark, fss, confirmTasks, source, resolvedJson, hash, warnings,
                checkpointInterval, refine);
    }

    /** Whether the output is on the local file system (a plain path or a {@code file:} URI). */
    public boolean localOutput() {
        return OutputPath.localPath(output).isPresent();
    }

    /**
     * The output directory as a local path.
     *
     * @throws ConfigError if the output is on another file system ({@code hdfs://}, ...)
     */
    public Path outputDir() {
        return OutputPath.localPath(output).orElseThrow(() -> new ConfigError(output + ": not a local path"));
    }

    /** Refuses a sweep larger than {@code limits.confirm_tasks} unless the user confirmed it. */
    public void checkSize(boolean confirmed) {
        if (!confirmed && plan.taskCount() > confirmTasks) {
            throw new ConfigError(source + ": this sweep has " + plan.taskCount() + " tasks, more than limits.confirm_tasks = "
                    + confirmTasks + "; check the grid, then rerun with --yes to confirm");
        }
    }
}
