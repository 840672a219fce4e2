package io.sluice.runtime.operator.aggregate;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Compares two slots of the same vector by value (NULL equals NULL), without materializing objects. */
final class SlotEquality {
    private SlotEquality() {
    }

    static boolean equal(FieldVector v, int a, int b) {
        boolean nullA = v.isNull(a);
        boolean nullB = v.isNull(b);
        if (nullA || nullB) {
            return nullA == nullB;
        }
        if (v instanceof BitVector) {
            return ((BitVector) v).get(a) == ((BitVector) v).get(b);
        }
        if (v instanceof BaseFixedWidthVector) {
            int width = ((BaseFixedWidthVector) v).getTypeWidth();
            ArrowBuf data = v.getDataBuffer();
            return rangeEquals(data, (long) a * width, data, (long) b * width, width);
        }
        if (v instanceof BaseVariableWidthVector) {
            BaseVariableWidthVector w = (BaseVariableWidthVector) v;
            ArrowBuf offsets = w.getOffsetBuffer();
            int startA = offsets.getInt((long) a * 4);
            int lenA = offsets.getInt((long) (a + 1) * 4) - startA;
            int startB = offsets.getInt((long) b * 4);
            int lenB = offsets.getInt((long) (b + 1) * 4) - startB;
            return lenA == lenB && rangeEquals(w.getDataBuffer(), startA, w.getDataBuffer(), startB, lenA);
        }
        return java.util.Objects.equals(v.getObject(a), v.getObject(b));
    }

    private static boolean rangeEquals(ArrowBuf x, long xStart, ArrowBuf y, long yStart, int length) {
        for (int i = 0; i < length; i++) {
            if (x.getByte(xStart + i) != y.getByte(yStart + i)) {
                return false;
            }
        }
        return true;
    }
}
