package io.sluice.runtime.state;

import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
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
                FieldVector v = columns.get(c);
                TransferPair tp = v.getTransferPair(v.getAllocator());
                if (rowCount > 0) {
                    tp.splitAndTransfer(0, rowCount);
                }
                slices[c] = (FieldVector) tp.getTo();
                slices[c].setValueCount(rowCount);
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
