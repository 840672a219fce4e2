package io.sluice.benchmarks.nexmark;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Raw-buffer helpers for filling freshly allocated vectors whose values are all non-null. */
final class VectorWriters {
    private VectorWriters() {
    }

    /**
     * Marks rows {@code 0 .. rows-1} of an 8-byte fixed-width vector (BIGINT, TIMESTAMP) valid and
     * returns its data buffer, with room for {@code rows} values; write value {@code i} at byte {@code 8 * i}.
     */
    static ArrowBuf longData(FieldVector vector, int rows) {
        BaseFixedWidthVector v = (BaseFixedWidthVector) vector;
        while (v.getValueCapacity() < rows) {
            v.reAlloc();
        }
        setAllValid(v.getValidityBuffer(), rows);
        return v.getDataBuffer();
    }

    /** Sets the first {@code rows} bits of {@code validity} (and clears the rest of the last byte). */
    static void setAllValid(ArrowBuf validity, int rows) {
        int full = rows >>> 3;
        int words = full >>> 3;
        for (int w = 0; w < words; w++) {
            validity.setLong((long) w << 3, -1L);
        }
        for (int b = words << 3; b < full; b++) {
            validity.setByte(b, 0xFF);
        }
        int rest = rows & 7;
        if (rest != 0) {
            validity.setByte(full, (1 << rest) - 1);
        }
    }
}
