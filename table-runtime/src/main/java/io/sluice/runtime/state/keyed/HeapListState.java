package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** List state on the heap: an {@link ArrayList} per key. */
final class HeapListState<K, N, V> extends HeapState<K, N, ArrayList<V>> implements KeyedListState<N, V> {
    private final StateSerializer<V> elementSerializer;

    HeapListState(HeapKeyedStateBackend<K> backend, StateMeta meta, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> elementSerializer) {
        super(backend, meta, namespaceSerializer, defaultNamespace);
        this.elementSerializer = elementSerializer;
    }

    @Override
    public List<V> get() {
        ArrayList<V> list = stored();
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    public void add(V value) {
        Objects.requireNonNull(value, "list state elements must not be null");
        ArrayList<V> list = stored();
        if (list == null) {
            list = new ArrayList<>();
            store(list);
        }
        list.add(value);
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
            store(null);
            return;
        }
        values.forEach(v -> Objects.requireNonNull(v, "list state elements must not be null"));
        store(new ArrayList<>(values));
    }

    @Override
    void writeStored(byte[] key, byte[] namespace, ArrayList<V> stored, KeyedSnapshotFormat.Writer writer,
            int stateIndex, SerializedBytes bytes) throws IOException {
        writer.entry(stateIndex, key, namespace, HeapKeyedStateBackend.EMPTY,
                bytes.listToBytes(elementSerializer, stored));
    }

    @Override
    void load(int groupIndex, K key, N namespace, byte[] subKey, byte[] value) {
        ArrayList<V> list = new ArrayList<>();
        for (byte[] element : SerializedBytes.splitList(value)) {
            list.add(SerializedBytes.fromBytes(elementSerializer, element));
        }
        storeAt(groupIndex, namespace, key, list);
    }
}
