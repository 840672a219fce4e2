package io.sluice.runtime.state;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.VectorGather;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Picks, out of rows an operator kept in its state (whole input rows, or rows holding some of the input's columns),
 * those whose keys an instance restoring at another parallelism owns ({@link KeyOwnership}).
 */
public final class OwnedRows {
    private OwnedRows() {
    }

    /**
     * The rows of {@code batch} that {@code owned} accepts, in their order, as a new batch (the caller closes both);
     * {@code batchColumns} holds, per column of {@code batch}, the column of input {@code input} it is, or is null
     * when {@code batch} holds whole rows of that input.
     */
    public static RowBatch keep(RowBatch batch, KeyOwnership owned, int[] batchColumns, int input,
            BufferAllocator allocator) {
        int n = batch.rowCount();
        int[] columns = batchColumns;
        if (columns == null) {
            columns = new int[batch.columnCount()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = c;
            }
        }
        boolean[] mine = owned.ownedRows(batch, columns, input);
        int[] rows = new int[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (mine[r]) {
                rows[m++] = r;
            }
        }
        return VectorGather.gatherRows(batch, rows, 0, m, allocator);
    }
}
