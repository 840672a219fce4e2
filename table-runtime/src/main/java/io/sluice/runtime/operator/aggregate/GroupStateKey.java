package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.state.keyed.StateSerializers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The key of a streaming group aggregate's state in a keyed-state backend: the group key's values as bytes, and the
 * hash the exchange feeding the aggregate routes the group by (so that a restore at another parallelism keeps
 * exactly the groups routed to the instance). The serialized form starts with the hash as a big-endian int
 * ({@link #hashOf}).
 */
final class GroupStateKey {
    static final StateSerializer<GroupStateKey> SERIALIZER = new StateSerializer<>() {
        @Override
        public void serialize(GroupStateKey value, DataOutput out) throws IOException {
            out.writeInt(value.hash);
            StateSerializers.writeBytes(value.bytes, out);
        }

        @Override
        public GroupStateKey deserialize(DataInput in) throws IOException {
            int hash = in.readInt();
            return new GroupStateKey(hash, StateSerializers.readBytes(in));
        }

        @Override
        public String identity() {
            return "sql-group-key";
        }
    };

    final int hash;
    final byte[] bytes;

    GroupStateKey(int hash, byte[] bytes) {
        this.hash = hash;
        this.bytes = bytes;
    }

    /** The exchange hash of a key in its serialized form. */
    static int hashOf(byte[] serialized) {
        return ((serialized[0] & 0xff) << 24) | ((serialized[1] & 0xff) << 16) | ((serialized[2] & 0xff) << 8)
                | (serialized[3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupStateKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
