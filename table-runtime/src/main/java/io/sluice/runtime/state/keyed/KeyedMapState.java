package io.sluice.runtime.state.keyed;

import java.util.Map;

/** A map per key and namespace. Iteration order is the backend's (hash order on heap, byte order in RocksDB). */
public interface KeyedMapState<N, UK, UV> extends KeyedState<N> {

    UV get(UK userKey);

    void put(UK userKey, UV value);

    void putAll(Map<UK, UV> entries);

    void remove(UK userKey);

    boolean contains(UK userKey);

    /** A snapshot of the current key's entries; changing the state while iterating is allowed. */
    Iterable<Map.Entry<UK, UV>> entries();

    Iterable<UK> keys();

    Iterable<UV> values();

    boolean isEmpty();
}
