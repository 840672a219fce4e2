package io.sluice.runtime.operator.keys;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** DECIMAL keys: the 128-bit unscaled value (both sides of a comparison have the same scale). */
final class DecimalKeyColumn extends KeyColumn {
    DecimalKeyColumn(FieldVector store) {
        super(store);
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        ArrowBuf validity = in.getValidityBuffer();
        ArrowBuf data = in.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int h;
            if (storedNull(validity, i)) {
                h = NULL_HASH;
            } else {
                long off = (long) i * 16;
                h = mix(data.getLong(off) * 31 + data.getLong(off + 8));
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
        ArrowBuf a = in.getDataBuffer();
        ArrowBuf b = store.getDataBuffer();
        long ao = (long) row * 16;
        long bo = (long) group * 16;
        return a.getLong(ao) == b.getLong(bo) && a.getLong(ao + 8) == b.getLong(bo + 8);
    }
}
