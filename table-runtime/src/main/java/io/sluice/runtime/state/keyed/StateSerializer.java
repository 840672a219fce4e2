package io.sluice.runtime.state.keyed;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns values of type {@code T} into bytes and back, for snapshots and for backends that keep state as bytes
 * (RocksDB). Two values that are {@code equals} must serialize to the same bytes when used as keys.
 *
 * @param <T> the type of the values
 */
public interface StateSerializer<T> {

    void serialize(T value, DataOutput out) throws IOException;

    T deserialize(DataInput in) throws IOException;

    /**
     * Names the serialized form (e.g. {@code long}, {@code list<string>}); a snapshot records it per state and a
     * restore that registers the state with a serializer of another identity fails instead of reading garbage.
     */
    String identity();
}
