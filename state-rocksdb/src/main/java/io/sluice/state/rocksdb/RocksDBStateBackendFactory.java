package io.sluice.state.rocksdb;

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
            Path working = Files.createTempDirectory(base, "sluice-rocksdb-" + operatorId.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
            return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism, range, working);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the RocksDB working directory under "
                    + (dir == null ? "the temp directory" : dir), e);
        }
    }
}
