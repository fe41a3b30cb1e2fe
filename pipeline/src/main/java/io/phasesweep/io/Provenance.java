package io.phasesweep.io;

import io.phasesweep.Version;
import io.phasesweep.config.SweepConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What made a table, written as key-value metadata into every Parquet footer phasesweep publishes,
 * so that a file copied out of its output directory still says which sweep, model and config it
 * came from ({@code pyarrow.parquet.read_schema(f).metadata}, DuckDB's {@code parquet_kv_metadata}).
 */
public record Provenance(String phasesweepVersion, String model, String modelVersion, String configHash, String sweep,
                         long seed) {
    /** Footer keys, all under this prefix. */
    public static final String PREFIX = "phasesweep.";

    public static Provenance of(SweepConfig config) {
        return new Provenance(Version.get(), config.plan().model(), config.plan().modelType().version(), config.hash(),
                config.name(), config.plan().sweepSeed());
    }

    /** The footer entries of one table: these fields and the table's name. */
    public Map<String, String> footer(String table) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(PREFIX + "version", phasesweepVersion);
        kv.put(PREFIX + "model", model);
        kv.put(PREFIX + "model_version", modelVersion);
        kv.put(PREFIX + "config_hash", configHash);
        kv.put(PREFIX + "sweep", sweep);
        kv.put(PREFIX + "seed", Long.toString(seed));
        kv.put(PREFIX + "table", table);
        return kv;
    }
}
