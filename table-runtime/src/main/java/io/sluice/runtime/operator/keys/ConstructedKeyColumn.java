package io.sluice.runtime.operator.keys;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.compare.Range;
import org.apache.arrow.vector.compare.RangeEqualsVisitor;

/**
 * ARRAY, MAP, MULTISET and ROW keys: Arrow's content hash of a slot and a slot-by-slot comparison of the
 * nested vectors (equal when every element, entry or field is equal, NULLs equal to NULLs).
 */
final class ConstructedKeyColumn extends KeyColumn {
    ConstructedKeyColumn(FieldVector store) {
        super(store);
    }

    @Override
    void hash(FieldVector in, int rows, int[] hashes) {
        for (int i = 0; i < rows; i++) {
            int h = in.isNull(i) ? NULL_HASH : mix(in.hashCode(i));
            hashes[i] = hashes[i] * 31 + h;
        }
    }

    @Override
    boolean equalsStored(FieldVector in, int row, int group) {
        boolean inNull = in.isNull(row);
        boolean stNull = store.isNull(group);
        if (inNull || stNull) {
            return inNull == stNull;
        }
        return new RangeEqualsVisitor(in, store, (a, b) -> true).rangeEquals(new Range(row, group, 1));
    }

    @Override
    void append(FieldVector in, int row, int group) {
        store.copyFromSafe(row, group, in);
        store.setValueCount(group + 1); // the slot comparison checks ranges against the value count
    }

    @Override
    boolean isNull(FieldVector in, int row) {
        return in.isNull(row);
    }
}
