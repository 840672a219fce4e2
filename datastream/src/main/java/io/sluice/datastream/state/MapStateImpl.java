package io.sluice.datastream.state;

import io.sluice.api.common.state.MapState;
import io.sluice.runtime.state.keyed.KeyedMapState;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A {@link MapState} on a backend map state; with time-to-live each entry expires on its own. */
final class MapStateImpl<N, K, V> implements MapState<K, V>, Scoped<N> {
    private final KeyedMapState<N, Object, Object> state;
    private final Ttl ttl;

    MapStateImpl(KeyedMapState<N, Object, Object> state, Ttl ttl) {
        this.state = state;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        state.setCurrentNamespace(namespace);
    }

    @SuppressWarnings("unchecked")
    private V unwrap(Object key, Object stored) {
        if (ttl == null || stored == null) {
            return (V) stored;
        }
        TtlValue<V> t = (TtlValue<V>) stored;
        if (ttl.expired(t)) {
            state.remove(key);
            return ttl.returnExpired() ? t.value() : null;
        }
        if (ttl.refreshOnRead()) {
            state.put(key, new TtlValue<>(t.value(), ttl.now()));
        }
        return t.value();
    }

    @Override
    public V get(K key) {
        return unwrap(key, state.get(key));
    }

    @Override
    public void put(K key, V value) {
        state.put(key, ttl == null ? value : new TtlValue<>(value, ttl.now()));
    }

    @Override
    public void putAll(Map<K, V> map) {
        for (Map.Entry<K, V> e : map.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void remove(K key) {
        state.remove(key);
    }

    @Override
    public boolean contains(K key) {
        return get(key) != null || (ttl == null && state.contains(key));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<Map.Entry<K, V>> entries() {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        for (Map.Entry<Object, Object> e : state.entries()) {
            V v = unwrap(e.getKey(), e.getValue());
            if (v != null || (ttl == null && e.getValue() == null)) {
                out.add(new AbstractMap.SimpleEntry<>((K) e.getKey(), v));
            }
        }
        return out;
    }

    @Override
    public Iterable<K> keys() {
        List<K> out = new ArrayList<>();
        for (Map.Entry<K, V> e : entries()) {
            out.add(e.getKey());
        }
        return out;
    }

    @Override
    public Iterable<V> values() {
        List<V> out = new ArrayList<>();
        for (Map.Entry<K, V> e : entries()) {
            out.add(e.getValue());
        }
        return out;
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return entries().iterator();
    }

    @Override
    public boolean isEmpty() {
        return !entries().iterator().hasNext();
    }

    @Override
    public void clear() {
        state.clear();
    }
}
