package io.sluice.runtime.execution;

import io.sluice.runtime.data.RowBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.util.TransferPair;

/** Makes a second batch over the same data for a second consumer. */
final class BatchCopies {
    private BatchCopies() {
    }

    /**
     * A batch sharing {@code batch}'s buffers (reference-counted slices), owned by {@code allocator}'s
     * side; closing either batch leaves the other valid.
     */
    static RowBatch share(RowBatch batch, BufferAllocator allocator) {
        int rows = batch.rowCount();
        List<FieldVector> vectors = new ArrayList<>(batch.columnCount());
        for (int c = 0; c < batch.columnCount(); c++) {
            FieldVector v = batch.vector(c);
            TransferPair tp = v.getTransferPair(allocator);
            tp.splitAndTransfer(0, rows);
            vectors.add((FieldVector) tp.getTo());
        }
        RowBatch copy = RowBatch.of(batch.type(), vectors, rows);
        TinyIntVector kinds = batch.rowKinds();
        if (kinds != null) {
            TransferPair tp = kinds.getTransferPair(allocator);
            tp.splitAndTransfer(0, rows);
            copy.setRowKinds((TinyIntVector) tp.getTo());
        }
        return copy;
    }
}
