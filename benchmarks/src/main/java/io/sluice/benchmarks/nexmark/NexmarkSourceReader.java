package io.sluice.benchmarks.nexmark;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.table.api.UnsupportedFeatureException;
import java.nio.ByteBuffer;

/**
 * One parallel reader of a {@code 'nexmark'} table: emits its {@link ReaderShare} of the table as
 * batches of up to {@code table.exec.batch-size} rows of the projected columns, as fast as it is
 * polled (no rate limit), and emits no watermarks (declare {@code WATERMARK FOR dateTime}).
 *
 * <p>Position: the number of rows emitted, with the table, reader index and parallelism (which must
 * match on restore). Since every value is a function of the event number, a restored reader
 * continues with exactly the rows an uninterrupted one would have produced.
 */
public final class NexmarkSourceReader implements SourceReader {
    private static final int POSITION_BYTES = 20;

    private final NexmarkConfig config;
    private final ReaderContext context;
    private final int[] fields;
    private final ReaderShare share;
    private final int batchSize;
    private EventColumns columns;
    private long[] events;
    private long emitted;

    /** A reader of {@code config}'s table producing the columns {@code fields} (indexes into the table's columns). */
    NexmarkSourceReader(NexmarkConfig config, int[] fields, ReaderContext context) {
        this.config = config;
        this.context = context;
        this.fields = fields.clone();
        this.share = new ReaderShare(config, context.subtaskIndex(), context.parallelism());
        this.batchSize = Math.max(1, context.batchSize());
    }

    @Override
    public void open() {
        columns = EventColumns.create(config);
        events = new long[batchSize];
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        long left = share.rows() - emitted;
        if (left <= 0) {
            return ReadStatus.END_OF_INPUT;
        }
        int rows = (int) Math.min(batchSize, left);
        share.events(emitted, rows, events);
        RowBatch batch = RowBatch.allocate(context.producedType(), context.allocator(), rows);
        try {
            for (int c = 0; c < fields.length; c++) {
                columns.fill(fields[c], batch.vector(c), events, rows);
            }
            batch.setRowCount(rows);
        } catch (RuntimeException | Error e) {
            batch.close();
            throw e;
        }
        emitted += rows;
        output.emit(batch);
        return emitted >= share.rows() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
    }

    /** Rows emitted so far (including those before a restore). */
    public long emittedRows() {
        return emitted;
    }

    @Override
    public byte[] snapshotPosition() {
        return ByteBuffer.allocate(POSITION_BYTES).putInt(config.table().ordinal())
                .putInt(context.subtaskIndex()).putInt(context.parallelism()).putLong(emitted).array();
    }

    @Override
    public void restorePosition(byte[] position) {
        if (position.length != POSITION_BYTES) {
            throw new IllegalArgumentException("not a nexmark reader position: " + position.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(position);
        int table = buf.getInt();
        int subtask = buf.getInt();
        int parallelism = buf.getInt();
        if (table != config.table().ordinal()) {
            throw new IllegalArgumentException("position of a nexmark " + NexmarkTable.values()[table]
                    + " reader restored into a " + config.table() + " reader");
        }
        if (subtask != context.subtaskIndex() || parallelism != context.parallelism()) {
            throw new UnsupportedFeatureException("restoring nexmark reader " + subtask + " of " + parallelism
                    + " as reader " + context.subtaskIndex() + " of " + context.parallelism()
                    + " (changing the parallelism of a nexmark source)");
        }
        emitted = buf.getLong();
    }

    @Override
    public void close() {
        columns = null;
        events = null;
    }
}
