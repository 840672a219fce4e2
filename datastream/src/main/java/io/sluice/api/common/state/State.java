package io.sluice.api.common.state;

/** Keyed state: every read and write applies to the key of the record (or timer) being processed. */
public interface State {
    /** Removes the value of the current key. */
    void clear();
}
