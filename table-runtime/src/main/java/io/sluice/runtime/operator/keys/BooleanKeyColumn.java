package io.sluice.runtime.operator.keys;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** BOOLEAN keys (bit-packed). */
final class BooleanKeyColumn extends KeyColumn {
    private static final int TRUE_HASH = 0x6b43a9b5;
    private static final int FALSE_HASH = 0x1d8e4e27;

    BooleanKeyColumn(FieldVector store) {
        super(store);
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        ArrowBuf validity = in.getValidityBuffer();
        ArrowBuf data = in.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int h = storedNull(validity, i) ? NULL_HASH
                    : BitVectorHelper.get(data, i) != 0 ? TRUE_HASH : FALSE_HASH;
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
        return BitVectorHelper.get(in.getDataBuffer(), row) == BitVectorHelper.get(store.getDataBuffer(), group);
    }
}
