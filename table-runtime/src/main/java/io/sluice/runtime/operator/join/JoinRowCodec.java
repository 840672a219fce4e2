package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Turns some columns of a row into bytes and back, for join state kept in a keyed-state backend: the bytes of a
 * stored row are its identity in the backend (equal rows give equal bytes) and are decoded into Arrow vectors to
 * be joined. Values are laid out as {@link StateWriter#writeValue} writes them, so every type a checkpoint can hold
 * works; rows whose columns are all of the common types (integers, floating point, BOOLEAN, strings and binary
 * strings, DATE, TIMESTAMP and TIMESTAMP_LTZ) are read from and written to the vectors' buffers directly, without a
 * Java object per value.
 */
final class JoinRowCodec {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final byte INTEGRAL = 0;
    private static final byte FLOAT = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte BYTES = 4;
    private static final byte DATE = 5;
    private static final byte TIMESTAMP = 6;

    private final RowType type;
    private final int[] columns;
    /** Per column, how it is read and written directly; null when some column needs the general path. */
    private final byte[] kinds;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final StateWriter writer = new StateWriter(bytes);
    private byte[] buffer = new byte[64];
    private int length;

    /** A codec of columns {@code columns} of rows of {@code type}. */
    JoinRowCodec(RowType type, int[] columns) {
        this.type = type;
        this.columns = columns.clone();
        byte[] k = new byte[columns.length];
        for (int i = 0; i < columns.length && k != null; i++) {
            byte kind = kindOf(type.type(columns[i]));
            if (kind < 0) {
                k = null;
            } else {
                k[i] = kind;
            }
        }
        this.kinds = k;
    }

    private static byte kindOf(LogicalType t) {
        switch (t.root()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return INTEGRAL;
            case FLOAT:
                return FLOAT;
            case DOUBLE:
                return DOUBLE;
            case BOOLEAN:
                return BOOLEAN;
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return BYTES;
            case DATE:
                return DATE;
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return TIMESTAMP;
            default:
                return -1;
        }
    }

    /** A codec of every column of {@code type}. */
    static JoinRowCodec allColumns(RowType type) {
        int[] columns = new int[type.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c;
        }
        return new JoinRowCodec(type, columns);
    }

    /** The bytes of row {@code row} of {@code vectors} (vectors of the whole row type). */
    byte[] encode(FieldVector[] vectors, int row) {
        if (kinds != null) {
            return encodeDirect(vectors, row);
        }
        bytes.reset();
        try {
            for (int c : columns) {
                writer.writeValue(type.type(c), VectorValues.get(type.type(c), vectors[c], row));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a join row of " + type, e);
        }
        return bytes.toByteArray();
    }

    /** {@link #encode} from the vectors' buffers: a presence byte, then the value as {@link StateWriter} lays it out. */
    private byte[] encodeDirect(FieldVector[] vectors, int row) {
        length = 0;
        for (int i = 0; i < columns.length; i++) {
            FieldVector v = vectors[columns[i]];
            if (v.isNull(row)) {
                ensure(1);
                buffer[length++] = 0;
                continue;
            }
            ensure(9);
            buffer[length++] = 1;
            switch (kinds[i]) {
                case INTEGRAL:
                    putLong(((BaseIntVector) v).getValueAsLong(row));
                    break;
                case FLOAT:
                    putLong(Double.doubleToLongBits(((Float4Vector) v).get(row)));
                    break;
                case DOUBLE:
                    putLong(Double.doubleToLongBits(((Float8Vector) v).get(row)));
                    break;
                case BOOLEAN:
                    buffer[length++] = (byte) ((BitVector) v).get(row);
                    break;
                case DATE:
                    putLong(((DateDayVector) v).get(row));
                    break;
                case TIMESTAMP:
                    putLong(((TimeStampVector) v).get(row));
                    break;
                default: {
                    BaseVariableWidthVector w = (BaseVariableWidthVector) v;
                    int start = w.getStartOffset(row);
                    int n = w.getEndOffset(row) - start;
                    ensure(4 + n);
                    INTS.set(buffer, length, n);
                    length += 4;
                    w.getDataBuffer().getBytes(start, buffer, length, n);
                    length += n;
                }
            }
        }
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + more, 2 * buffer.length));
        }
    }

    private void putLong(long value) {
        LONGS.set(buffer, length, value);
        length += 8;
    }

    /** Writes the row {@code data} holds into position {@code index} of {@code target} (one vector per column). */
    void decodeInto(byte[] data, FieldVector[] target, int index) {
        if (kinds != null) {
            decodeDirect(data, target, index);
            return;
        }
        StateReader reader = new StateReader(new ByteArrayInputStream(data));
        try {
            for (int c : columns) {
                VectorValues.set(type.type(c), target[c], index, reader.readValue(type.type(c)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored join row of " + type, e);
        }
    }

    private void decodeDirect(byte[] data, FieldVector[] target, int index) {
        int p = 0;
        for (int i = 0; i < columns.length; i++) {
            FieldVector v = target[columns[i]];
            if (data[p++] == 0) {
                v.setNull(index);
                continue;
            }
            switch (kinds[i]) {
                case INTEGRAL: {
                    BaseFixedWidthVector f = (BaseFixedWidthVector) v;
                    while (index >= f.getValueCapacity()) {
                        f.reAlloc();
                    }
                    ((BaseIntVector) v).setWithPossibleTruncate(index, (long) LONGS.get(data, p));
                    p += 8;
                    break;
                }
                case FLOAT:
                    ((Float4Vector) v).setSafe(index, (float) Double.longBitsToDouble((long) LONGS.get(data, p)));
                    p += 8;
                    break;
                case DOUBLE:
                    ((Float8Vector) v).setSafe(index, Double.longBitsToDouble((long) LONGS.get(data, p)));
                    p += 8;
                    break;
                case BOOLEAN:
                    ((BitVector) v).setSafe(index, data[p++] != 0 ? 1 : 0);
                    break;
                case DATE:
                    ((DateDayVector) v).setSafe(index, (int) (long) LONGS.get(data, p));
                    p += 8;
                    break;
                case TIMESTAMP:
                    ((TimeStampVector) v).setSafe(index, (long) LONGS.get(data, p));
                    p += 8;
                    break;
                default: {
                    int n = (int) INTS.get(data, p);
                    p += 4;
                    ((BaseVariableWidthVector) v).setSafe(index, data, p, n);
                    p += n;
                }
            }
        }
    }
}
