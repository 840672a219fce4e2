package io.sluice.benchmarks.nexmark;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarCharVector;

/**
 * Appends non-null values to a freshly allocated {@link VarCharVector}: the bytes of the batch are
 * gathered in a reused heap array (one {@code System.arraycopy} per value) and the offsets are written
 * straight into the offset buffer; {@link #finish} copies the bytes into the data buffer in one bulk
 * copy and marks all rows valid. Reusable: {@link #start} resets it for the next vector.
 */
final class VarCharAppender {
    private byte[] bytes = new byte[1 << 16];
    private VarCharVector vector;
    private ArrowBuf offsets;
    private int end;
    private int row;

    /** Starts filling {@code target}, with room for {@code rows} values. */
    void start(VarCharVector target, int rows) {
        vector = target;
        while (target.getValueCapacity() < rows) {
            target.reAlloc();
        }
        offsets = target.getOffsetBuffer();
        offsets.setInt(0, 0);
        end = 0;
        row = 0;
    }

    /** Appends {@code length} bytes of {@code src} from {@code from} as the next value. */
    void append(byte[] src, int from, int length) {
        appendPart(src, from, length);
        endValue();
    }

    /** Appends the whole of {@code src} as the next value. */
    void append(byte[] src) {
        append(src, 0, src.length);
    }

    /** Appends a part of the current value without ending it; {@link #endValue} ends it. */
    void appendPart(byte[] src, int from, int length) {
        if (end + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + length));
        }
        System.arraycopy(src, from, bytes, end, length);
        end += length;
    }

    /** Ends a value built with {@link #appendPart}. */
    void endValue() {
        offsets.setInt((long) ++row << 2, end);
    }

    /** Copies the bytes into the vector and marks every appended row valid. */
    void finish() {
        while (vector.getDataBuffer().capacity() < end) {
            vector.reallocDataBuffer();
        }
        vector.getDataBuffer().setBytes(0, bytes, 0, end);
        VectorWriters.setAllValid(vector.getValidityBuffer(), row);
        vector.setLastSet(row - 1);
        vector = null;
        offsets = null;
    }
}
