package io.sluice.runtime.operator.keys;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Keys held as two's complement integers of 1, 2, 4 or 8 bytes: TINYINT .. BIGINT, DATE, TIME,
 * TIMESTAMP, TIMESTAMP_LTZ and the interval types.
 */
final class IntegralKeyColumn extends KeyColumn {
    private final int width;

    IntegralKeyColumn(FieldVector store) {
        super(store);
        this.width = ((BaseFixedWidthVector) store).getTypeWidth();
    }

    static long read(ArrowBuf data, int width, int row) {
        switch (width) {
            case 1:
                return data.getByte(row);
            case 2:
                return data.getShort((long) row * 2);
            case 4:
                return data.getInt((long) row * 4);
            default:
                return data.getLong((long) row * 8);
        }
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        ArrowBuf validity = in.getValidityBuffer();
        ArrowBuf data = in.getDataBuffer();
        int w = width;
        for (int i = 0; i < rows; i++) {
            int h = storedNull(validity, i) ? NULL_HASH : mix(read(data, w, i));
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
        return read(in.getDataBuffer(), width, row) == read(store.getDataBuffer(), width, group);
    }
}
