package io.sluice.runtime.state;

import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.state.keyed.StateSerializers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The key of a SQL operator's state in a keyed-state backend: the operator's key values (a join key, a group key)
 * encoded as bytes, and the hash the exchange feeding the operator routes the row by, so that a restore at another
 * parallelism keeps exactly the keys routed to each instance ({@link KeyOwnership}). The serialized form starts with
 * the hash as a big-endian int ({@link #hashOf}).
 */
public final class RoutedKey {
    /** The exchange hash of the key. */
    public final int hash;
    /** The key's values, encoded. */
    public final byte[] bytes;

    public RoutedKey(int hash, byte[] bytes) {
        this.hash = hash;
        this.bytes = bytes;
    }

    /**
     * A serializer of these keys whose {@link StateSerializer#identity()} is {@code identity} (each operator kind
     * keeps its own identity, which checkpoints record).
     */
    public static StateSerializer<RoutedKey> serializer(String identity) {
        return new StateSerializer<>() {
            @Override
            public void serialize(RoutedKey value, DataOutput out) throws IOException {
                out.writeInt(value.hash);
                StateSerializers.writeBytes(value.bytes, out);
            }

            @Override
            public RoutedKey deserialize(DataInput in) throws IOException {
                int hash = in.readInt();
                return new RoutedKey(hash, StateSerializers.readBytes(in));
            }

            @Override
            public String identity() {
                return identity;
            }
        };
    }

    /** The exchange hash of a key in its serialized form. */
    public static int hashOf(byte[] serialized) {
        return ((serialized[0] & 0xff) << 24) | ((serialized[1] & 0xff) << 16) | ((serialized[2] & 0xff) << 8)
                | (serialized[3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutedKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
