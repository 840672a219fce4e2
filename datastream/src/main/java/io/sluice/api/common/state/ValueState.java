package io.sluice.api.common.state;

import java.io.IOException;

/** One value per key. */
public interface ValueState<T> extends State {
    /** The value of the current key, or null (or the descriptor's default) when none was set. */
    T value() throws IOException;

    /** Sets the value of the current key; null clears it. */
    void update(T value) throws IOException;
}
