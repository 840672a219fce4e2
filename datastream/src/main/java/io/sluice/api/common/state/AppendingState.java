package io.sluice.api.common.state;

/** State that values are added to, read back as {@code OUT}. */
public interface AppendingState<IN, OUT> extends State {
    /** The current key's result, or null when nothing was added. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
