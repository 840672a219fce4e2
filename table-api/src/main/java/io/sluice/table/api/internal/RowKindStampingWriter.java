package io.sluice.table.api.internal;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.types.RowKind;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Gives every row written through it one row kind before passing it on: the rows a {@code DELETE} or
 * {@code UPDATE} statement selects reach the table's writer as {@code -D} or {@code +U} rows.
 */
final class RowKindStampingWriter implements SinkWriter {
    private final SinkWriter delegate;
    private final RowKind kind;

    RowKindStampingWriter(SinkWriter delegate, RowKind kind) {
        this.delegate = delegate;
        this.kind = kind;
    }

    @Override
    public void open() throws Exception {
        delegate.open();
    }

    @Override
    public void write(RowBatch batch) throws Exception {
        int rows = batch.rowCount();
        TinyIntVector kinds = new TinyIntVector("$row_kind", batch.vector(0).getAllocator());
        kinds.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
            kinds.set(i, kind.toByteValue());
        }
        kinds.setValueCount(rows);
        batch.setRowKinds(kinds);
        delegate.write(batch);
    }

    @Override
    public void finish() throws Exception {
        delegate.finish();
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        delegate.processWatermark(watermark);
    }

    @Override
    public byte[] snapshotState(long checkpointId) throws Exception {
        return delegate.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        delegate.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void restoreState(byte[] state) throws Exception {
        delegate.restoreState(state);
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }
}
