package io.sluice.state.rocksdb;

import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.SerializedBytes;
import io.sluice.runtime.state.keyed.StateMeta;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/** List state: elements appended with the merge operator, each length-prefixed. */
final class RocksListState<K, N, V> extends RocksState<K, N> implements KeyedListState<N, V> {
    private final StateSerializer<V> elementSerializer;

    RocksListState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily, StateMeta meta,
            StateSerializer<N> namespaceSerializer, N defaultNamespace, StateSerializer<V> elementSerializer) {
        super(backend, columnFamily, meta, namespaceSerializer, defaultNamespace);
        this.elementSerializer = elementSerializer;
    }

    @Override
    public List<V> get() {
        byte[] stored = backend.get(columnFamily, currentPrefix());
        if (stored == null) {
            return List.of();
        }
        List<V> values = new ArrayList<>();
        for (byte[] element : RocksKeys.listElements(stored)) {
            values.add(SerializedBytes.fromBytes(elementSerializer, element));
        }
        return values;
    }

    @Override
    public void add(V value) {
        Objects.requireNonNull(value, "list state elements must not be null");
        backend.merge(columnFamily, currentPrefix(),
                RocksKeys.listElement(backend.bytes().toBytes(elementSerializer, value)));
    }

    @Override
    public void addAll(List<V> values) {
        for (V v : values) {
            add(v);
        }
    }

    @Override
    public void update(List<V> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (V v : values) {
            Objects.requireNonNull(v, "list state elements must not be null");
            out.writeBytes(RocksKeys.listElement(backend.bytes().toBytes(elementSerializer, v)));
        }
        backend.put(columnFamily, currentPrefix(), out.toByteArray());
    }

    @Override
    public void clear() {
        backend.delete(columnFamily, currentPrefix());
    }
}
