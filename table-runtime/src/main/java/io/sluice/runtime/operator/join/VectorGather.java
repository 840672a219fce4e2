package io.sluice.runtime.operator.join;

import io.sluice.runtime.data.ColumnVectors;
import io.sluice.runtime.types.RowType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Copies values picked by row index from one vector into consecutive positions of another of the same
 * class: {@code dst[dstOffset + k] = src[rows[k]]}, NULL where {@code rows[k] < 0} (or {@code src} is
 * null). Typed loops over the buffers; the caller sets the value count afterwards.
 */
final class VectorGather {
    private static final int OW = BaseVariableWidthVector.OFFSET_WIDTH;

    private VectorGather() {
    }

    /**
     * New vectors of {@code type} ({@link ColumnVectors#allocateNullable}, room for {@code capacity} rows)
     * holding rows {@code rows[0 .. count)} of the columns {@code src}, value counts set; the caller owns
     * them. Nothing is left allocated when this throws.
     */
    static FieldVector[] gatherColumns(FieldVector[] src, int[] rows, int count, RowType type,
            BufferAllocator allocator, int capacity) {
        FieldVector[] dst = ColumnVectors.allocateNullable(type, allocator, capacity);
        try {
            for (int c = 0; c < dst.length; c++) {
                gather(src[c], rows, count, dst[c], 0);
                dst[c].setValueCount(count);
            }
        } catch (RuntimeException e) {
            ColumnVectors.closeAll(dst);
            throw e;
        }
        return dst;
    }

    static void gather(FieldVector src, int[] rows, int count, FieldVector dst, int dstOffset) {
        if (dst instanceof NullVector) {
            return;
        }
        if (dst instanceof BaseVariableWidthVector) {
            gatherVariable((BaseVariableWidthVector) src, rows, count, (BaseVariableWidthVector) dst, dstOffset);
        } else if (dst instanceof BaseFixedWidthVector) {
            BaseFixedWidthVector d = (BaseFixedWidthVector) dst;
            while (d.getValueCapacity() < dstOffset + count) {
                d.reAlloc();
            }
            if (dst instanceof BitVector) {
                gatherBits(src, rows, count, d, dstOffset);
            } else {
                gatherFixed(src, rows, count, d, dstOffset);
            }
        } else {
            for (int k = 0; k < count; k++) {
                if (src == null || rows[k] < 0) {
                    dst.setNull(dstOffset + k);
                } else {
                    dst.copyFromSafe(rows[k], dstOffset + k, src);
                }
            }
        }
    }

    private static void gatherFixed(FieldVector src, int[] rows, int count, BaseFixedWidthVector dst, int off) {
        ArrowBuf dv = dst.getValidityBuffer();
        if (src == null) {
            for (int k = 0; k < count; k++) {
                BitVectorHelper.unsetBit(dv, off + k);
            }
            return;
        }
        ArrowBuf sv = src.getValidityBuffer();
        ArrowBuf sd = src.getDataBuffer();
        ArrowBuf dd = dst.getDataBuffer();
        int w = dst.getTypeWidth();
        for (int k = 0; k < count; k++) {
            int r = rows[k];
            int t = off + k;
            if (r < 0 || BitVectorHelper.get(sv, r) == 0) {
                BitVectorHelper.unsetBit(dv, t);
                continue;
            }
            BitVectorHelper.setBit(dv, t);
            switch (w) {
                case 4:
                    dd.setInt((long) t * 4, sd.getInt((long) r * 4));
                    break;
                case 8:
                    dd.setLong((long) t * 8, sd.getLong((long) r * 8));
                    break;
                case 16:
                    dd.setLong((long) t * 16, sd.getLong((long) r * 16));
                    dd.setLong((long) t * 16 + 8, sd.getLong((long) r * 16 + 8));
                    break;
                default:
                    dd.setBytes((long) t * w, sd, (long) r * w, w);
            }
        }
    }

    private static void gatherBits(FieldVector src, int[] rows, int count, BaseFixedWidthVector dst, int off) {
        ArrowBuf dv = dst.getValidityBuffer();
        ArrowBuf dd = dst.getDataBuffer();
        ArrowBuf sv = src == null ? null : src.getValidityBuffer();
        ArrowBuf sd = src == null ? null : src.getDataBuffer();
        for (int k = 0; k < count; k++) {
            int r = rows[k];
            int t = off + k;
            if (src == null || r < 0 || BitVectorHelper.get(sv, r) == 0) {
                BitVectorHelper.unsetBit(dv, t);
                continue;
            }
            BitVectorHelper.setBit(dv, t);
            if (BitVectorHelper.get(sd, r) != 0) {
                BitVectorHelper.setBit(dd, t);
            } else {
                BitVectorHelper.unsetBit(dd, t);
            }
        }
    }

    /**
     * Sizes the destination's buffers once for all {@code count} values (the byte total is summed first), then copies
     * offsets, validity bits and bytes straight into them: no per-value capacity check or buffer doubling.
     */
    private static void gatherVariable(BaseVariableWidthVector src, int[] rows, int count,
            BaseVariableWidthVector dst, int off) {
        while (dst.getValueCapacity() < off + count) {
            dst.reallocValidityAndOffsetBuffers();
        }
        ArrowBuf so = src == null ? null : src.getOffsetBuffer();
        ArrowBuf sv = src == null ? null : src.getValidityBuffer();
        long total = 0;
        if (src != null) {
            for (int k = 0; k < count; k++) {
                int r = rows[k];
                if (r >= 0 && BitVectorHelper.get(sv, r) != 0) {
                    total += so.getInt((long) (r + 1) * OW) - so.getInt((long) r * OW);
                }
            }
        }
        ArrowBuf doff = dst.getOffsetBuffer();
        // rows before off that were never set (NULLs) still need offsets: they end where the last set row ends
        int filled = Math.min(dst.getLastSet() + 1, off);
        int pos = doff.getInt((long) filled * OW);
        for (int t = filled + 1; t <= off; t++) {
            doff.setInt((long) t * OW, pos);
        }
        if (total > 0 && dst.getDataBuffer().capacity() < pos + total) {
            dst.reallocDataBuffer(pos + total);
        }
        doff = dst.getOffsetBuffer();
        ArrowBuf dv = dst.getValidityBuffer();
        ArrowBuf dd = dst.getDataBuffer();
        ArrowBuf sd = src == null ? null : src.getDataBuffer();
        for (int k = 0; k < count; k++) {
            int r = rows[k];
            int t = off + k;
            if (src == null || r < 0 || BitVectorHelper.get(sv, r) == 0) {
                BitVectorHelper.unsetBit(dv, t);
            } else {
                int start = so.getInt((long) r * OW);
                int length = so.getInt((long) (r + 1) * OW) - start;
                BitVectorHelper.setBit(dv, t);
                dd.setBytes(pos, sd, start, length);
                pos += length;
            }
            doff.setInt((long) (t + 1) * OW, pos);
        }
        if (count > 0) {
            dst.setLastSet(off + count - 1);
        }
    }
}
