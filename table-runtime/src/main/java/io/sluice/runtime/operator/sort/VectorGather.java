package io.sluice.runtime.operator.sort;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.ValueVector;

/**
 * Copies rows picked by index from one vector into consecutive positions of another vector of the
 * same type. Fixed-width values are copied with typed buffer reads and writes, variable-width values appended
 * in order by writing offsets and copying bytes; other cases (booleans, values written out of order, nested
 * types) with {@code copyFromSafe}.
 */
public final class VectorGather {
    private VectorGather() {
    }

    /**
     * Copies {@code src[indexes[k]]} to {@code dst[dstStart + k - from]} for {@code k} in
     * {@code [from, to)}, growing {@code dst} as needed. Does not set the value count.
     */
    public static void gather(ValueVector src, int[] indexes, int from, int to, ValueVector dst, int dstStart) {
        if (dst instanceof NullVector) {
            return;
        }
        if (dst instanceof BaseFixedWidthVector && !(dst instanceof BitVector)) {
            gatherFixed((BaseFixedWidthVector) src, indexes, from, to, (BaseFixedWidthVector) dst, dstStart);
            return;
        }
        if (dstStart == 0 && dst instanceof BaseVariableWidthVector && src.getClass() == dst.getClass()
                && ((BaseVariableWidthVector) dst).getLastSet() < 0) {
            gatherVariable((BaseVariableWidthVector) src, indexes, from, to, (BaseVariableWidthVector) dst);
            return;
        }
        int o = dstStart;
        for (int k = from; k < to; k++) {
            dst.copyFromSafe(indexes[k], o++, src);
        }
    }

    /**
     * Copies {@code sources[k][indexes[k]]} to {@code dst[k]} for {@code k} in {@code [0, n)}: a gather from several
     * vectors of {@code dst}'s type, one column at a time, into an empty {@code dst}, growing it as needed (once, when
     * the sources are of {@code dst}'s class). Does not set the value count.
     */
    public static void gather(ValueVector[] sources, int[] indexes, int n, ValueVector dst) {
        if (dst instanceof NullVector || n == 0) {
            return;
        }
        boolean sameClass = true;
        for (int k = 0; k < n && sameClass; k++) {
            sameClass = sources[k].getClass() == dst.getClass();
        }
        if (sameClass && dst instanceof BaseFixedWidthVector && !(dst instanceof BitVector)) {
            BaseFixedWidthVector d = (BaseFixedWidthVector) dst;
            while (d.getValueCapacity() < n) {
                d.reAlloc();
            }
            int width = d.getTypeWidth();
            for (int k = 0; k < n; k++) {
                copyFixed((BaseFixedWidthVector) sources[k], indexes[k], d, k, width);
            }
            return;
        }
        if (sameClass && dst instanceof BaseVariableWidthVector && ((BaseVariableWidthVector) dst).getLastSet() < 0) {
            BaseVariableWidthVector d = (BaseVariableWidthVector) dst;
            long bytes = 0;
            for (int k = 0; k < n; k++) {
                BaseVariableWidthVector src = (BaseVariableWidthVector) sources[k];
                if (!src.isNull(indexes[k])) {
                    bytes += src.getValueLength(indexes[k]);
                }
            }
            while (d.getValueCapacity() < n) {
                d.reallocValidityAndOffsetBuffers();
            }
            if (d.getDataBuffer().capacity() < bytes) {
                d.reallocDataBuffer(bytes);
            }
            ArrowBuf out = d.getDataBuffer();
            ArrowBuf offsets = d.getOffsetBuffer();
            ArrowBuf validity = d.getValidityBuffer();
            int end = 0;
            offsets.setInt(0, 0);
            for (int k = 0; k < n; k++) {
                BaseVariableWidthVector src = (BaseVariableWidthVector) sources[k];
                int i = indexes[k];
                if (src.isNull(i)) {
                    BitVectorHelper.unsetBit(validity, k);
                } else {
                    BitVectorHelper.setBit(validity, k);
                    int len = src.getValueLength(i);
                    out.setBytes(end, src.getDataBuffer(), src.getStartOffset(i), len);
                    end += len;
                }
                offsets.setInt((long) (k + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
            }
            d.setLastSet(n - 1);
            return;
        }
        for (int k = 0; k < n; k++) {
            dst.copyFromSafe(indexes[k], k, sources[k]);
        }
    }

    /**
     * A new batch of rows {@code indexes[from, to)} of {@code src} (its row kinds too), allocated from
     * {@code allocator}; {@code src} stays owned by the caller.
     */
    public static io.sluice.runtime.data.RowBatch gatherRows(io.sluice.runtime.data.RowBatch src, int[] indexes,
            int from, int to, org.apache.arrow.memory.BufferAllocator allocator) {
        int n = to - from;
        io.sluice.runtime.data.RowBatch out = io.sluice.runtime.data.RowBatch.allocate(src.type(), allocator, n);
        try {
            for (int c = 0; c < src.columnCount(); c++) {
                gather(src.vector(c), indexes, from, to, out.vector(c), 0);
            }
            org.apache.arrow.vector.TinyIntVector kinds = src.rowKinds();
            if (kinds != null) {
                org.apache.arrow.vector.TinyIntVector k = new org.apache.arrow.vector.TinyIntVector("$row_kind", allocator);
                out.setRowKinds(k);
                k.allocateNew(Math.max(n, 1));
                for (int i = from; i < to; i++) {
                    k.set(i - from, kinds.get(indexes[i]));
                }
            }
            out.setRowCount(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Copies {@code src[srcIndex]} (possibly null) to {@code dst[dstIndex]}, growing {@code dst}. */
    public static void copy(ValueVector src, int srcIndex, ValueVector dst, int dstIndex) {
        if (dst instanceof BaseFixedWidthVector && !(dst instanceof BitVector) && src.getClass() == dst.getClass()) {
            BaseFixedWidthVector d = (BaseFixedWidthVector) dst;
            int width = d.getTypeWidth();
            // capacity checks by multiplication (getValueCapacity divides), then one typed value copy
            while (d.getDataBuffer().capacity() < (long) (dstIndex + 1) * width
                    || d.getValidityBuffer().capacity() * 8 <= dstIndex) {
                d.reAlloc();
            }
            copyFixed((BaseFixedWidthVector) src, srcIndex, d, dstIndex, width);
        } else if (dst instanceof BaseVariableWidthVector && src.getClass() == dst.getClass()
                && ((BaseVariableWidthVector) dst).getLastSet() == dstIndex - 1) {
            append((BaseVariableWidthVector) src, srcIndex, (BaseVariableWidthVector) dst, dstIndex);
        } else if (!(dst instanceof NullVector)) {
            dst.copyFromSafe(srcIndex, dstIndex, src);
        }
    }

    /** {@link #copy} of a variable-width value right after the last one set in {@code dst}. */
    private static void append(BaseVariableWidthVector src, int i, BaseVariableWidthVector dst, int o) {
        while (dst.getValidityBuffer().capacity() * 8 <= o
                || dst.getOffsetBuffer().capacity() < (long) (o + 2) * BaseVariableWidthVector.OFFSET_WIDTH) {
            dst.reallocValidityAndOffsetBuffers();
        }
        ArrowBuf offsets = dst.getOffsetBuffer();
        int start = offsets.getInt((long) o * BaseVariableWidthVector.OFFSET_WIDTH);
        int end = start;
        if (src.isNull(i)) {
            BitVectorHelper.unsetBit(dst.getValidityBuffer(), o);
        } else {
            int len = src.getValueLength(i);
            end = start + len;
            while (dst.getDataBuffer().capacity() < end) {
                dst.reallocDataBuffer();
            }
            BitVectorHelper.setBit(dst.getValidityBuffer(), o);
            dst.getDataBuffer().setBytes(start, src.getDataBuffer(), src.getStartOffset(i), len);
        }
        dst.getOffsetBuffer().setInt((long) (o + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
        dst.setLastSet(o);
    }

    private static void copyFixed(BaseFixedWidthVector src, int i, BaseFixedWidthVector dst, int o, int width) {
        ArrowBuf outValidity = dst.getValidityBuffer();
        if (src.isNull(i)) {
            BitVectorHelper.unsetBit(outValidity, o);
            return;
        }
        BitVectorHelper.setBit(outValidity, o);
        ArrowBuf in = src.getDataBuffer();
        ArrowBuf out = dst.getDataBuffer();
        switch (width) {
            case 1:
                out.setByte(o, in.getByte(i));
                break;
            case 2:
                out.setShort((long) o * 2, in.getShort((long) i * 2));
                break;
            case 4:
                out.setInt((long) o * 4, in.getInt((long) i * 4));
                break;
            case 8:
                out.setLong((long) o * 8, in.getLong((long) i * 8));
                break;
            case 16:
                out.setLong((long) o * 16, in.getLong((long) i * 16));
                out.setLong((long) o * 16 + 8, in.getLong((long) i * 16 + 8));
                break;
            default:
                out.setBytes((long) o * width, in, (long) i * width, width);
        }
    }

    /**
     * {@link #gather} into an empty variable-width vector of the source's class: sizes the buffers once, then writes
     * the offsets and copies each value's bytes.
     */
    private static void gatherVariable(BaseVariableWidthVector src, int[] indexes, int from, int to,
            BaseVariableWidthVector dst) {
        int n = to - from;
        long bytes = 0;
        for (int k = from; k < to; k++) {
            int i = indexes[k];
            if (!src.isNull(i)) {
                bytes += src.getValueLength(i);
            }
        }
        while (dst.getValueCapacity() < n) {
            dst.reallocValidityAndOffsetBuffers();
        }
        if (dst.getDataBuffer().capacity() < bytes) {
            dst.reallocDataBuffer(bytes);
        }
        ArrowBuf in = src.getDataBuffer();
        ArrowBuf out = dst.getDataBuffer();
        ArrowBuf offsets = dst.getOffsetBuffer();
        ArrowBuf validity = dst.getValidityBuffer();
        int end = 0;
        offsets.setInt(0, 0);
        for (int k = from, o = 0; k < to; k++, o++) {
            int i = indexes[k];
            if (src.isNull(i)) {
                BitVectorHelper.unsetBit(validity, o);
            } else {
                BitVectorHelper.setBit(validity, o);
                int len = src.getValueLength(i);
                out.setBytes(end, in, src.getStartOffset(i), len);
                end += len;
            }
            offsets.setInt((long) (o + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
        }
        dst.setLastSet(n - 1);
    }

    private static void gatherFixed(BaseFixedWidthVector src, int[] indexes, int from, int to,
            BaseFixedWidthVector dst, int dstStart) {
        int end = dstStart + (to - from);
        while (dst.getValueCapacity() < end) {
            dst.reAlloc();
        }
        int width = src.getTypeWidth();
        for (int k = from, o = dstStart; k < to; k++, o++) {
            copyFixed(src, indexes[k], dst, o, width);
        }
    }
}
