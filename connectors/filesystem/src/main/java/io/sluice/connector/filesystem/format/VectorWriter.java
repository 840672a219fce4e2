package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes decoded values straight into the vectors of a {@link RowBatch} with raw buffer writes, for text
 * decoders that produce rows one at a time. {@link #bind} ensures every fixed-width vector holds
 * {@code maxRows} rows; variable-width values (strings, binary) are staged in a byte array per column and
 * moved into the Arrow data buffer in one copy by {@link #finish}.
 *
 * <p>Every row a decoder keeps must have every column written, with a value or {@link #setNull}; a row
 * that turns out malformed half-way is discarded with {@link #rollback} and its index reused. One
 * instance per decoder (one thread).
 */
public final class VectorWriter {
    private final String[] names;
    private final String fileName;
    private final boolean[] variable;
    private final boolean[] nullType;
    private final boolean[] constructed;
    private final FieldVector[] vectors;
    private final ArrowBuf[] data;
    private final ArrowBuf[] validity;
    private final ArrowBuf[] offsets;
    private final long[] varEnd;
    private final byte[][] staged;
    private final int[] stagedLength;
    private final long[] stagedBase;

    /**
     * @param types the batch's column types, in batch order
     * @param names the column names (for error messages)
     * @param fileName the file decoded (for error messages)
     */
    public VectorWriter(LogicalType[] types, String[] names, String fileName) {
        int n = types.length;
        this.names = names.clone();
        this.fileName = fileName;
        this.variable = new boolean[n];
        this.nullType = new boolean[n];
        this.constructed = new boolean[n];
        for (int c = 0; c < n; c++) {
            TypeRoot root = types[c].root();
            variable[c] = root.isCharacterString() || root.isBinaryString();
            nullType[c] = root == TypeRoot.NULL;
            constructed[c] = root.isConstructed();
        }
        this.vectors = new FieldVector[n];
        this.data = new ArrowBuf[n];
        this.validity = new ArrowBuf[n];
        this.offsets = new ArrowBuf[n];
        this.varEnd = new long[n];
        this.staged = new byte[n][];
        this.stagedLength = new int[n];
        this.stagedBase = new long[n];
    }

    /** Prepares to append rows from {@code row} (the batch's current row count) up to {@code maxRows}. */
    public void bind(RowBatch batch, int maxRows, int row) {
        for (int c = 0; c < vectors.length; c++) {
            FieldVector v = batch.vector(c);
            vectors[c] = v;
            if (nullType[c] || constructed[c]) {
                continue;
            }
            while (v.getValueCapacity() < maxRows) {
                v.reAlloc();
            }
            validity[c] = v.getValidityBuffer();
            data[c] = v.getDataBuffer();
            if (variable[c]) {
                offsets[c] = v.getOffsetBuffer();
                varEnd[c] = offsets[c].getInt((long) row * 4);
                stagedBase[c] = varEnd[c];
                stagedLength[c] = 0;
                if (staged[c] == null) {
                    staged[c] = new byte[1 << 16];
                }
            }
        }
    }

    /** Moves staged variable-width bytes into the vectors and marks {@code rows} rows as written. */
    public void finish(int rows) {
        for (int c = 0; c < vectors.length; c++) {
            if (!variable[c]) {
                continue;
            }
            int n = stagedLength[c];
            BaseVariableWidthVector v = (BaseVariableWidthVector) vectors[c];
            if (n > 0) {
                long end = stagedBase[c] + n;
                if (v.getDataBuffer().capacity() < end) {
                    v.reallocDataBuffer(end);
                }
                v.getDataBuffer().setBytes(stagedBase[c], staged[c], 0, n);
                stagedLength[c] = 0;
            }
            v.setLastSet(rows - 1);
        }
    }

    /** Forgets what was written into row {@code row} of every column, so the row can be written again. */
    public void rollback(int row) {
        for (int c = 0; c < vectors.length; c++) {
            if (variable[c]) {
                rollback(c, row);
            }
        }
    }

    /** Forgets what was written into row {@code row} of column {@code c} (e.g. a duplicate JSON key). */
    public void rollback(int c, int row) {
        if (variable[c]) {
            varEnd[c] = offsets[c].getInt((long) row << 2);
            stagedLength[c] = (int) (varEnd[c] - stagedBase[c]);
        }
    }

    public void setNull(int c, int row) {
        if (nullType[c]) {
            return;
        }
        if (constructed[c]) {
            io.sluice.runtime.data.VectorValues.setNull(vectors[c], row);
            return;
        }
        if (variable[c]) {
            offsets[c].setInt((long) (row + 1) << 2, (int) varEnd[c]);
        }
        BitVectorHelper.unsetBit(validity[c], row);
    }

    /** Writes an external value (null for NULL) into column {@code c}, of an ARRAY, MAP, MULTISET or ROW type. */
    public void setValue(int c, int row, LogicalType type, Object value) {
        io.sluice.runtime.data.VectorValues.set(type, vectors[c], row, value);
    }

    public void setLong(int c, int row, long v) {
        data[c].setLong((long) row << 3, v);
        BitVectorHelper.setBit(validity[c], row);
    }

    public void setInt(int c, int row, int v) {
        data[c].setInt((long) row << 2, v);
        BitVectorHelper.setBit(validity[c], row);
    }

    public void setShort(int c, int row, short v) {
        data[c].setShort((long) row << 1, v);
        BitVectorHelper.setBit(validity[c], row);
    }

    public void setByte(int c, int row, byte v) {
        data[c].setByte(row, v);
        BitVectorHelper.setBit(validity[c], row);
    }

    public void setDouble(int c, int row, double v) {
        data[c].setDouble((long) row << 3, v);
        BitVectorHelper.setBit(validity[c], row);
    }

    public void setFloat(int c, int row, float v) {
        data[c].setFloat((long) row << 2, v);
        BitVectorHelper.setBit(validity[c], row);
    }

    public void setBoolean(int c, int row, boolean v) {
        if (v) {
            BitVectorHelper.setBit(data[c], row);
        } else {
            BitVectorHelper.unsetBit(data[c], row);
        }
        BitVectorHelper.setBit(validity[c], row);
    }

    /** A DECIMAL value given unscaled at the column's scale. */
    public void setDecimal(int c, int row, long unscaled) {
        ((DecimalVector) vectors[c]).set(row, unscaled);
    }

    /** A DECIMAL value already at the column's scale and within its precision. */
    public void setDecimal(int c, int row, BigDecimal v) {
        ((DecimalVector) vectors[c]).set(row, v);
    }

    /** A string or binary value: {@code len} bytes of {@code src} from {@code off}. */
    public void setBytes(int c, int row, byte[] src, int off, int len) {
        int at = reserve(c, len);
        System.arraycopy(src, off, staged[c], at, len);
        commit(c, row, len);
    }

    /** A string value given as UTF-16 characters, stored as UTF-8 (unpaired surrogates become '?'). */
    public void setChars(int c, int row, char[] src, int off, int len) {
        int at = reserve(c, len * 3);
        byte[] dst = staged[c];
        int w = at;
        int end = off + len;
        int i = off;
        while (i < end) {
            char ch = src[i++];
            if (ch < 0x80) {
                dst[w++] = (byte) ch;
            } else if (ch < 0x800) {
                dst[w++] = (byte) (0xC0 | (ch >> 6));
                dst[w++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && i < end && Character.isLowSurrogate(src[i])) {
                int cp = Character.toCodePoint(ch, src[i++]);
                dst[w++] = (byte) (0xF0 | (cp >> 18));
                dst[w++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[w++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[w++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                dst[w++] = '?';
            } else {
                dst[w++] = (byte) (0xE0 | (ch >> 12));
                dst[w++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                dst[w++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        commit(c, row, w - at);
    }

    private int reserve(int c, int len) {
        int at = stagedLength[c];
        if (at + len > staged[c].length) {
            staged[c] = Arrays.copyOf(staged[c], Math.max(staged[c].length * 2, at + len));
        }
        return at;
    }

    private void commit(int c, int row, int len) {
        stagedLength[c] += len;
        long end = varEnd[c] + len;
        if (end > Integer.MAX_VALUE) {
            throw new TableException("More than 2 GB of data in one batch of column '" + names[c] + "' in " + fileName);
        }
        varEnd[c] = end;
        offsets[c].setInt((long) (row + 1) << 2, (int) end);
        BitVectorHelper.setBit(validity[c], row);
    }
}
