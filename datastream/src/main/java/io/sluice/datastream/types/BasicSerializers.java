package io.sluice.datastream.types;

import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.runtime.state.keyed.StateSerializers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Serializers of the basic types: a null flag, then the value in its natural binary form. */
public final class BasicSerializers {
    private BasicSerializers() {
    }

    /** The serializer of basic type {@code c}. */
    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> forClass(Class<T> c) {
        if (c == String.class) {
            return (TypeSerializer<T>) STRING;
        } else if (c == Long.class) {
            return (TypeSerializer<T>) LONG;
        } else if (c == Integer.class) {
            return (TypeSerializer<T>) INT;
        } else if (c == Double.class) {
            return (TypeSerializer<T>) DOUBLE;
        } else if (c == Boolean.class) {
            return (TypeSerializer<T>) BOOLEAN;
        }
        return (TypeSerializer<T>) DynamicSerializer.instance();
    }

    private abstract static class Nullable<T> extends TypeSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final String identity;

        Nullable(String identity) {
            this.identity = identity;
        }

        @Override
        public final void serialize(T value, DataOutput out) throws IOException {
            out.writeBoolean(value != null);
            if (value != null) {
                write(value, out);
            }
        }

        @Override
        public final T deserialize(DataInput in) throws IOException {
            return in.readBoolean() ? read(in) : null;
        }

        abstract void write(T value, DataOutput out) throws IOException;

        abstract T read(DataInput in) throws IOException;

        @Override
        public String identity() {
            return identity;
        }
    }

    public static final TypeSerializer<String> STRING = new Nullable<>("String") {
        private static final long serialVersionUID = 1L;

        @Override
        void write(String value, DataOutput out) throws IOException {
            StateSerializers.writeBytes(value.getBytes(StandardCharsets.UTF_8), out);
        }

        @Override
        String read(DataInput in) throws IOException {
            return io.sluice.datastream.runtime.RecordBytes.readString(in);
        }
    };

    public static final TypeSerializer<Long> LONG = new Nullable<>("Long") {
        private static final long serialVersionUID = 1L;

        @Override
        void write(Long value, DataOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        Long read(DataInput in) throws IOException {
            return in.readLong();
        }
    };

    public static final TypeSerializer<Integer> INT = new Nullable<>("Integer") {
        private static final long serialVersionUID = 1L;

        @Override
        void write(Integer value, DataOutput out) throws IOException {
            out.writeInt(value);
        }

        @Override
        Integer read(DataInput in) throws IOException {
            return in.readInt();
        }
    };

    public static final TypeSerializer<Double> DOUBLE = new Nullable<>("Double") {
        private static final long serialVersionUID = 1L;

        @Override
        void write(Double value, DataOutput out) throws IOException {
            out.writeDouble(value);
        }

        @Override
        Double read(DataInput in) throws IOException {
            return in.readDouble();
        }
    };

    public static final TypeSerializer<Boolean> BOOLEAN = new Nullable<>("Boolean") {
        private static final long serialVersionUID = 1L;

        @Override
        void write(Boolean value, DataOutput out) throws IOException {
            out.writeBoolean(value);
        }

        @Override
        Boolean read(DataInput in) throws IOException {
            return in.readBoolean();
        }
    };

    static void writeBigDecimal(BigDecimal v, DataOutput out) throws IOException {
        StateSerializers.writeBytes(v.unscaledValue().toByteArray(), out);
        out.writeInt(v.scale());
    }

    static BigDecimal readBigDecimal(DataInput in) throws IOException {
        BigInteger unscaled = new BigInteger(StateSerializers.readBytes(in));
        return new BigDecimal(unscaled, in.readInt());
    }
}
