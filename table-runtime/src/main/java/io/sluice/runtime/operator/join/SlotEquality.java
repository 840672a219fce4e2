package io.sluice.runtime.operator.join;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Compares a value of one vector with a value of another vector of the same class, byte for byte
 * (NULL equals NULL), without materializing Java objects: "the same row" as a changelog means it.
 */
final class SlotEquality {
    private SlotEquality() {
    }

    static boolean equal(FieldVector a, int i, FieldVector b, int j) {
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
        return java.util.Objects.equals(a.getObject(i), b.getObject(j));
    }
}
