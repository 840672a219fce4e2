package io.sluice.api.common.state;

import java.util.List;

/** A list of values per key. {@link #get()} returns an empty iterable when the list is empty. */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the list of the current key. */
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
