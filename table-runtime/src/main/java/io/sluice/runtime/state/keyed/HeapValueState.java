package io.sluice.runtime.state.keyed;

import java.io.IOException;

/** Value state on the heap: the value object itself is stored. */
final class HeapValueState<K, N, V> extends HeapState<K, N, V> implements KeyedValueState<N, V> {
    private final StateSerializer<V> valueSerializer;

    HeapValueState(HeapKeyedStateBackend<K> backend, StateMeta meta, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> valueSerializer) {
        super(backend, meta, namespaceSerializer, defaultNamespace);
        this.valueSerializer = valueSerializer;
    }

    @Override
    public V value() {
        return stored();
    }

    @Override
    public void update(V value) {
        store(value);
    }

    @Override
    void writeStored(byte[] key, byte[] namespace, V stored, KeyedSnapshotFormat.Writer writer, int stateIndex,
            SerializedBytes bytes) throws IOException {
        writer.entry(stateIndex, key, namespace, HeapKeyedStateBackend.EMPTY, bytes.toBytes(valueSerializer, stored));
    }

    @Override
    void load(int groupIndex, K key, N namespace, byte[] subKey, byte[] value) {
        storeAt(groupIndex, namespace, key, SerializedBytes.fromBytes(valueSerializer, value));
    }
}
