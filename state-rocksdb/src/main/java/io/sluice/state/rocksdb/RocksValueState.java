package io.sluice.state.rocksdb;

import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.SerializedBytes;
import io.sluice.runtime.state.keyed.StateMeta;
import io.sluice.runtime.state.keyed.StateSerializer;
import org.rocksdb.ColumnFamilyHandle;

final class RocksValueState<K, N, V> extends RocksState<K, N> implements KeyedValueState<N, V> {
    private final StateSerializer<V> valueSerializer;

    RocksValueState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily, StateMeta meta,
            StateSerializer<N> namespaceSerializer, N defaultNamespace, StateSerializer<V> valueSerializer) {
        super(backend, columnFamily, meta, namespaceSerializer, defaultNamespace);
        this.valueSerializer = valueSerializer;
    }

    @Override
    public V value() {
        byte[] stored = backend.get(columnFamily, currentPrefix());
        return stored == null ? null : SerializedBytes.fromBytes(valueSerializer, stored);
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            backend.put(columnFamily, currentPrefix(), backend.bytes().toBytes(valueSerializer, value));
        }
    }

    @Override
    public void clear() {
        backend.delete(columnFamily, currentPrefix());
    }
}
