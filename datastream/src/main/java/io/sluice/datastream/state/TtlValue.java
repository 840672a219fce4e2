package io.sluice.datastream.state;

import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A state value with the processing time it was last written (or read), for state time-to-live. */
record TtlValue<T>(T value, long lastAccess) {

    /** Serializes a {@code TtlValue} as the time followed by the value. */
    static <T> StateSerializer<TtlValue<T>> serializer(StateSerializer<T> value) {
        return new StateSerializer<>() {
            @Override
            public void serialize(TtlValue<T> v, DataOutput out) throws IOException {
                out.writeLong(v.lastAccess);
                value.serialize(v.value, out);
            }

            @Override
            public TtlValue<T> deserialize(DataInput in) throws IOException {
                long t = in.readLong();
                return new TtlValue<>(value.deserialize(in), t);
            }

            @Override
            public String identity() {
                return "ttl<" + value.identity() + ">";
            }
        };
    }
}
