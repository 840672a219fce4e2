package io.sluice.state.rocksdb;

import io.sluice.runtime.state.keyed.KeyedState;
import io.sluice.runtime.state.keyed.StateMeta;
import io.sluice.runtime.state.keyed.StateSerializer;
import org.rocksdb.ColumnFamilyHandle;

/** A registered state of the RocksDB backend: its column family and the current namespace. */
abstract class RocksState<K, N> implements KeyedState<N> {
    final RocksDBKeyedStateBackend<K> backend;
    final ColumnFamilyHandle columnFamily;
    final StateMeta meta;
    private final StateSerializer<N> namespaceSerializer;
    private N currentNamespace;
    private byte[] namespaceBytes;

    RocksState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily, StateMeta meta,
            StateSerializer<N> namespaceSerializer, N defaultNamespace) {
        this.backend = backend;
        this.columnFamily = columnFamily;
        this.meta = meta;
        this.namespaceSerializer = namespaceSerializer;
        setCurrentNamespace(defaultNamespace);
    }

    @Override
    public final void setCurrentNamespace(N namespace) {
        if (namespace != currentNamespace || namespaceBytes == null) {
            currentNamespace = namespace;
            namespaceBytes = backend.bytes().toBytes(namespaceSerializer, namespace);
        }
    }

    StateSerializer<N> namespaceSerializer() {
        return namespaceSerializer;
    }

    /** The RocksDB key of the current key and namespace (a map state's entries extend it). */
    final byte[] currentPrefix() {
        return backend.currentKeyPrefix(namespaceBytes);
    }
}
