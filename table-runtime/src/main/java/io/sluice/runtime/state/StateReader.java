package io.sluice.runtime.state;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.TransferPair;

/** Reads what a {@link StateWriter} wrote, in the same order. */
public final class StateReader {
    private final DataInputStream in;

    public StateReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    public double readDouble() throws IOException {
        return in.readDouble();
    }

    public String readString() throws IOException {
        return in.readUTF();
    }

    public long[] readLongs() throws IOException {
        long[] v = new long[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readLong();
        }
        return v;
    }

    public double[] readDoubles() throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    public int[] readInts() throws IOException {
        int[] v = new int[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    public boolean[] readBooleans() throws IOException {
        boolean[] v = new boolean[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readBoolean();
        }
        return v;
    }

    public byte[] readBytes() throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    /** A value written by {@link StateWriter#writeValue} (BINARY values come back as {@code byte[]}). */
    public Object readValue(LogicalType type) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        switch (type.root()) {
            case BOOLEAN:
                return in.readBoolean();
            case TINYINT:
                return (byte) in.readLong();
            case SMALLINT:
                return (short) in.readLong();
            case INTEGER:
                return (int) in.readLong();
            case BIGINT:
                return in.readLong();
            case FLOAT:
                return (float) in.readDouble();
            case DOUBLE:
                return in.readDouble();
            case DECIMAL:
                return new java.math.BigDecimal(in.readUTF());
            case CHAR:
            case VARCHAR:
                return new String(readBytes(), java.nio.charset.StandardCharsets.UTF_8);
            case BINARY:
            case VARBINARY:
                return readBytes();
            case DATE:
                return java.time.LocalDate.ofEpochDay(in.readLong());
            case TIME:
                return java.time.LocalTime.ofNanoOfDay(in.readLong());
            case TIMESTAMP:
                return io.sluice.runtime.types.TimestampUnits.toLocalDateTime(in.readLong(), type.precision());
            case TIMESTAMP_LTZ:
                return io.sluice.runtime.types.TimestampUnits.toInstant(in.readLong(), type.precision());
            case INTERVAL_YEAR_MONTH:
                return java.time.Period.ofMonths((int) in.readLong()).normalized();
            case INTERVAL_DAY_TIME:
                return java.time.Duration.ofMillis(in.readLong());
            case ARRAY: {
                Object[] a = io.sluice.runtime.data.ConstructedValues.newArray(type.elementType(), in.readInt());
                for (int k = 0; k < a.length; k++) {
                    a[k] = readValue(type.elementType());
                }
                return a;
            }
            case MAP:
            case MULTISET: {
                int n = in.readInt();
                LogicalType valueType = type.root() == io.sluice.runtime.types.TypeRoot.MAP ? type.valueType()
                        : LogicalType.integer();
                java.util.Map<Object, Object> m = new java.util.LinkedHashMap<>();
                for (int k = 0; k < n; k++) {
                    Object key = readValue(type.keyType());
                    m.put(key, readValue(valueType));
                }
                return m;
            }
            case ROW: {
                io.sluice.types.Row r = new io.sluice.types.Row(type.children().size());
                for (int f = 0; f < type.children().size(); f++) {
                    r.setField(f, readValue(type.children().get(f)));
                }
                return r;
            }
            default:
                throw new IOException("cannot read a state value of type " + type);
        }
    }

    /** Columns written by {@link StateWriter#writeColumns} or a batch by {@link StateWriter#writeBatch}. */
    public RowBatch readBatch(RowType type, BufferAllocator allocator) throws IOException {
        byte[] bytes = readBytes();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (!reader.loadNextBatch()) {
                throw new IOException("state snapshot: an Arrow stream without a batch");
            }
            int rows = root.getRowCount();
            List<FieldVector> vectors = new ArrayList<>();
            try {
                for (FieldVector v : root.getFieldVectors()) {
                    TransferPair tp = v.getTransferPair(allocator);
                    tp.transfer();
                    vectors.add((FieldVector) tp.getTo());
                }
            } catch (RuntimeException e) {
                vectors.forEach(FieldVector::close);
                throw e;
            }
            return RowBatch.of(type, vectors, rows);
        }
    }
}
