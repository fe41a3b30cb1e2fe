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
 */
public record SweepConfig(String name, SweepPlan plan, Path outputDir, SparkSettings spark,
                          java.util.Optional<FssSettings> fss, long confirmTasks, String source, String resolvedJson,
                          String hash, java.util.Map<String, Long> warnings, java.time.Duration checkpointInterval,
                          java.util.Optional<RefineSettings> refine) {
    public SweepConfig {
        warnings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(warnings));
    }


    /** The same sweep written to {@code dir} (e.g. the output path with its symbolic links followed). */
    public SweepConfig withOutputDir(Path dir) {
        return new SweepConfig(name, plan, dir, spark, fss, confirmTasks, source, resolvedJson, hash, warnings,
                checkpointInterval, refine);
    }

    /** Refuses a sweep larger than {@code limits.confirm_tasks} unless the user confirmed it. */
    public void checkSize(boolean confirmed) {
        if (!confirmed && plan.taskCount() > confirmTasks) {
            throw new ConfigError(source + ": this sweep has " + plan.taskCount() + " tasks, more than limits.confirm_tasks = "
                    + confirmTasks + "; check the grid, then rerun with --yes to confirm");
        }
    }
}
