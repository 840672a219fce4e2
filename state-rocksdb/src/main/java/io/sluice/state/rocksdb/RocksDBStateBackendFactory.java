package io.sluice.state.rocksdb;

import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedStateBackendFactory;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code state.backend.type: rocksdb}. */
public final class RocksDBStateBackendFactory implements KeyedStateBackendFactory {
    @Override
    public String type() {
        return "rocksdb";
    }

    @Override
    public <K> KeyedStateBackend<K> create(StateSerializer<K> keySerializer, int maxParallelism, KeyGroupRange range,
            Configuration config, String operatorId) {
        String dir = config.get(StateOptions.ROCKSDB_LOCAL_DIR);
        try {
            Path base = dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(dir);
            Files.createDirectories(base);
            Path working = Files.createTempDirectory(base, "sluice-rocksdb-" + directoryName(operatorId) + "-");
            return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism, range, working, incremental(config));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the RocksDB working directory under "
                    + (dir == null ? "the temp directory" : dir), e);
        }
    }

    /**
     * {@code execution.checkpointing.incremental}, or where it is not set Flink's older key
     * {@code state.backend.incremental}; false by default.
     */
    static boolean incremental(Configuration config) {
        if (config.contains(CheckpointingOptions.INCREMENTAL)) {
            return config.get(CheckpointingOptions.INCREMENTAL);
        }
        String legacy = config.getString(LEGACY_INCREMENTAL);
        return legacy == null ? CheckpointingOptions.INCREMENTAL.defaultValue()
                : CheckpointingOptions.INCREMENTAL.parse(legacy);
    }

    /** Flink's key of {@code execution.checkpointing.incremental} before 2.0. */
    static final String LEGACY_INCREMENTAL = "state.backend.incremental";

    /**
     * The operator id as part of a file name: other characters than letters, digits, '_' and '-' become '_', and a
     * long id (SQL operators are named by their whole description) is cut, so the name stays far below the file
     * system's limit; the temp directory's random suffix keeps names unique.
     */
    static String directoryName(String operatorId) {
        String name = operatorId.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static final int MAX_NAME = 64;
}
