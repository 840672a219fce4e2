package io.sluice.runtime.state.keyed;

import java.util.Arrays;

/**
 * The stored form of a map state's value, shared by both backends and the snapshot format: a flag byte (0 for
 * null, 1 otherwise) followed by the serialized value, so that maps may hold null values as Flink's do.
 */
public final class MapValues {
    private MapValues() {
    }

    public static <V> byte[] encode(StateSerializer<V> serializer, V value, SerializedBytes bytes) {
        if (value == null) {
            return new byte[] {0};
        }
        byte[] body = bytes.toBytes(serializer, value);
        byte[] out = new byte[body.length + 1];
        out[0] = 1;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    public static <V> V decode(StateSerializer<V> serializer, byte[] stored) {
        if (stored[0] == 0) {
            return null;
        }
        return SerializedBytes.fromBytes(serializer, Arrays.copyOfRange(stored, 1, stored.length));
    }
}
