package io.sluice.connector.filesystem.format;

import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import io.sluice.types.RowKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Sets row kinds in a batch's row-kind vector, for decoders of changelog formats. The vector is created on first use
 * from the allocator of the batch's first column, with every earlier row an insert.
 */
public final class RowKinds {
    private RowKinds() {
    }

    /** Sets the kind of row {@code row} of {@code batch}, creating or growing the batch's row-kind vector. */
    public static void set(RowBatch batch, int row, RowKind kind) {
        TinyIntVector kinds = batch.rowKinds();
        if (kinds == null) {
            if (batch.columnCount() == 0) {
                throw new TableException("A changelog format cannot mark row kinds in a batch without columns.");
            }
            BufferAllocator allocator = batch.vector(0).getAllocator();
            kinds = new TinyIntVector("$row_kind", allocator);
            kinds.allocateNew(Math.max(row + 1, batch.vector(0).getValueCapacity()));
            for (int i = 0; i < row; i++) {
                kinds.set(i, RowKind.INSERT.toByteValue());
            }
            batch.setRowKinds(kinds);
        }
        kinds.setSafe(row, kind.toByteValue());
    }
}
