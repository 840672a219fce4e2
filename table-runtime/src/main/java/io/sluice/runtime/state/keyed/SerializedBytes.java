package io.sluice.runtime.state.keyed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes single values to byte arrays and back, reusing one buffer. Not thread-safe: one per backend.
 */
public final class SerializedBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public <T> byte[] toBytes(StateSerializer<T> serializer, T value) {
        bytes.reset();
        try {
            serializer.serialize(value, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static <T> T fromBytes(StateSerializer<T> serializer, byte[] data) {
        try {
            return serializer.deserialize(new DataInputStream(new ByteArrayInputStream(data)));
        } catch (IOException e) {
            throw new UncheckedIOException("state could not be read with " + serializer.identity(), e);
        }
    }

    /** A list in the snapshot form: element count, then each element's bytes with a length prefix. */
    public <T> byte[] listToBytes(StateSerializer<T> element, List<T> values) {
        List<byte[]> parts = new ArrayList<>(values.size());
        for (T v : values) {
            parts.add(toBytes(element, v));
        }
        return joinList(parts);
    }

    /** Joins serialized elements into the snapshot form of a list. */
    public static byte[] joinList(List<byte[]> elements) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        try {
            StateSerializers.writeVarInt(elements.size(), d);
            for (byte[] e : elements) {
                StateSerializers.writeBytes(e, d);
            }
            d.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Splits the snapshot form of a list into its serialized elements. */
    public static List<byte[]> splitList(byte[] data) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        try {
            int n = StateSerializers.readVarInt(in);
            List<byte[]> elements = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                elements.add(StateSerializers.readBytes(in));
            }
            return elements;
        } catch (IOException e) {
            throw new UncheckedIOException("malformed list state", e);
        }
    }

    public static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    public static long bytesToLong(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
