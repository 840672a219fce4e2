package io.sluice.runtime.operator;

import io.sluice.runtime.data.RowBatch;
import io.sluice.types.RowKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TinyIntVector;

/** An {@link Output} that passes everything on except {@code -U} (update-before) rows. */
public final class UpdateBeforeFilter implements Output {
    private final Output downstream;
    private final BufferAllocator allocator;
    private int[] keep = new int[0];

    public UpdateBeforeFilter(Output downstream, BufferAllocator allocator) {
        this.downstream = downstream;
        this.allocator = allocator;
    }

    @Override
    public void emit(RowBatch batch) throws Exception {
        TinyIntVector kinds = batch.rowKinds();
        int rows = batch.rowCount();
        if (kinds == null) {
            downstream.emit(batch);
            return;
        }
        if (keep.length < rows) {
            keep = new int[rows];
        }
        byte updateBefore = RowKind.UPDATE_BEFORE.toByteValue();
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (kinds.get(i) != updateBefore) {
                keep[n++] = i;
            }
        }
        if (n == rows) {
            downstream.emit(batch);
            return;
        }
        try (batch) {
            if (n > 0) {
                downstream.emit(io.sluice.runtime.operator.sort.VectorGather.gatherRows(batch, keep, 0, n, allocator));
            }
        }
    }

    @Override
    public void emitWatermark(long watermark) throws Exception {
        downstream.emitWatermark(watermark);
    }
}
