package io.sluice.runtime.state.keyed;

import java.util.List;

/** A list of values per key and namespace, in insertion order. */
public interface KeyedListState<N, V> extends KeyedState<N> {

    /** The values of the current key (empty when none); the caller must not modify the list. */
    List<V> get();

    /** Appends {@code value} (not null). */
    void add(V value);

    /** Appends every value of {@code values}. */
    void addAll(List<V> values);

    /** Replaces the list of the current key; an empty list clears it. */
    void update(List<V> values);
}
