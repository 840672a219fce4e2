package io.sluice.runtime.data;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Value equality of slots of Arrow vectors of the same class, byte for byte (NULL equals NULL), without
 * materializing Java objects: "the same row" as a changelog retraction means it, and "an unchanged
 * result" as an aggregate that skips an update means it.
 */
public final class VectorSlots {
    private VectorSlots() {
    }

    /** Row {@code i} of {@code a} equals row {@code j} of {@code b} in every column. */
    public static boolean rowsEqual(FieldVector[] a, int i, FieldVector[] b, int j) {
        for (int c = 0; c < a.length; c++) {
            if (!equal(a[c], i, b[c], j)) {
                return false;
            }
        }
        return true;
    }

    /** Slot {@code i} of {@code a} equals slot {@code j} of {@code b} (vectors of the same class). */
    public static boolean equal(FieldVector a, int i, FieldVector b, int j) {
        if (a instanceof NullVector) {
            return true;
        }
        boolean nullA = a.isNull(i);
        boolean nullB = b.isNull(j);
        if (nullA || nullB) {
            return nullA == nullB;
        }
        if (a instanceof BitVector) {
            return ((BitVector) a).get(i) == ((BitVector) b).get(j);
        }
        if (a instanceof BaseFixedWidthVector) {
            long w = ((BaseFixedWidthVector) a).getTypeWidth();
            return ByteFunctionHelpers.equal(a.getDataBuffer(), i * w, (i + 1) * w,
                    b.getDataBuffer(), j * w, (j + 1) * w) != 0;
        }
        if (a instanceof BaseVariableWidthVector) {
            ArrowBuf oa = a.getOffsetBuffer();
            ArrowBuf ob = b.getOffsetBuffer();
            long w = BaseVariableWidthVector.OFFSET_WIDTH;
            return ByteFunctionHelpers.equal(a.getDataBuffer(), oa.getInt(i * w), oa.getInt((i + 1) * w),
                    b.getDataBuffer(), ob.getInt(j * w), ob.getInt((j + 1) * w)) != 0;
        }
        if (a instanceof ListVector) { // ARRAY, and MAP/MULTISET (MapVector): same length, equal elements in order
            ListVector la = (ListVector) a;
            ListVector lb = (ListVector) b;
            int startA = la.getElementStartIndex(i);
            int startB = lb.getElementStartIndex(j);
            int length = la.getElementEndIndex(i) - startA;
            if (lb.getElementEndIndex(j) - startB != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (!equal(la.getDataVector(), startA + k, lb.getDataVector(), startB + k)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof StructVector) { // ROW, and the key/value entries of a MapVector
            StructVector sa = (StructVector) a;
            StructVector sb = (StructVector) b;
            for (int f = 0; f < sa.size(); f++) {
                if (!equal((FieldVector) sa.getChildByOrdinal(f), i, (FieldVector) sb.getChildByOrdinal(f), j)) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a.getObject(i), b.getObject(j));
    }
}
