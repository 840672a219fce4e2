package io.sluice.runtime.operator.keys;

import org.apache.arrow.vector.FieldVector;

/** Keys of the NULL type: every value is NULL, so all rows have the same key. */
final class NullKeyColumn extends KeyColumn {
    NullKeyColumn(FieldVector store) {
        super(store);
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        for (int i = 0; i < rows; i++) {
            hashes[i] = hashes[i] * 31 + NULL_HASH;
        }
    }

    @Override
    boolean equalsStored(FieldVector in, int row, int group) {
        return true;
    }

    @Override
    boolean isNull(FieldVector in, int row) {
        return true;
    }

    @Override
    void append(FieldVector in, int row, int group) {
        // nothing to store: the value count alone describes a NullVector
    }
}
