package io.sluice.state.rocksdb;

import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.MapValues;
import io.sluice.runtime.state.keyed.SerializedBytes;
import io.sluice.runtime.state.keyed.StateMeta;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;

/** Map state: one RocksDB entry per user key, under the current key's prefix. */
final class RocksMapState<K, N, UK, UV> extends RocksState<K, N> implements KeyedMapState<N, UK, UV> {
    private final StateSerializer<UK> userKeySerializer;
    private final StateSerializer<UV> valueSerializer;

    RocksMapState(RocksDBKeyedStateBackend<K> backend, ColumnFamilyHandle columnFamily, StateMeta meta,
            StateSerializer<N> namespaceSerializer, N defaultNamespace, StateSerializer<UK> userKeySerializer,
            StateSerializer<UV> valueSerializer) {
        super(backend, columnFamily, meta, namespaceSerializer, defaultNamespace);
        this.userKeySerializer = userKeySerializer;
        this.valueSerializer = valueSerializer;
    }

    private byte[] entryKey(UK userKey) {
        return RocksKeys.concat(currentPrefix(), backend.bytes().toBytes(userKeySerializer, userKey));
    }

    @Override
    public UV get(UK userKey) {
        byte[] stored = backend.get(columnFamily, entryKey(userKey));
        return stored == null ? null : MapValues.decode(valueSerializer, stored);
    }

    @Override
    public void put(UK userKey, UV value) {
        backend.put(columnFamily, entryKey(userKey), MapValues.encode(valueSerializer, value, backend.bytes()));
    }

    @Override
    public void putAll(Map<UK, UV> entries) {
        entries.forEach(this::put);
    }

    @Override
    public void remove(UK userKey) {
        backend.delete(columnFamily, entryKey(userKey));
    }

    @Override
    public boolean contains(UK userKey) {
        return backend.get(columnFamily, entryKey(userKey)) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        List<Map.Entry<UK, UV>> entries = new ArrayList<>();
        byte[] prefix = currentPrefix();
        backend.scan(columnFamily, prefix, (key, value) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(
                SerializedBytes.fromBytes(userKeySerializer, java.util.Arrays.copyOfRange(key, prefix.length, key.length)),
                MapValues.decode(valueSerializer, value))));
        return entries;
    }

    @Override
    public Iterable<UK> keys() {
        List<UK> keys = new ArrayList<>();
        for (Map.Entry<UK, UV> e : entries()) {
            keys.add(e.getKey());
        }
        return keys;
    }

    @Override
    public Iterable<UV> values() {
        List<UV> values = new ArrayList<>();
        for (Map.Entry<UK, UV> e : entries()) {
            values.add(e.getValue());
        }
        return values;
    }

    @Override
    public boolean isEmpty() {
        boolean[] any = {false};
        backend.scan(columnFamily, currentPrefix(), (key, value) -> {
            any[0] = true;
            return false;
        });
        return !any[0];
    }

    @Override
    public void clear() {
        backend.deletePrefix(columnFamily, currentPrefix());
    }
}
