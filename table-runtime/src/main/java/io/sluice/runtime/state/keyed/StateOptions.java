package io.sluice.runtime.state.keyed;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/** Options of keyed state, with Flink's keys. */
public final class StateOptions {
    private StateOptions() {
    }

    public static final ConfigOption<String> BACKEND_TYPE = ConfigOptions.key("state.backend.type")
            .stringType().defaultValue("hashmap")
            .withDescription("Where keyed state lives: 'hashmap' (Java objects on the heap) or 'rocksdb' (an embedded"
                    + " RocksDB instance on local disk, for state larger than memory).");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
            .intType().defaultValue(KeyGroupAssignment.DEFAULT_MAX_PARALLELISM)
            .withDescription("Number of key groups: the largest parallelism a job's keyed state can be restored at.");

    public static final ConfigOption<String> ROCKSDB_LOCAL_DIR = ConfigOptions.key("state.backend.rocksdb.localdir")
            .stringType().noDefaultValue()
            .withDescription("Directory for the RocksDB backend's working files (default: the system temp directory).");
}
