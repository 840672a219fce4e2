package io.sluice.runtime.state.keyed;

/** One value per key and namespace. */
public interface KeyedValueState<N, V> extends KeyedState<N> {

    /** The value of the current key, or null when none was written. */
    V value();

    /** Sets the value of the current key; {@code null} clears it. */
    void update(V value);
}
