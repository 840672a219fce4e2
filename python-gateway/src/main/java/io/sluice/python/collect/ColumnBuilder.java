package io.sluice.python.collect;

import io.sluice.python.ColumnKind;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Appends the values of one column, batch after batch, in the wire layout of {@link ColumnKind} (validity bytes,
 * then little-endian values, or int32 offsets plus bytes), reading the engine's Arrow vectors with their typed
 * getters.
 */
final class ColumnBuilder {
    private final ColumnKind kind;
    private final LogicalType type;
    private final Bytes valid = new Bytes();
    private final Bytes values = new Bytes();
    private final Bytes data = new Bytes();
    private int rows;

    ColumnBuilder(LogicalType type) {
        this.kind = ColumnKind.of(type);
        this.type = type;
        if (kind.variableWidth()) {
            values.putInt(0);
        }
    }

    void append(FieldVector v, int count) {
        for (int i = 0; i < count; i++) {
            boolean isNull = v.isNull(i);
            valid.put(isNull ? (byte) 0 : (byte) 1);
            if (kind.variableWidth()) {
                if (!isNull) {
                    appendVariable(v, i);
                }
                values.putInt(data.size());
            } else {
                appendFixed(v, i, isNull);
            }
        }
        rows += count;
    }

    private void appendVariable(FieldVector v, int i) {
        if (kind == ColumnKind.NESTED) {
            data.put(io.sluice.python.NestedCodec.encode(io.sluice.runtime.data.VectorValues.get(type, v, i), type));
        } else if (v instanceof BaseVariableWidthVector) {
            BaseVariableWidthVector w = (BaseVariableWidthVector) v;
            int start = w.getStartOffset(i);
            int len = w.getValueLength(i);
            byte[] dst = data.reserve(len);
            w.getDataBuffer().getBytes(start, dst, data.size(), len);
            data.advance(len);
        } else if (v instanceof DecimalVector) {
            BigDecimal d = ((DecimalVector) v).getObject(i);
            data.put(d.toPlainString().getBytes(StandardCharsets.US_ASCII));
        } else {
            data.put(String.valueOf(v.getObject(i)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void appendFixed(FieldVector v, int i, boolean isNull) {
        switch (kind) {
            case BOOL:
                values.put(isNull ? 0 : (byte) ((BitVector) v).get(i));
                break;
            case I8:
                values.put(isNull ? 0 : ((TinyIntVector) v).get(i));
                break;
            case I16:
                values.putShort(isNull ? 0 : ((SmallIntVector) v).get(i));
                break;
            case I32:
                values.putInt(isNull ? 0 : ((IntVector) v).get(i));
                break;
            case I64:
                values.putLong(isNull ? 0 : ((BigIntVector) v).get(i));
                break;
            case F32:
                values.putFloat(isNull ? Float.NaN : ((Float4Vector) v).get(i));
                break;
            case F64:
                values.putDouble(isNull ? Double.NaN : ((Float8Vector) v).get(i));
                break;
            case DATE:
                values.putInt(isNull ? 0 : ((DateDayVector) v).get(i));
                break;
            case TIME:
                values.putLong(isNull ? 0 : ((TimeMilliVector) v).get(i) * 1_000_000L);
                break;
            case TS:
            case LTZ:
                values.putLong(isNull ? 0 : micros((TimeStampVector) v, i));
                break;
            default:
                throw new IllegalStateException("not a fixed-width kind: " + kind);
        }
    }

    private static long micros(TimeStampVector v, int i) {
        long raw = v.get(i);
        if (v instanceof TimeStampMilliVector || v instanceof TimeStampMilliTZVector) {
            return raw * 1000L;
        }
        if (v instanceof TimeStampNanoVector || v instanceof TimeStampNanoTZVector) {
            return Math.floorDiv(raw, 1000L);
        }
        return raw;
    }

    int rows() {
        return rows;
    }

    ColumnKind kind() {
        return kind;
    }

    List<byte[]> buffers() {
        List<byte[]> out = new ArrayList<>();
        out.add(valid.toArray());
        out.add(values.toArray());
        if (kind.variableWidth()) {
            out.add(data.toArray());
        }
        return out;
    }
}
