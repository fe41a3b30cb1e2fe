package io.phasesweep.config;

import io.phasesweep.grid.SweepPlan;

import java.nio.file.Path;

/**
 * A validated sweep configuration.
 *
 * @param resolvedJson the whole resolved config as JSON, for the manifest
 * @param fss          finite-size-scaling analysis to run after the sweep, if configured
 * @param hash         SHA-256 of what determines the results (model, seed, replicas, grid, params)
 */
public record SweepConfig(String name, SweepPlan plan, Path outputDir, SparkSettings spark,
                          java.util.Optional<FssSettings> fss, String source, String resolvedJson, String hash) {
}
