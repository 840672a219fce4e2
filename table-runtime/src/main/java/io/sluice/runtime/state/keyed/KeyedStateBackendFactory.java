package io.sluice.runtime.state.keyed;

import io.sluice.runtime.config.Configuration;

/**
 * Creates keyed-state backends of one type ({@code state.backend.type}). Implementations outside this module
 * (RocksDB) register in {@code META-INF/services/io.sluice.runtime.state.keyed.KeyedStateBackendFactory}.
 */
public interface KeyedStateBackendFactory {

    /** The value of {@code state.backend.type} that selects this factory, e.g. {@code rocksdb}. */
    String type();

    /**
     * A backend for one parallel operator instance.
     *
     * @param operatorId a stable identity of the operator instance (used to name working directories)
     */
    <K> KeyedStateBackend<K> create(StateSerializer<K> keySerializer, int maxParallelism, KeyGroupRange range,
            Configuration config, String operatorId);
}
