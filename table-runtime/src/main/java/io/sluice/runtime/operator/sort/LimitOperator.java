package io.sluice.runtime.operator.sort;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * {@code OFFSET n FETCH m} without ordering: skips the first {@code offset} rows, passes the next
 * {@code fetch} rows through in arrival order (slicing batches without copying values), then drops
 * everything else. {@link #isFinished()} tells when no more rows will be emitted, so a driver may stop
 * reading its input early.
 *
 * <p><b>Streaming semantics:</b> batch-mode only for now. Expects an insert-only input and emits
 * insert-only rows; keeps only two counters as state (rows still to skip and still to emit, which a
 * checkpoint saves); forwards watermarks. A limit over an updating (retracting) input in streaming
 * mode is later work.
 */
public final class LimitOperator implements StreamOperator, CheckpointedOperator {
    private final RowType type;
    private final long offset;
    private final long fetch;

    private BufferAllocator allocator;
    private Output output;
    private long toSkip;
    private long toEmit;

    /**
     * @param offset rows to skip (0 for none)
     * @param fetch  maximum rows to pass on, or -1 for no limit
     */
    public LimitOperator(RowType type, long offset, long fetch) {
        if (offset < 0 || fetch < -1) {
            throw new IllegalArgumentException("invalid offset/fetch " + offset + "/" + fetch);
        }
        this.type = type;
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public void open(OperatorContext context, Output output) {
        this.allocator = context.allocator();
        this.output = output;
        this.toSkip = offset;
        this.toEmit = fetch < 0 ? Long.MAX_VALUE : fetch;
    }

    /** True once {@code fetch} rows have been emitted. */
    public boolean isFinished() {
        return toEmit == 0;
    }

    @Override
    public void processBatch(int input, RowBatch batch) throws Exception {
        int rows = batch.rowCount();
        int skip = (int) Math.min(toSkip, rows);
        int take = (int) Math.min(toEmit, rows - skip);
        toSkip -= skip;
        toEmit -= take;
        if (take == 0) {
            batch.close();
        } else if (skip == 0 && take == rows) {
            output.emit(batch);
        } else {
            RowBatch slice;
            try (batch) {
                slice = slice(batch, skip, take);
            }
            output.emit(slice);
        }
    }

    private RowBatch slice(RowBatch batch, int start, int length) {
        List<FieldVector> vectors = new ArrayList<>(batch.columnCount());
        TinyIntVector kinds = null;
        try {
            for (int c = 0; c < batch.columnCount(); c++) {
                TransferPair tp = batch.vector(c).getTransferPair(allocator);
                tp.splitAndTransfer(start, length);
                vectors.add((FieldVector) tp.getTo());
            }
            if (batch.rowKinds() != null) {
                TransferPair tp = batch.rowKinds().getTransferPair(allocator);
                tp.splitAndTransfer(start, length);
                kinds = (TinyIntVector) tp.getTo();
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        RowBatch out = RowBatch.of(type, vectors, length);
        out.setRowKinds(kinds);
        return out;
    }

    @Override
    public void snapshotState(StateWriter out) throws IOException {
        out.writeLong(toSkip);
        out.writeLong(toEmit);
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        toSkip = in.readLong();
        toEmit = in.readLong();
    }

    @Override
    public void endInput(int input) {
    }

    @Override
    public void close() {
    }
}
