package io.sluice.connector.filesystem.partition;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Fills a range of rows of a vector with one value: a partition column or a metadata column, which are
 * constant for every row read from one file. The value is converted once; the fill is a typed loop over the
 * vector's buffers.
 */
public final class ConstantColumn {
    private final LogicalType type;
    private final Object value;
    private final byte[] bytes;

    /** A column of {@code type} holding the external value {@code value} (null: NULL). */
    public ConstantColumn(LogicalType type, Object value) {
        this.type = type;
        this.value = value;
        this.bytes = value instanceof String ? ((String) value).getBytes(StandardCharsets.UTF_8)
                : value instanceof byte[] ? (byte[]) value : null;
    }

    public Object value() {
        return value;
    }

    /** Writes the value into rows {@code from} (inclusive) to {@code to} (exclusive) of {@code vector}. */
    public void fill(FieldVector vector, int from, int to) {
        if (from >= to) {
            return;
        }
        if (value == null) {
            for (int i = from; i < to; i++) {
                VectorValues.setNull(vector, i);
            }
            return;
        }
        if (vector instanceof BaseVariableWidthVector) {
            BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
            for (int i = from; i < to; i++) {
                v.setSafe(i, bytes, 0, bytes.length);
            }
            return;
        }
        VectorValues.set(type, vector, to - 1, value); // grows the vector to hold every row of the range
        BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
        ArrowBuf validity = v.getValidityBuffer();
        if (vector instanceof BitVector) {
            boolean bit = (Boolean) value;
            ArrowBuf data = v.getDataBuffer();
            for (int i = from; i < to; i++) {
                BitVectorHelper.setValidityBit(data, i, bit ? 1 : 0);
                BitVectorHelper.setBit(validity, i);
            }
            return;
        }
        int width = v.getTypeWidth();
        ArrowBuf data = v.getDataBuffer();
        long source = (long) (to - 1) * width;
        for (int i = from; i < to - 1; i++) {
            data.setBytes((long) i * width, data, source, width);
            BitVectorHelper.setBit(validity, i);
        }
    }
}
