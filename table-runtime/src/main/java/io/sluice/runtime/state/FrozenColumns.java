package io.sluice.runtime.state;

import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The first rows of append-only state columns, frozen for an asynchronous snapshot: slices that share the columns'
 * buffers (no copy) and hold a reference to them, so the rows stay readable after the state reallocates or closes
 * its columns. Only valid for state that never rewrites a stored row in place (it appends, and compacts into fresh
 * columns): later appends then write past the frozen rows. {@link #close} releases the references.
 */
public final class FrozenColumns implements AutoCloseable {
    private final RowType type;
    private final FieldVector[] vectors;
    private final int rowCount;

    private FrozenColumns(RowType type, FieldVector[] vectors, int rowCount) {
        this.type = type;
        this.vectors = vectors;
        this.rowCount = rowCount;
    }

    /** Freezes rows {@code 0 .. rowCount-1} of {@code columns} (of {@code type}). */
    public static FrozenColumns of(RowType type, List<FieldVector> columns, int rowCount) {
        FieldVector[] slices = new FieldVector[columns.size()];
        try {
            for (int c = 0; c < slices.length; c++) {
                slices[c] = freeze(columns.get(c), rowCount);
            }
        } catch (RuntimeException e) {
            for (FieldVector s : slices) {
                if (s != null) {
                    s.close();
                }
            }
            throw e;
        }
        return new FrozenColumns(type, slices, rowCount);
    }

    /**
     * A slice of rows {@code 0 .. n-1} of {@code v}. Bit-packed buffers (validity, booleans) share their last byte with
     * the rows appended later, so a flat vector gets its own copy of them, masked to {@code n} bits: what is written
     * stays the same however the column grows meanwhile. (A nested vector keeps shared bit buffers: readers ignore the
     * bits past a vector's length.)
     */
    private static FieldVector freeze(FieldVector v, int n) {
        TransferPair tp = v.getTransferPair(v.getAllocator());
        if (n > 0) {
            tp.splitAndTransfer(0, n);
        }
        FieldVector slice = (FieldVector) tp.getTo();
        slice.setValueCount(n);
        if (n % 8 == 0 || !slice.getChildrenFromFields().isEmpty()) {
            return slice;
        }
        List<ArrowBuf> buffers = slice.getFieldBuffers();
        boolean bitData = slice instanceof BitVector;
        List<ArrowBuf> own = new ArrayList<>(buffers.size());
        try {
            for (int b = 0; b < buffers.size(); b++) {
                ArrowBuf buffer = buffers.get(b);
                if (b == 0 || (bitData && b == 1)) {
                    own.add(copyBits(buffer, n, v.getAllocator()));
                } else {
                    buffer.getReferenceManager().retain();
                    own.add(buffer);
                }
            }
            FieldVector fresh = v.getField().createVector(v.getAllocator());
            fresh.loadFieldBuffers(new ArrowFieldNode(n, BitVectorHelper.getNullCount(own.get(0), n)), own);
            return fresh;
        } finally {
            for (ArrowBuf b : own) {
                b.getReferenceManager().release(); // the fresh vector retained what it keeps
            }
            slice.close();
        }
    }

    private static ArrowBuf copyBits(ArrowBuf bits, int n, BufferAllocator allocator) {
        int bytes = (n + 7) / 8;
        ArrowBuf copy = allocator.buffer(bytes);
        copy.setBytes(0, bits, 0, bytes);
        copy.setByte(bytes - 1, copy.getByte(bytes - 1) & ((1 << (n % 8)) - 1));
        copy.writerIndex(bytes);
        return copy;
    }

    /** The frozen columns (read only). */
    public FieldVector[] vectors() {
        return vectors;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Writes the frozen rows as {@link StateWriter#writeColumns} writes them. */
    public void write(StateWriter out) throws IOException {
        out.writeColumns(type, new ArrayList<>(List.of(vectors)), rowCount);
    }

    @Override
    public void close() {
        for (FieldVector v : vectors) {
            v.close();
        }
    }
}
