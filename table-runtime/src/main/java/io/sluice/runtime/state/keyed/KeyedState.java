package io.sluice.runtime.state.keyed;

/**
 * State of the backend's current key (see {@link KeyedStateBackend#setCurrentKey}) in the current namespace.
 * Used from the operator's task thread only.
 *
 * @param <N> the namespace type ({@link VoidNamespace} for state not scoped by a window)
 */
public interface KeyedState<N> {

    /** Scopes further reads and writes to {@code namespace} (initially the default namespace given at creation). */
    void setCurrentNamespace(N namespace);

    /** Removes the state of the current key and namespace. */
    void clear();
}
