package io.sluice.api.common.state;

import java.util.Map;

/** Broadcast state as the non-broadcast side sees it: read only. */
public interface ReadOnlyBroadcastState<K, V> extends State {
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
