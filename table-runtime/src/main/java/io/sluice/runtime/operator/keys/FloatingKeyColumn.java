package io.sluice.runtime.operator.keys;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * FLOAT and DOUBLE keys. Values are compared by their bits after normalization, so {@code -0.0}
 * groups with {@code 0.0} and every NaN groups with every other NaN.
 */
final class FloatingKeyColumn extends KeyColumn {
    private final boolean isFloat;

    FloatingKeyColumn(FieldVector store) {
        super(store);
        this.isFloat = ((BaseFixedWidthVector) store).getTypeWidth() == 4;
    }

    static long normalizedBits(ArrowBuf data, boolean isFloat, int row) {
        double v = isFloat ? data.getFloat((long) row * 4) : data.getDouble((long) row * 8);
        if (v == 0.0d) {
            return 0L;
        }
        return Double.doubleToLongBits(v); // canonical NaN
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        ArrowBuf validity = in.getValidityBuffer();
        ArrowBuf data = in.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int h = storedNull(validity, i) ? NULL_HASH : mix(normalizedBits(data, isFloat, i));
            hashes[i] = hashes[i] * 31 + h;
        }
    }

    @Override
    boolean equalsStored(FieldVector in, int row, int group) {
        boolean inNull = isNull(in, row);
        boolean stNull = storedNull(store.getValidityBuffer(), group);
        if (inNull || stNull) {
            return inNull == stNull;
        }
        return normalizedBits(in.getDataBuffer(), isFloat, row) == normalizedBits(store.getDataBuffer(), isFloat, group);
    }
}
