package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Map state on the heap: a {@link HashMap} per key. Values may be null. */
final class HeapMapState<K, N, UK, UV> extends HeapState<K, N, HashMap<UK, UV>> implements KeyedMapState<N, UK, UV> {
    private final StateSerializer<UK> userKeySerializer;
    private final StateSerializer<UV> valueSerializer;

    HeapMapState(HeapKeyedStateBackend<K> backend, StateMeta meta, StateSerializer<N> namespaceSerializer,
            N defaultNamespace, StateSerializer<UK> userKeySerializer, StateSerializer<UV> valueSerializer) {
        super(backend, meta, namespaceSerializer, defaultNamespace);
        this.userKeySerializer = userKeySerializer;
        this.valueSerializer = valueSerializer;
    }

    @Override
    public UV get(UK userKey) {
        HashMap<UK, UV> map = stored();
        return map == null ? null : map.get(userKey);
    }

    @Override
    public void put(UK userKey, UV value) {
        HashMap<UK, UV> map = stored();
        if (map == null) {
            map = new HashMap<>();
            store(map);
        }
        map.put(userKey, value);
    }

    @Override
    public void putAll(Map<UK, UV> entries) {
        entries.forEach(this::put);
    }

    @Override
    public void remove(UK userKey) {
        HashMap<UK, UV> map = stored();
        if (map != null) {
            map.remove(userKey);
            if (map.isEmpty()) {
                store(null);
            }
        }
    }

    @Override
    public boolean contains(UK userKey) {
        HashMap<UK, UV> map = stored();
        return map != null && map.containsKey(userKey);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        HashMap<UK, UV> map = stored();
        if (map == null) {
            return List.of();
        }
        List<Map.Entry<UK, UV>> copy = new ArrayList<>(map.size());
        for (Map.Entry<UK, UV> e : map.entrySet()) {
            copy.add(new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
        return copy;
    }

    @Override
    public Iterable<UK> keys() {
        HashMap<UK, UV> map = stored();
        return map == null ? List.of() : new ArrayList<>(map.keySet());
    }

    @Override
    public Iterable<UV> values() {
        HashMap<UK, UV> map = stored();
        return map == null ? List.of() : new ArrayList<>(map.values());
    }

    @Override
    public boolean isEmpty() {
        HashMap<UK, UV> map = stored();
        return map == null || map.isEmpty();
    }

    @Override
    void writeStored(byte[] key, byte[] namespace, HashMap<UK, UV> stored, KeyedSnapshotFormat.Writer writer,
            int stateIndex, SerializedBytes bytes) throws IOException {
        for (Map.Entry<UK, UV> e : stored.entrySet()) {
            writer.entry(stateIndex, key, namespace, bytes.toBytes(userKeySerializer, e.getKey()),
                    MapValues.encode(valueSerializer, e.getValue(), bytes));
        }
    }

    @Override
    void load(int groupIndex, K key, N namespace, byte[] subKey, byte[] value) {
        HashMap<UK, UV> map = storedAt(groupIndex, namespace, key);
        if (map == null) {
            map = new HashMap<>();
            storeAt(groupIndex, namespace, key, map);
        }
        map.put(SerializedBytes.fromBytes(userKeySerializer, subKey), MapValues.decode(valueSerializer, value));
    }
}
