package io.sluice.api.common.typeutils;

import io.sluice.runtime.state.keyed.StateSerializer;

/**
 * Turns values of one type into bytes and back: records travelling between tasks and values in keyed state.
 * Equal values serialize to equal bytes. Unlike Flink's, it writes to {@link java.io.DataOutput}.
 */
public abstract class TypeSerializer<T> implements StateSerializer<T>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
}
