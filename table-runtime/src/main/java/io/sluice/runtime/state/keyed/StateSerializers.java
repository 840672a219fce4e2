package io.sluice.runtime.state.keyed;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Serializers of common types. Strings are UTF-8 with a length prefix, so any length works. */
public final class StateSerializers {
    private StateSerializers() {
    }

    public static final StateSerializer<Long> LONG = new Simple<>("long") {
        @Override
        public void serialize(Long value, DataOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public Long deserialize(DataInput in) throws IOException {
            return in.readLong();
        }
    };

    public static final StateSerializer<Integer> INT = new Simple<>("int") {
        @Override
        public void serialize(Integer value, DataOutput out) throws IOException {
            out.writeInt(value);
        }

        @Override
        public Integer deserialize(DataInput in) throws IOException {
            return in.readInt();
        }
    };

    public static final StateSerializer<Double> DOUBLE = new Simple<>("double") {
        @Override
        public void serialize(Double value, DataOutput out) throws IOException {
            out.writeDouble(value);
        }

        @Override
        public Double deserialize(DataInput in) throws IOException {
            return in.readDouble();
        }
    };

    public static final StateSerializer<Boolean> BOOLEAN = new Simple<>("boolean") {
        @Override
        public void serialize(Boolean value, DataOutput out) throws IOException {
            out.writeBoolean(value);
        }

        @Override
        public Boolean deserialize(DataInput in) throws IOException {
            return in.readBoolean();
        }
    };

    public static final StateSerializer<String> STRING = new Simple<>("string") {
        @Override
        public void serialize(String value, DataOutput out) throws IOException {
            writeBytes(value.getBytes(StandardCharsets.UTF_8), out);
        }

        @Override
        public String deserialize(DataInput in) throws IOException {
            return new String(readBytes(in), StandardCharsets.UTF_8);
        }
    };

    public static final StateSerializer<byte[]> BYTES = new Simple<>("bytes") {
        @Override
        public void serialize(byte[] value, DataOutput out) throws IOException {
            writeBytes(value, out);
        }

        @Override
        public byte[] deserialize(DataInput in) throws IOException {
            return readBytes(in);
        }
    };

    /** The namespace of state that has none: one value, written as no bytes. */
    public static final StateSerializer<VoidNamespace> VOID_NAMESPACE = new Simple<>("void") {
        @Override
        public void serialize(VoidNamespace value, DataOutput out) {
        }

        @Override
        public VoidNamespace deserialize(DataInput in) {
            return VoidNamespace.INSTANCE;
        }
    };

    /** Lists of {@code element}, with a count prefix; null elements are not allowed. */
    public static <T> StateSerializer<List<T>> listOf(StateSerializer<T> element) {
        return new StateSerializer<>() {
            @Override
            public void serialize(List<T> value, DataOutput out) throws IOException {
                out.writeInt(value.size());
                for (T t : value) {
                    element.serialize(t, out);
                }
            }

            @Override
            public List<T> deserialize(DataInput in) throws IOException {
                int n = in.readInt();
                List<T> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(element.deserialize(in));
                }
                return list;
            }

            @Override
            public String identity() {
                return "list<" + element.identity() + ">";
            }
        };
    }

    /** Writes a length (a variable-length int) and the bytes. */
    public static void writeBytes(byte[] bytes, DataOutput out) throws IOException {
        writeVarInt(bytes.length, out);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[readVarInt(in)];
        in.readFully(bytes);
        return bytes;
    }

    /** A non-negative int in 1 to 5 bytes, 7 bits each, low bits first. */
    public static void writeVarInt(int value, DataOutput out) throws IOException {
        while ((value & ~0x7f) != 0) {
            out.writeByte((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    public static int readVarInt(DataInput in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed variable-length int in state");
    }

    private abstract static class Simple<T> implements StateSerializer<T> {
        private final String identity;

        Simple(String identity) {
            this.identity = identity;
        }

        @Override
        public String identity() {
            return identity;
        }
    }
}
