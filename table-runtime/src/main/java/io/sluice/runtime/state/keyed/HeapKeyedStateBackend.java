package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state as Java objects on the heap ({@code state.backend.type: hashmap}, the default): fastest while the
 * state fits in memory. Snapshots serialize everything synchronously, between two inputs.
 */
public final class HeapKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {
    private final Map<String, HeapState<K, ?, ?>> states = new LinkedHashMap<>();

    public HeapKeyedStateBackend(StateSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
        super(keySerializer, maxParallelism, keyGroupRange);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, V> KeyedValueState<N, V> getValueState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> valueSerializer) {
        StateMeta meta = StateMeta.value(name, namespaceSerializer, valueSerializer);
        return (KeyedValueState<N, V>) register(meta,
                () -> new HeapValueState<>(this, meta, namespaceSerializer, defaultNamespace, valueSerializer));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, V> KeyedListState<N, V> getListState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<V> elementSerializer) {
        StateMeta meta = StateMeta.list(name, namespaceSerializer, elementSerializer);
        return (KeyedListState<N, V>) register(meta,
                () -> new HeapListState<>(this, meta, namespaceSerializer, defaultNamespace, elementSerializer));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, UK, UV> KeyedMapState<N, UK, UV> getMapState(String name, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<UK> userKeySerializer, StateSerializer<UV> valueSerializer) {
        StateMeta meta = StateMeta.map(name, namespaceSerializer, userKeySerializer, valueSerializer);
        return (KeyedMapState<N, UK, UV>) register(meta, () -> new HeapMapState<>(this, meta, namespaceSerializer,
                defaultNamespace, userKeySerializer, valueSerializer));
    }

    private HeapState<K, ?, ?> register(StateMeta meta, java.util.function.Supplier<HeapState<K, ?, ?>> create) {
        HeapState<K, ?, ?> existing = states.get(meta.name());
        if (existing != null) {
            existing.meta.checkCompatible(meta);
            return existing;
        }
        HeapState<K, ?, ?> state = create.get();
        for (RestoredEntries.Entry e : restored.take(meta)) {
            state.load(e);
        }
        states.put(meta.name(), state);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> List<K> keys(String name, N namespace) {
        HeapState<K, N, ?> state = (HeapState<K, N, ?>) states.get(name);
        return state == null ? List.of() : state.keys(namespace);
    }

    @Override
    protected List<StateMeta> ownStates() {
        List<StateMeta> metas = new ArrayList<>(states.size());
        for (HeapState<K, ?, ?> s : states.values()) {
            metas.add(s.meta);
        }
        return metas;
    }

    @Override
    protected void writeOwnEntries(int keyGroup, KeyedSnapshotFormat.Writer writer) throws IOException {
        int index = 0;
        for (HeapState<K, ?, ?> s : states.values()) {
            s.writeEntries(keyGroup, writer, index++, bytes);
        }
    }

    @Override
    protected void restoreStateEntry(StateMeta meta, int keyGroup, byte[] key, byte[] namespace, byte[] subKey,
            byte[] value) {
        restored.add(meta, new RestoredEntries.Entry(keyGroup, key, namespace, subKey, value));
    }

    @Override
    protected void declareRestoredState(StateMeta meta) {
        restored.declare(meta);
    }

    @Override
    public long stateSizeBytes() {
        long entries = timerCount();
        for (HeapState<K, ?, ?> s : states.values()) {
            entries += s.entryCount();
        }
        return entries * 64; // rough: map node, key and value objects
    }

    @Override
    public void close() {
        states.clear();
    }
}
