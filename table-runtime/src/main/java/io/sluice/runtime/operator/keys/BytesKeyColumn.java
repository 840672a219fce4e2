package io.sluice.runtime.operator.keys;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.memory.util.hash.MurmurHasher;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * CHAR/VARCHAR (UTF-8) and BINARY/VARBINARY keys: hashed and compared as raw bytes straight from the
 * vectors' buffers, never decoded.
 */
final class BytesKeyColumn extends KeyColumn {
    private static final int SEED = 0x3c074a61;

    BytesKeyColumn(FieldVector store) {
        super(store);
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        ArrowBuf validity = in.getValidityBuffer();
        ArrowBuf offsets = in.getOffsetBuffer();
        ArrowBuf data = in.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int h;
            if (storedNull(validity, i)) {
                h = NULL_HASH;
            } else {
                int start = offsets.getInt((long) i * BaseVariableWidthVector.OFFSET_WIDTH);
                int end = offsets.getInt((long) (i + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
                h = MurmurHasher.hashCode(data, start, end - start, SEED);
            }
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
        ArrowBuf inOffsets = in.getOffsetBuffer();
        ArrowBuf stOffsets = store.getOffsetBuffer();
        int w = BaseVariableWidthVector.OFFSET_WIDTH;
        long aStart = inOffsets.getInt((long) row * w);
        long aEnd = inOffsets.getInt((long) (row + 1) * w);
        long bStart = stOffsets.getInt((long) group * w);
        long bEnd = stOffsets.getInt((long) (group + 1) * w);
        if (aEnd - aStart != bEnd - bStart) {
            return false;
        }
        return ByteFunctionHelpers.equal(in.getDataBuffer(), aStart, aEnd, store.getDataBuffer(), bStart, bEnd) == 1;
    }
}
