package io.sluice.api.common.state;

import java.util.Iterator;
import java.util.Map;

/** A map that every parallel instance holds a copy of, written from the broadcast side. */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
