package io.sluice.runtime.state;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.RowType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes whole rows of Arrow vectors into the value bytes of a keyed-state backend and reads them back into vectors,
 * for SQL operators whose state is rows (Top-N, deduplication). Fixed-width columns are copied as their raw bytes and
 * strings and binaries as their bytes, without building Java objects; other columns (booleans, nested types) go
 * through {@link StateWriter#writeValue}. The form depends only on the row type, so a row written by one run reads
 * back in another.
 */
public final class StoredRowCodec {
    private final RowType type;

    public StoredRowCodec(RowType type) {
        this.type = type;
    }

    /** Writes row {@code row} of {@code vectors} (one vector per column of the row type). */
    public void write(FieldVector[] vectors, int row, DataOutput out, StateWriter values) throws IOException {
        for (int c = 0; c < vectors.length; c++) {
            FieldVector v = vectors[c];
            if (v instanceof BaseFixedWidthVector f && !(v instanceof BitVector)) {
                boolean set = !v.isNull(row);
                out.writeBoolean(set);
                if (set) {
                    writeFixed(f.getDataBuffer(), (long) row * f.getTypeWidth(), f.getTypeWidth(), out);
                }
            } else if (v instanceof BaseVariableWidthVector w) {
                boolean set = !v.isNull(row);
                out.writeBoolean(set);
                if (set) {
                    int start = w.getStartOffset(row);
                    int length = w.getValueLength(row);
                    byte[] bytes = new byte[length];
                    w.getDataBuffer().getBytes(start, bytes);
                    out.writeInt(length);
                    out.write(bytes);
                }
            } else {
                values.writeValue(type.type(c), VectorValues.get(type.type(c), v, row));
                values.flush();
            }
        }
    }

    /** Reads a row {@link #write} wrote into position {@code index} of {@code target}, growing the vectors. */
    public void read(DataInput in, StateReader values, FieldVector[] target, int index) throws IOException {
        for (int c = 0; c < target.length; c++) {
            FieldVector v = target[c];
            if (v instanceof BaseFixedWidthVector f && !(v instanceof BitVector)) {
                if (!in.readBoolean()) {
                    f.setNull(index);
                    continue;
                }
                while (index >= f.getValueCapacity()) {
                    f.reAlloc();
                }
                readFixed(in, f.getDataBuffer(), (long) index * f.getTypeWidth(), f.getTypeWidth());
                BitVectorHelper.setBit(f.getValidityBuffer(), index);
            } else if (v instanceof BaseVariableWidthVector w) {
                if (!in.readBoolean()) {
                    w.setNull(index);
                    continue;
                }
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                w.setSafe(index, bytes);
            } else {
                VectorValues.set(type.type(c), v, index, values.readValue(type.type(c)));
            }
        }
    }

    /**
     * Row {@code row} of {@code vectors} as {@link #write} writes it, in a new array (for state kept as one value per
     * row, e.g. the rows of a window or a session).
     */
    public byte[] encode(FieldVector[] vectors, int row) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64);
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        try {
            write(vectors, row, out, new StateWriter(bytes));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot serialize a stored row of " + type, e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #encode} wrote, from byte {@code offset} of {@code bytes}, into position {@code index}. */
    public void decode(byte[] bytes, int offset, FieldVector[] target, int index) {
        java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes, offset, bytes.length - offset));
        try {
            read(in, new StateReader(in), target, index);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read a stored row of " + type, e);
        }
    }

    private static void writeFixed(ArrowBuf data, long offset, int width, DataOutput out) throws IOException {
        switch (width) {
            case 1 -> out.writeByte(data.getByte(offset));
            case 2 -> out.writeShort(data.getShort(offset));
            case 4 -> out.writeInt(data.getInt(offset));
            case 8 -> out.writeLong(data.getLong(offset));
            default -> {
                for (int b = 0; b < width; b++) {
                    out.writeByte(data.getByte(offset + b));
                }
            }
        }
    }

    private static void readFixed(DataInput in, ArrowBuf data, long offset, int width) throws IOException {
        switch (width) {
            case 1 -> data.setByte(offset, in.readByte());
            case 2 -> data.setShort(offset, in.readShort());
            case 4 -> data.setInt(offset, in.readInt());
            case 8 -> data.setLong(offset, in.readLong());
            default -> {
                for (int b = 0; b < width; b++) {
                    data.setByte(offset + b, in.readByte());
                }
            }
        }
    }
}
